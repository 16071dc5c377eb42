import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The presentation's client components get its messages (the root layout passes only the error page's). */
export default function PresentLayout({ children }: { children: ReactNode }) {
  return <ClientMessages screen="present">{children}</ClientMessages>;
}
