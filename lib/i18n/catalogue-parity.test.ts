import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { DEFAULT_LOCALE } from './catalogue';

const MESSAGES = path.join(__dirname, 'messages');
const API_DOCUMENT = path.join(__dirname, '..');

/** `admin.fr.json` -> { file: 'admin', locale: 'fr' }; the main catalogue `fr.json` has file ''. */
function catalogueName(name: string): { file: string; locale: string } | null {
  const match = /^(?:([a-z]+)\.)?([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/.exec(name);
  return match?.[2] ? { file: match[1] ?? '', locale: match[2] } : null;
}

const catalogues = fs.readdirSync(MESSAGES).flatMap((name) => {
  const parsed = catalogueName(name);
  return parsed ? [{ ...parsed, name }] : [];
});
const englishFiles = catalogues.filter(({ locale }) => locale === DEFAULT_LOCALE);
const locales = [...new Set(catalogues.map(({ locale }) => locale))]
  .filter((locale) => locale !== DEFAULT_LOCALE)
  .sort();

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every leaf of a catalogue by its dotted key, as next-intl addresses it. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  if (value === null || typeof value !== 'object') return new Map([[prefix, value]]);
  return new Map(
    Object.entries(value).flatMap(([key, child]) => [
      ...leaves(child, prefix ? `${prefix}.${key}` : key),
    ]),
  );
}

/**
 * What a message needs from its caller and shows as markup: arguments with their types, exact
 * plural selectors (`=0`), select options (machine values) and tag names. Plural categories
 * (one, few, many…) are the locale's own, so they are checked against its plural rules instead.
 */
function signature(
  elements: MessageFormatElement[],
  categories: { plural: Set<string>; ordinal: Set<string> },
  problems: string[],
  into = new Set<string>(),
): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(`{${element.value}}`);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
      const style = typeof element.style === 'string' ? element.style : '';
      into.add(`{${element.value}, ${TYPE[element.type]}${style ? `, ${style}` : ''}}`);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      signature(element.children, categories, problems, into);
    }
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      const kind = element.type === TYPE.select ? 'select' : (element.pluralType ?? 'cardinal');
      into.add(`{${element.value}, ${kind}}`);
      for (const [selector, option] of Object.entries(element.options)) {
        const allowed = kind === 'ordinal' ? categories.ordinal : categories.plural;
        if (kind === 'select' || selector.startsWith('=')) {
          into.add(`{${element.value}, ${kind}, ${selector}}`);
        } else if (!allowed.has(selector)) {
          problems.push(`{${element.value}} has the category "${selector}", unknown here`);
        }
        signature(option.value, categories, problems, into);
      }
      if (!('other' in element.options)) problems.push(`{${element.value}} has no "other" branch`);
    }
  }
  return into;
}

/** The signature of one message, or the parse error as a problem. */
function messageSignature(message: string, locale: string, problems: string[]): Set<string> {
  const categories = {
    plural: new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories),
    ordinal: new Set<string>(
      new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories,
    ),
  };
  try {
    return signature(parse(message), categories, problems);
  } catch (error) {
    problems.push(`does not parse as ICU (${(error as Error).message})`);
    return new Set();
  }
}

/**
 * Differences between a translation and English, one line each naming the key: extra and missing
 * keys, then what `check` finds wrong in each translated text.
 */
function differences(
  english: unknown,
  translated: unknown,
  check: (englishText: string, text: string) => string[],
): string[] {
  const englishLeaves = leaves(english);
  const translatedLeaves = leaves(translated);
  return [
    ...[...translatedLeaves.keys()]
      .filter((key) => !englishLeaves.has(key))
      .map((key) => `${key}: extra key, not in English`),
    ...[...englishLeaves].flatMap(([key, englishText]) => {
      const text = translatedLeaves.get(key);
      if (typeof text !== 'string' || text.trim() === '') return [`${key}: missing`];
      return check(String(englishText), text).map((problem) => `${key}: ${problem}`);
    }),
  ];
}

