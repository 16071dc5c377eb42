import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { CLIENT_NAMESPACES, pickMessages, type ClientScreen } from './client-namespaces';

/** A server component: the client components below it get the screen's messages and no others. */
export async function ClientMessages({
  screen,
  children,
}: {
  screen: ClientScreen;
  children: ReactNode;
}) {
  const messages = pickMessages(await getMessages(), CLIENT_NAMESPACES[screen]);
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
