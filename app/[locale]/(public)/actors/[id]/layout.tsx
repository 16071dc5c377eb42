import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** An actor's status charts get their messages (the root layout passes only the error page's). */
export default function ActorLayout({ children }: { children: ReactNode }) {
  return <ClientMessages screen="pairs">{children}</ClientMessages>;
}
