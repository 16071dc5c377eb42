/**
 * The generated corpus of bad input: values that are wrong for a field (types, missing, extra,
 * huge, invalid UTF-8 and odd Unicode, SQL and HTML injection, dates out of range, unknown enum
 * values, forged ids), and the routes and server actions to send them to, found from the file
 * system and the build's action manifest so that a new route or action is covered without an edit.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface BadValue {
  label: string;
  value: unknown;
}

const HUGE = 'x'.repeat(100_000);

/** Strings that no structured field (code, id, enum, date, key, URL) accepts. */
export const BAD_STRINGS: BadValue[] = [
  { label: 'empty', value: '' },
  { label: 'blank', value: '   ' },
  { label: 'sql injection', value: "1' OR '1'='1" },
  { label: 'sql injection with comment', value: '1; DROP TABLE progress_entries; --' },
  { label: 'sql union', value: "' UNION SELECT password FROM accounts --" },
  { label: 'html injection', value: '<script>alert(1)</script>' },
  { label: 'html attribute injection', value: '"><img src=x onerror=alert(1)>' },
  { label: 'NUL and control characters', value: 'a\u0000b\u0007c' },
  { label: 'lone surrogate', value: 'x\uD800y' },
  { label: 'right-to-left override', value: '\u202Eevil\u202C' },
  { label: 'zero-width joiners', value: '\u200B\u200D\uFEFF' },
  { label: 'emoji and combining marks', value: '👩🏽‍⚖️e\u0301\u0308' },
  { label: 'fullwidth digits', value: '１２３' },
  { label: 'path traversal', value: '../../etc/passwd' },
  { label: 'huge string', value: HUGE },
  { label: 'template and prototype keys', value: '${7*7}{{7*7}}__proto__' },
];

/** Values of the wrong JSON type for any field. */
export const WRONG_TYPES: BadValue[] = [
  { label: 'number', value: 12345 },
  { label: 'negative number', value: -1 },
  { label: 'float', value: 1.5 },
  { label: 'huge number', value: 1e308 },
  { label: 'boolean', value: true },
  { label: 'null', value: null },
  { label: 'array', value: ['a', 1] },
  { label: 'object', value: { nested: { deeper: 1 } } },
  { label: 'prototype pollution', value: JSON.parse('{"__proto__":{"admin":true}}') },
];

export const BAD_DATES: BadValue[] = [
  { label: 'year 0', value: '0000-01-01' },
  { label: 'before 2000', value: '1999-12-31' },
  { label: 'far future', value: '9999-12-31' },
  { label: 'tomorrow and later', value: '2099-01-01' },
  { label: 'not a calendar day', value: '2024-02-30' },
  { label: 'month 13', value: '2024-13-01' },
  { label: 'timestamp', value: '2024-01-01T00:00:00Z' },
  { label: 'other format', value: '01/02/2024' },
  { label: 'six-digit year', value: '+275760-09-13' },
];

export const FORGED_IDS: BadValue[] = [
  { label: 'id zero', value: 0 },
  { label: 'negative id', value: -5 },
  { label: 'unknown id', value: 99_999_999 },
  { label: 'beyond 64 bits', value: '99999999999999999999999' },
  { label: 'fractional id', value: 2.5 },
  { label: 'id as words', value: 'one' },
  { label: 'id with injection', value: '1 OR 1=1' },
  { label: 'hex id', value: '0x10' },
];

/** A valid-looking entry, so each case below is wrong in exactly one place. */
export interface EntryBase {
  idempotencyKey: string;
  commitment: string;
  subject: number;
  status: string;
  asOf: string;
  summary: string;
  narrative: string;
  confidence: null;
  action?: string;
}

export interface BodyCase {
  label: string;
  /** The field a refusal must name ('body' for a body that is wrong as a whole). */
  field: string;
  body: unknown;
}

/** Fields whose every value must be of one shape: anything in BAD_STRINGS is wrong for them. */
const STRUCTURED = [
  'idempotencyKey',
  'commitment',
  'subject',
  'status',
  'asOf',
  'confidence',
  'supersedes',
  'action',
];
/** Free text accepts any printable text (it is escaped where shown), so only types, size and control characters are wrong there. */
const FREE_TEXT: Record<string, number> = {
  summary: 300,
  narrative: 20_000,
  adverseEffectsDescription: 5_000,
};

