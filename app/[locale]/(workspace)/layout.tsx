import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The workspace's forms get their messages (the root layout passes only the error page's). */
export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return <ClientMessages screen="workspace">{children}</ClientMessages>;
}
