/**
 * An Atom 1.0 document (RFC 4287) from plain values: the feeds of published entries
 * (app/api/v1/feeds). Every text is escaped here and stripped of the characters XML 1.0 cannot
 * carry, so no stored text can break the document or a reader's parser.
 */

export interface AtomEntry {
  /** A permanent IRI: the entry's canonical URL, never reused for another entry. */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  link: string;
  author: string;
  summary: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** RFC 3339 date-time: the newest entry's, or a fixed time for an empty feed. */
  updated: string;
  self: string;
  alternate: string;
  /** The feed's own author (the app), so that an empty feed is valid too. */
  author: string;
  entries: readonly AtomEntry[];
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

// Outside XML 1.0's Char production: C0 controls but tab, newline and return, lone surrogates,
// U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text fit for an XML element or a quoted attribute. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const element = (name: string, value: string) => `<${name}>${xmlText(value)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${xmlText(href)}"${type ? ` type="${type}"` : ''}/>`;

export function atomFeed(feed: AtomFeed): string {
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      element('id', entry.id),
      element('title', entry.title),
      element('updated', entry.updated),
      link('alternate', entry.link, 'text/html'),
      `<author>${element('name', entry.author)}</author>`,
      element('summary', entry.summary),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('id', feed.id),
    element('title', feed.title),
    element('updated', feed.updated),
    link('self', feed.self, 'application/atom+xml'),
    link('alternate', feed.alternate, 'text/html'),
    `<author>${element('name', feed.author)}</author>`,
    ...entries,
    '</feed>',
  ].join('\n');
}

export const ENTRIES_FEED_PATH = '/api/v1/feeds/entries.atom';

/** The path of the feed of one commitment, actor or round, or of all: its query in one order. */
export function entriesFeedPath(
  filters: { commitment?: string; subject?: number; round?: number } = {},
): string {
  const query = new URLSearchParams();
  for (const name of ['commitment', 'subject', 'round'] as const)
    if (filters[name] !== undefined) query.set(name, String(filters[name]));
  const search = query.toString();
  return search ? `${ENTRIES_FEED_PATH}?${search}` : ENTRIES_FEED_PATH;
}
