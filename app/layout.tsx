import type { ReactNode } from 'react';

/**
 * Every page lives under app/[locale], whose layout renders the document in the page's language;
 * this one only holds the pages outside a locale (app/not-found.tsx), which render their own.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