export function entryBodyCases(
  base: EntryBase,
  extra: { foreignSubject: number; foreignEntry: number },
): BodyCase[] {
  const cases: BodyCase[] = [];
  const withField = (field: string, value: unknown) => ({ ...base, [field]: value });
  for (const field of ['idempotencyKey', 'commitment', 'subject', 'status', 'asOf', 'summary']) {
    const { [field as keyof EntryBase]: _dropped, ...rest } = base;
    cases.push({ label: `${field} missing`, field, body: rest });
  }
  for (const field of [
    ...STRUCTURED,
    ...Object.keys(FREE_TEXT),
    'measures',
    'evidence',
    'adverseEffects',
  ]) {
    for (const bad of WRONG_TYPES) {
      // null is a valid "none" for these three.
      if (
        bad.value === null &&
        ['confidence', 'supersedes', 'adverseEffectsDescription'].includes(field)
      )
        continue;
      // A number for subject or supersedes is an id: the forged ids below cover it.
      if (typeof bad.value === 'number' && ['subject', 'supersedes'].includes(field)) continue;
      cases.push({ label: `${field} as ${bad.label}`, field, body: withField(field, bad.value) });
    }
  }
  for (const field of STRUCTURED)
    for (const bad of BAD_STRINGS)
      cases.push({ label: `${field}: ${bad.label}`, field, body: withField(field, bad.value) });
  for (const [field, max] of Object.entries(FREE_TEXT)) {
    cases.push({
      label: `${field} one character too long`,
      field,
      body: withField(field, 'y'.repeat(max + 1)),
    });
    cases.push({
      label: `${field} with control characters`,
      field,
      body: withField(field, 'line\u0000\u001Bnull'),
    });
  }
  cases.push({ label: 'summary blank', field: 'summary', body: withField('summary', ' \n\t ') });
  // Text that is not well-formed Unicode, in any text field (sent as a JSON escape, as JSON.stringify writes a lone surrogate).
  for (const field of Object.keys(FREE_TEXT))
    cases.push({
      label: `${field} with a lone surrogate`,
      field,
      body: {
        ...withField(field, 'x\uD800y'),
        adverseEffects: field === 'adverseEffectsDescription',
      },
    });
  cases.push({
    label: 'evidence title with a lone surrogate',
    field: 'evidence',
    body: withField('evidence', [
      { url: 'https://example.org', title: '\uDC00', relation: 'supports' },
    ]),
  });
  // Bidirectional controls in one-line fields (long text keeps them, shown isolated).
  for (const control of ['\u202E', '\u2067']) {
    cases.push({
      label: `summary with bidirectional control U+${control.charCodeAt(0).toString(16).toUpperCase()}`,
      field: 'summary',
      body: withField('summary', `Adopted ${control}etadpu`),
    });
    cases.push({
      label: `evidence title with bidirectional control U+${control.charCodeAt(0).toString(16).toUpperCase()}`,
      field: 'evidence',
      body: withField('evidence', [
        { url: 'https://example.org', title: `Decree ${control}x`, relation: 'supports' },
      ]),
    });
  }
  // Keys that name an object's prototype machinery, at the top and inside a link: named in the refusal.
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    cases.push({ label: `key ${key}`, field: key, body: withField(key, { admin: true }) });
    cases.push({
      label: `key ${key} in an evidence link`,
      field: key,
      body: withField('evidence', [
        { url: 'https://example.org', title: 'x', relation: 'supports', [key]: 1 },
      ]),
    });
  }
  for (const bad of BAD_DATES)
    cases.push({ label: `asOf ${bad.label}`, field: 'asOf', body: withField('asOf', bad.value) });
  for (const bad of FORGED_IDS) {
    cases.push({
      label: `subject: ${bad.label}`,
      field: 'subject',
      body: withField('subject', bad.value),
    });
    cases.push({
      label: `supersedes: ${bad.label}`,
      field: 'supersedes',
      body: withField('supersedes', bad.value),
    });
  }
  cases.push({
    label: 'supersedes an entry of another actor',
    field: 'supersedes',
    body: withField('supersedes', extra.foreignEntry),
  });
  cases.push({
    label: 'subject another state (a state reports on itself only)',
    field: 'subject',
    body: withField('subject', extra.foreignSubject),
  });
  cases.push({ label: 'unknown status', field: 'status', body: withField('status', 'finished') });
  cases.push({
    label: 'status in capitals',
    field: 'status',
    body: withField('status', 'COMPLETE'),
  });
  cases.push({
    label: 'unknown confidence',
    field: 'confidence',
    body: withField('confidence', 'certain'),
  });
  cases.push({
    label: 'confidence on a self-report',
    field: 'confidence',
    body: withField('confidence', 'high'),
  });
  cases.push({
    label: 'unknown measure',
    field: 'measures',
    body: withField('measures', ['prayer']),
  });
  cases.push({
    label: 'repeated measure',
    field: 'measures',
    body: withField('measures', ['legislation', 'legislation']),
  });
  cases.push({
    label: 'too many measures',
    field: 'measures',
    body: withField('measures', Array(50).fill('budget')),
  });
  cases.push({
    label: 'evidence: javascript URL',
    field: 'evidence',
    body: withField('evidence', [{ url: 'javascript:alert(1)', title: 'x', relation: 'supports' }]),
  });
  cases.push({
    label: 'evidence: not a URL',
    field: 'evidence',
    body: withField('evidence', [{ url: "' OR 1=1 --", title: 'x', relation: 'supports' }]),
  });
  cases.push({
    label: 'evidence: unknown relation',
    field: 'evidence',
    body: withField('evidence', [{ url: 'https://example.org', title: 'x', relation: 'proves' }]),
  });
  cases.push({
    label: 'evidence: no title',
    field: 'evidence',
    body: withField('evidence', [{ url: 'https://example.org', relation: 'supports' }]),
  });
  cases.push({
    label: 'evidence: extra key',
    field: 'evidence',
    body: withField('evidence', [
      { url: 'https://example.org', title: 'x', relation: 'supports', id: 1 },
    ]),
  });
  cases.push({
    label: 'evidence: 21 links',
    field: 'evidence',
    body: withField(
      'evidence',
      Array(21).fill({ url: 'https://example.org', title: 'x', relation: 'supports' }),
    ),
  });
  cases.push({
    label: 'adverse effects without a description',
    field: 'adverseEffectsDescription',
    body: { ...base, adverseEffects: true },
  });
  for (const smuggled of [
    'state',
    'reporterId',
    'createdBy',
    'publishedAt',
    'id',
    'approvedBy',
    'perspective',
  ]) {
    cases.push({
      label: `extra field ${smuggled}`,
      field: smuggled,
      body: withField(smuggled, smuggled === 'state' ? 'published' : 1),
    });
  }
  cases.push({ label: 'unknown action', field: 'action', body: withField('action', 'approve') });
  return cases;
}

