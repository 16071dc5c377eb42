import { describe, expect, it } from 'vitest';
import { atomFeed, entriesFeedPath, xmlText, type AtomFeed } from './atom';

const feed = (overrides: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'https://tracker.example/api/v1/feeds/entries.atom?commitment=TIP-01',
  title: 'Commitment Tracker: published entries on TIP-01',
  updated: '2026-11-01T10:00:00.000Z',
  self: 'https://tracker.example/api/v1/feeds/entries.atom?commitment=TIP-01',
  alternate: 'https://tracker.example/commitments/TIP-01',
  author: 'Commitment Tracker',
  entries: [
    {
      id: 'https://tracker.example/entries/7',
      title: 'Republic of Aldoria — TIP-01: Limited progress',
      updated: '2026-11-01T10:00:00.000Z',
      link: 'https://tracker.example/entries/7',
      author: 'Republic of Aldoria',
      summary: 'Referral mechanism adopted',
    },
  ],
  ...overrides,
});

describe('xmlText', () => {
  it('escapes markup so stored text can never open an element or end an attribute', () => {
    expect(xmlText(`<script>&"'</script>`)).toBe('&lt;script&gt;&amp;&quot;&apos;&lt;/script&gt;');
  });

  it('drops the characters XML 1.0 cannot carry and keeps tabs, line breaks and emoji', () => {
    expect(xmlText('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFF')).toBe('abcde');
    expect(xmlText('lone \uD800 surrogate')).toBe('lone  surrogate');
    expect(xmlText('tab\there\nline\r\n🌍 ١٢٣')).toBe('tab\there\nline\r\n🌍 ١٢٣');
  });
});

describe('atomFeed', () => {
  it('writes the elements RFC 4287 requires of a feed and of each entry', () => {
    const xml = atomFeed(feed());
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(
      '<id>https://tracker.example/api/v1/feeds/entries.atom?commitment=TIP-01</id>',
    );
    expect(xml).toContain('<updated>2026-11-01T10:00:00.000Z</updated>');
    expect(xml).toContain(`<link rel="self" href="${feed().self}" type="application/atom+xml"/>`);
    expect(xml).toContain(
      '<link rel="alternate" href="https://tracker.example/commitments/TIP-01" type="text/html"/>',
    );
    const entry = /<entry>(.*)<\/entry>/.exec(xml)![1]!;
    for (const part of [
      '<id>https://tracker.example/entries/7</id>',
      '<title>Republic of Aldoria — TIP-01: Limited progress</title>',
      '<updated>2026-11-01T10:00:00.000Z</updated>',
      '<link rel="alternate" href="https://tracker.example/entries/7" type="text/html"/>',
      '<author><name>Republic of Aldoria</name></author>',
      '<summary>Referral mechanism adopted</summary>',
    ])
      expect(entry).toContain(part);
    expect(xml.trimEnd().endsWith('</feed>')).toBe(true);
  });

  it('escapes every text and link, so a hostile narrative stays text', () => {
    const [entry] = feed().entries;
    const xml = atomFeed(
      feed({
        alternate: 'https://tracker.example/actors?q="a"&b',
        entries: [{ ...entry!, summary: '</summary><entry>x</entry>\u0000', author: 'A & B' }],
      }),
    );
    expect(xml).toContain('<summary>&lt;/summary&gt;&lt;entry&gt;x&lt;/entry&gt;</summary>');
    expect(xml).toContain('<name>A &amp; B</name>');
    expect(xml).toContain('href="https://tracker.example/actors?q=&quot;a&quot;&amp;b"');
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });

  it('gives the same document for the same entries: ids do not change between polls', () => {
    expect(atomFeed(feed())).toBe(atomFeed(feed()));
    const empty = atomFeed(feed({ entries: [] }));
    expect(empty).not.toContain('<entry>');
    // RFC 4287: a feed whose entries do not all have an author has one of its own.
    expect(empty).toContain('<author><name>Commitment Tracker</name></author>');
  });
});

describe('entriesFeedPath', () => {
  it('puts the filters in one order, so one feed has one address', () => {
    expect(entriesFeedPath()).toBe('/api/v1/feeds/entries.atom');
    expect(entriesFeedPath({ round: 2, commitment: 'TIP-01', subject: 5 })).toBe(
      '/api/v1/feeds/entries.atom?commitment=TIP-01&subject=5&round=2',
    );
  });
});
