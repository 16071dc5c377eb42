// use-intl/core is next-intl's own translator without React, so `npm run mail:send` can load it.
import { createTranslator } from 'use-intl/core';
import mailMessages from './i18n/messages/mail.en.json';
import { DEFAULT_LOCALE } from './i18n/catalogue';
import type { MailKind } from './mail';

/**
 * The words of each e-mail, from the message catalogue (lib/i18n/messages/mail.en.json), as plain
 * text and as simple HTML. Every value is escaped in the HTML, whoever wrote it.
 */
export const mailT = createTranslator({
  locale: DEFAULT_LOCALE,
  messages: { mail: mailMessages },
  namespace: 'mail',
});

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** One message before layout: paragraphs, an optional quoted note and list, and one link. */
export interface MailParts {
  subject: string;
  paragraphs: string[];
  /** Someone's own words (a return note), quoted as they wrote them. */
  quote?: string;
  list?: string[];
  link: { label: string; url: string };
}

const escapeHtml = (value: string) =>
  value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Lays a message out as text and HTML with the footer every e-mail carries. */
export function layoutMail(
  kind: MailKind,
  parts: MailParts,
  urls: { unsubscribe: string; settings: string },
): MailContent {
  const footer = {
    why: mailT('footer.why', { app: 'Commitment Tracker', kind: mailT(`kinds.${kind}`) }),
    unsubscribe: mailT('footer.unsubscribe'),
    settings: mailT('footer.settings'),
  };
  const text = [
    ...parts.paragraphs,
    ...(parts.quote === undefined ? [] : [parts.quote.replace(/^/gm, '> ')]),
    ...(parts.list?.length ? [parts.list.map((item) => `- ${item}`).join('\n')] : []),
    `${parts.link.label}: ${parts.link.url}`,
    [
      '-- ',
      footer.why,
      `${footer.unsubscribe}: ${urls.unsubscribe}`,
      `${footer.settings}: ${urls.settings}`,
    ].join('\n'),
  ].join('\n\n');
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    '<!doctype html><html lang="en"><body>',
    ...parts.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(parts.quote === undefined
      ? []
      : [
          `<blockquote dir="auto" style="white-space:pre-wrap">${escapeHtml(parts.quote)}</blockquote>`,
        ]),
    ...(parts.list?.length
      ? [`<ul>${parts.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`]
      : []),
    `<p>${link(parts.link.url, parts.link.label)}</p>`,
    `<hr><p><small>${escapeHtml(footer.why)} ${link(urls.unsubscribe, footer.unsubscribe)} · ` +
      `${link(urls.settings, footer.settings)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: parts.subject.replace(/[\r\n]+/g, ' '), text, html };
}