/** A catalogue's differences from English, comparing each message's ICU signature. */
function catalogueProblems(english: unknown, translated: unknown, locale: string): string[] {
  return differences(english, translated, (englishMessage, message) => {
    const own: string[] = [];
    const expected = messageSignature(englishMessage, DEFAULT_LOCALE, []);
    const actual = messageSignature(message, locale, own);
    const missing = [...expected].filter((part) => !actual.has(part));
    const extra = [...actual].filter((part) => !expected.has(part));
    if (missing.length > 0) own.push(`lacks ${missing.join(' ')}`);
    if (extra.length > 0) own.push(`has ${extra.join(' ')}, which English has not`);
    return own;
  });
}

/** The literal code spans (`…`) of a text: machine names that a translation keeps as they are. */
function codeSpans(text: string): string {
  return JSON.stringify([...text.matchAll(/`([^`]*)`/g)].map((match) => match[1] ?? '').sort());
}

describe.each(locales)('the %s catalogue', (locale) => {
  it.each(englishFiles.map(({ file, name }) => ({ file, name })))(
    'has every message of $name with the same arguments and tags',
    ({ file, name }) => {
      const translatedName = `${file ? `${file}.` : ''}${locale}.json`;
      const translatedPath = path.join(MESSAGES, translatedName);
      const problems = fs.existsSync(translatedPath)
        ? catalogueProblems(readJson(path.join(MESSAGES, name)), readJson(translatedPath), locale)
        : ['the file is missing'];
      expect(problems.map((problem) => `${locale} ${translatedName} ${problem}`)).toEqual([]);
    },
  );

  it('has no catalogue file that English lacks', () => {
    const english = new Set(englishFiles.map(({ file }) => file));
    const extra = catalogues
      .filter((catalogue) => catalogue.locale === locale && !english.has(catalogue.file))
      .map(({ name }) => `${locale} ${name}: no English catalogue of this name`);
    expect(extra).toEqual([]);
  });
});

const apiDocumentLocales = fs
  .readdirSync(API_DOCUMENT)
  .flatMap((name) => /^api-document\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/.exec(name)?.[1] ?? [])
  .filter((locale) => locale !== DEFAULT_LOCALE)
  .sort();

describe.each(apiDocumentLocales)('the %s API document', (locale) => {
  it('has every text of the English one, keeping its code spans as they are', () => {
    const name = `api-document.${locale}.json`;
    const problems = differences(
      readJson(path.join(API_DOCUMENT, `api-document.${DEFAULT_LOCALE}.json`)),
      readJson(path.join(API_DOCUMENT, name)),
      (englishText, text) =>
        codeSpans(text) === codeSpans(englishText)
          ? []
          : [`code spans differ from English ${codeSpans(englishText)}`],
    );
    expect(problems.map((problem) => `${locale} ${name} ${problem}`)).toEqual([]);
  });
});

describe('the parity check itself', () => {
  it('names a missing key, an extra key, a renamed argument and a lost tag', () => {
    const english = { a: 'Hello {name}', b: { c: 'Read <link>the guide</link>' }, d: 'Bye' };
    const translated = { a: 'Bonjour {nom}', b: { c: 'Lisez le guide' }, e: 'Salut' };
    expect(catalogueProblems(english, translated, 'fr')).toEqual([
      'e: extra key, not in English',
      'a: lacks {name}',
      'a: has {nom}, which English has not',
      'b.c: lacks <link>',
      'd: missing',
    ]);
  });

  it("accepts the locale's own plural categories and refuses others and lost selectors", () => {
    const english = { n: '{count, plural, =0 {none} one {# entry} other {# entries}}' };
    const russian = {
      n: '{count, plural, =0 {нет} one {# запись} few {# записи} many {# записей} other {#}}',
    };
    expect(catalogueProblems(english, russian, 'ru')).toEqual([]);
    const french = { n: '{count, plural, one {# entrée} few {# entrées} other {# entrées}}' };
    expect(catalogueProblems(english, french, 'fr')).toEqual([
      'n: {count} has the category "few", unknown here',
      'n: lacks {count, cardinal, =0}',
    ]);
  });
});
