import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** A commitment's status charts get their messages (the root layout passes only the error page's). */
export default function CommitmentLayout({ children }: { children: ReactNode }) {
  return <ClientMessages screen="pairs">{children}</ClientMessages>;
}