/** Bodies that are wrong as a whole, for any route that takes a body. */
export function wholeBodyCases(): { label: string; body: string | Buffer; contentType: string }[] {
  return [
    { label: 'empty body', body: '', contentType: 'application/json' },
    { label: 'not JSON', body: 'status=complete&subject=1', contentType: 'application/json' },
    { label: 'truncated JSON', body: '{"summary": "half', contentType: 'application/json' },
    { label: 'JSON null', body: 'null', contentType: 'application/json' },
    { label: 'JSON array', body: '[1,2,3]', contentType: 'application/json' },
    { label: 'JSON string', body: '"entry"', contentType: 'application/json' },
    { label: 'JSON number', body: '42', contentType: 'application/json' },
    {
      label: 'invalid UTF-8',
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
      contentType: 'application/json',
    },
    {
      label: 'UTF-16 with BOM',
      body: Buffer.from('\uFEFF{"a":1}', 'utf16le'),
      contentType: 'application/json; charset=utf-16',
    },
    {
      label: 'deeply nested',
      body: '['.repeat(50_000) + ']'.repeat(50_000),
      contentType: 'application/json',
    },
    {
      label: 'duplicate keys',
      body: '{"status":"complete","status":{"$gt":""}}',
      contentType: 'application/json',
    },
    { label: 'form encoding', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { label: 'no content type', body: '{}', contentType: '' },
    {
      label: 'XML',
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      contentType: 'application/xml',
    },
    {
      label: 'malformed CSV',
      body: 'code,subject\n"unclosed,1\n,,,,,,\n\u0000',
      contentType: 'text/csv',
    },
  ];
}

/** Every byte percent-encoded (a lone surrogate becomes U+FFFD, as a browser would send it). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
    .join('');
}

/** Bad query values for every parameter of the shared vocabulary, plus an unknown parameter. */
export function queryCases(
  parameters: readonly string[],
): { label: string; parameter: string; search: string; mustRefuse: boolean }[] {
  const cases: { label: string; parameter: string; search: string; mustRefuse: boolean }[] = [];
  const freeText = new Set(['q', 'region']);
  for (const parameter of parameters) {
    for (const bad of [
      ...BAD_STRINGS,
      ...BAD_DATES.map((date) => ({ label: date.label, value: date.value })),
      { label: 'repeated', value: ['a', 'b'] },
    ]) {
      if (bad.label === 'empty') continue; // an empty value means "not set"
      const values = Array.isArray(bad.value) ? bad.value.map(String) : [String(bad.value)];
      const search = values.map((value) => `${parameter}=${percentEncode(value)}`).join('&');
      // Free-text search accepts any text up to its length; everything else must be refused.
      // A blank value means "not set" (lib/query-params.ts), for every parameter alike.
      // A real calendar date is a valid filter however far back or ahead: only an entry's own as-of date has a range.
      const validFilterDate =
        ['before 2000', 'tomorrow and later', 'far future'].includes(bad.label) &&
        ['asOf', 'from', 'to'].includes(parameter);
      const mustRefuse =
        bad.label !== 'blank' &&
        !validFilterDate &&
        (!freeText.has(parameter) || String(bad.value).length > 200 || bad.label === 'repeated');
      cases.push({ label: `${parameter}: ${bad.label}`, parameter, search, mustRefuse });
    }
  }
  cases.push({
    label: 'unknown parameter',
    parameter: 'orderBy',
    search: 'orderBy=id%3BDROP',
    mustRefuse: true,
  });
  cases.push({
    label: 'percent-encoding broken',
    parameter: 'q',
    search: 'q=%E0%A4%A',
    mustRefuse: false,
  });
  cases.push({
    label: 'invalid UTF-8 in a value',
    parameter: 'status',
    search: 'status=%FF%FEcomplete',
    mustRefuse: true,
  });
  return cases;
}

/** Every route handler: its URL template from its folder under app/api. */
export function routeHandlers(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, item.name);
      if (item.isDirectory()) walk(file);
      else if (/^route\.(ts|tsx|js)$/.test(item.name)) {
        const url =
          '/' +
          path
            .relative(path.join(root, 'app'), dir)
            .split(path.sep)
            .filter((segment) => !/^\(.*\)$/.test(segment))
            .join('/');
        found.push(url);
      }
    }
  };
  walk(path.join(root, 'app', 'api'));
  return found.sort();
}

export interface ServerAction {
  id: string;
  name: string;
  file: string;
  /** A page that renders it, as a URL template. */
  page: string;
}

/** Every server action in the production build, with a page that renders it. */
export function serverActions(distDir: string): ServerAction[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<
      string,
      { exportedName: string; filename: string; workers: Record<string, unknown> }
    >;
  };
  return Object.entries(manifest.node)
    .map(([id, action]) => {
      const worker =
        Object.keys(action.workers).sort((a, b) => a.length - b.length)[0] ?? 'app/page';
      const page =
        '/' +
        worker
          .replace(/^app\/?/, '')
          .replace(/\/?page$/, '')
          .split('/')
          // Route groups are not in the URL, nor is the locale for English (docs/architecture.md#locales).
          .filter((segment) => segment && segment !== '[locale]' && !/^\(.*\)$/.test(segment))
          .join('/');
      return { id, name: action.exportedName, file: action.filename, page };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
