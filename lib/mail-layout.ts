// use-intl/core is next-intl's own translator without React, so `npm run mail:send` can load it.
import { createTranslator } from 'use-intl/core';
import mailAr from './i18n/messages/mail.ar.json';
import mailEn from './i18n/messages/mail.en.json';
import mailEs from './i18n/messages/mail.es.json';
import mailFr from './i18n/messages/mail.fr.json';
import mailRu from './i18n/messages/mail.ru.json';
import mailZh from './i18n/messages/mail.zh.json';
import mainAr from './i18n/messages/ar.json';
import mainEn from './i18n/messages/en.json';
import mainEs from './i18n/messages/es.json';
import mainFr from './i18n/messages/fr.json';
import mainRu from './i18n/messages/ru.json';
import mainZh from './i18n/messages/zh.json';
import { DEFAULT_LOCALE } from './i18n/catalogue';
import { LOCALES, textDirection, type Locale } from './i18n/locales';
import type { MailKind } from './mail';
import type { StatusKey } from './status-scale';

/**
 * The words of each e-mail, from the message catalogues (lib/i18n/messages/mail.*.json), in the
 * recipient's language, as plain text and as simple HTML. Every value is escaped in the HTML,
 * whoever wrote it.
 */
const CATALOGUES: Record<Locale, { mail: typeof mailEn; status: Record<StatusKey, string> }> = {
  ar: { mail: mailAr, status: mainAr.status },
  en: { mail: mailEn, status: mainEn.status },
  es: { mail: mailEs, status: mainEs.status },
  fr: { mail: mailFr, status: mainFr.status },
  ru: { mail: mailRu, status: mainRu.status },
  zh: { mail: mailZh, status: mainZh.status },
};

const translatorFor = (locale: Locale) =>
  createTranslator({
    locale,
    messages: { mail: CATALOGUES[locale].mail },
    namespace: 'mail',
    timeZone: 'UTC',
  });

/** Everything that writes an e-mail in one language; made once per language and kept. */
export interface MailWriter {
  locale: Locale;
  t: ReturnType<typeof translatorFor>;
  /** A status's label, as the pages of this language show it. */
  status: (key: StatusKey) => string;
  /** A `YYYY-MM-DD` day, written out in this language (15 December 2026, 15 décembre 2026…). */
  day: (isoDay: string) => string;
  /** A path of the app as this language's pages have it: `/fr/rounds/3`; English unprefixed. */
  path: (path: string) => string;
}

/** The stored language of a recipient, or English for none (NULL) or anything unknown. */
export const mailLocale = (value: string | null | undefined): Locale =>
  (LOCALES as readonly unknown[]).includes(value) ? (value as Locale) : DEFAULT_LOCALE;

/**
 * The locale prefix of lib/i18n/routing.ts (`as-needed`): none for English, `/fr` before the
 * path for French.
 */
export function localizedPath(path: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

const writers = new Map<Locale, MailWriter>();

/**
 * The writer of a recipient's language. Reminders and digests go to many people: each
 * language's translator and date format is built once per process, not once per message.
 */
export function mailWriter(locale: string | null | undefined): MailWriter {
  const chosen = mailLocale(locale);
  let writer = writers.get(chosen);
  if (!writer) {
    const dates = new Intl.DateTimeFormat(chosen, { dateStyle: 'long', timeZone: 'UTC' });
    writer = {
      locale: chosen,
      t: translatorFor(chosen),
      status: (key) => CATALOGUES[chosen].status[key],
      day: (isoDay) => dates.format(new Date(`${isoDay}T00:00:00.000Z`)),
      path: (path) => localizedPath(path, chosen),
    };
    writers.set(chosen, writer);
  }
  return writer;
}

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

/**
 * Lays a message out as text and HTML with the footer every e-mail carries, in the writer's
 * language; the HTML says which (`lang`) and, for Arabic, that it reads right to left (`dir`).
 */
export function layoutMail(
  writer: MailWriter,
  kind: MailKind,
  parts: MailParts,
  urls: { unsubscribe: string; settings: string },
): MailContent {
  const { t } = writer;
  const footer = {
    why: t('footer.why', { app: 'Commitment Tracker', kind: t(`kinds.${kind}`) }),
    unsubscribe: t('footer.unsubscribe'),
    settings: t('footer.settings'),
  };
  // "Label: link", with the language's own colon (French spaces it, Chinese writes it wide).
  const linkLine = (label: string, url: string) => t('footer.linkLine', { label, url });
  const text = [
    ...parts.paragraphs,
    ...(parts.quote === undefined ? [] : [parts.quote.replace(/^/gm, '> ')]),
    ...(parts.list?.length ? [parts.list.map((item) => `- ${item}`).join('\n')] : []),
    linkLine(parts.link.label, parts.link.url),
    [
      '-- ',
      footer.why,
      linkLine(footer.unsubscribe, urls.unsubscribe),
      linkLine(footer.settings, urls.settings),
    ].join('\n'),
  ].join('\n\n');
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const html = [
    `<!doctype html><html lang="${writer.locale}" dir="${textDirection(writer.locale)}"><body>`,
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
