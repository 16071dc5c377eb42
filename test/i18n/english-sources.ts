import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What each translation was last checked against: for every English text of the catalogues and
 * of the API document, a short hash of the English wording (lib/i18n/translated-from.json). When
 * an English text changes under its key, lib/i18n/translation-freshness.test.ts names the key,
 * so its five translations are updated instead of going silently stale (docs/architecture.md,
 * Locales).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MESSAGES = path.join(ROOT, 'lib/i18n/messages');
export const RECORD = path.join(ROOT, 'lib/i18n/translated-from.json');

function leaves(value: unknown, prefix: string, into: Map<string, string>): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (Array.isArray(value))
    value.forEach((child, index) => leaves(child, `${prefix}[${index}]`, into));
  else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) leaves(child, `${prefix}.${key}`, into);
  return into;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Every English text by `file#key`, with the hash of its wording, sorted by key. */
export function englishSources(): Record<string, string> {
  const files = [
    ...fs
      .readdirSync(MESSAGES)
      .filter((name) => /^(?:[a-z]+\.)?en\.json$/.test(name))
      .map((name) => path.join(MESSAGES, name)),
    path.join(ROOT, 'lib/api-document.en.json'),
  ];
  const texts = new Map<string, string>();
  for (const file of files) {
    const name = path.relative(ROOT, file);
    leaves(JSON.parse(fs.readFileSync(file, 'utf8')), name, texts);
  }
  const keys = [...texts.keys()].sort();
  return Object.fromEntries(
    keys.map((key) => [key.replace('.json.', '.json#'), hash(texts.get(key)!)]),
  );
}

/** The keys whose English changed since its translations were recorded, or that came or went. */
export function staleKeys(today: Record<string, string>, record: Record<string, string>) {
  return {
    changed: Object.keys(today).filter((key) => key in record && record[key] !== today[key]),
    added: Object.keys(today).filter((key) => !(key in record)),
    gone: Object.keys(record).filter((key) => !(key in today)),
  };
}

/** The record as stored, or an empty one before the first. */
export function recorded(): Record<string, string> {
  return fs.existsSync(RECORD) ? JSON.parse(fs.readFileSync(RECORD, 'utf8')) : {};
}

// `npm run i18n:translated`: the translations now match today's English; record it.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(RECORD, `${JSON.stringify(englishSources(), null, 2)}\n`);
  console.log(`Recorded ${Object.keys(englishSources()).length} English texts in ${RECORD}`);
}
