import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The sign-in form gets its messages (the root layout passes only the error page's). */
export default function SignInLayout({ children }: { children: ReactNode }) {
  return <ClientMessages screen="signIn">{children}</ClientMessages>;
}
