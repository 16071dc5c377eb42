import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from '@playwright/test';

const MESSAGES = path.join(__dirname, '..', '..', 'lib', 'i18n', 'messages');

/** Every message of a locale's catalogues (the main one and each namespace), by dotted key. */
function catalogue(locale: string): Map<string, string> {
  const messages = new Map<string, string>();
  const add = (value: unknown, prefix: string) => {
    if (typeof value === 'string') messages.set(prefix, value);
    else if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value))
        add(child, prefix ? `${prefix}.${key}` : key);
  };
  for (const name of fs.readdirSync(MESSAGES)) {
    const match = new RegExp(`^(?:([a-z]+)\\.)?${locale}\\.json$`).exec(name);
    if (match) add(JSON.parse(fs.readFileSync(path.join(MESSAGES, name), 'utf8')), match[1] ?? '');
  }
  return messages;
}

/**
 * The runs of literal text a message shows between its arguments: "{count} entries are waiting
 * for review" gives "entries are waiting for review"; a plural's or select's options each give
 * their own; a tag's content runs on with the text around it.
 */
function literalRuns(
  elements: MessageFormatElement[],
  runs: string[] = [],
  current = { text: '' },
) {
  const cut = () => {
    runs.push(current.text);
    current.text = '';
  };
  for (const element of elements) {
    if (element.type === TYPE.literal) current.text += element.value;
    else if (element.type === TYPE.tag) literalRuns(element.children, runs, current);
    else if (element.type === TYPE.select || element.type === TYPE.plural) {
      cut();
      for (const option of Object.values(element.options)) {
        literalRuns(option.value, runs);
      }
    } else cut();
  }
  cut();
  return runs;
}

function runsOf(message: string): string[] {
  try {
    return literalRuns(parse(message, { ignoreTag: false }))
      .map((run) => run.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  } catch {
    return [message];
  }
}

/** Words of a run that count: a sentence has three or more. */
const words = (run: string) => run.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

/**
 * The English catalogue's sentences (runs of three words or more) a page in `locale` must not
 * show: every run that the locale's own catalogue does not also contain word for word (proper
 * names, codes and terms a language keeps in English are allowed that way), less `allowed`.
 */
export function englishSentences(locale: string, allowed: readonly string[] = []): string[] {
  const own = [...catalogue(locale).values()].join('\n');
  const sentences = new Set<string>();
  for (const message of catalogue('en').values())
    for (const run of runsOf(message))
      if (words(run) >= 3 && !own.includes(run) && !allowed.includes(run)) sentences.add(run);
  return [...sentences];
}

/**
 * Which of `sentences` the page shows or names: its visible text and title, and the labels a
 * screen reader reads (aria-label, alt, title, placeholder), leaving out text marked as written
 * in another language (`lang`), such as a commitment's verbatim source.
 */
export async function englishLeaks(page: Page, sentences: readonly string[]): Promise<string[]> {
  const text = await page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const foreign = (element: Element) => {
      const marked = element.closest('[lang]');
      return marked !== null && marked.getAttribute('lang') !== pageLang;
    };
    let visible = document.body.innerText;
    for (const element of document.body.querySelectorAll('[lang]'))
      if (foreign(element) && element instanceof HTMLElement && element.innerText)
        visible = visible.replace(element.innerText, '\n');
    const labels = [
      ...document.body.querySelectorAll('[aria-label], [alt], [title], [placeholder]'),
    ]
      .filter((element) => !foreign(element))
      .flatMap((element) =>
        ['aria-label', 'alt', 'title', 'placeholder'].map(
          (name) => element.getAttribute(name) ?? '',
        ),
      );
    return [document.title, visible, ...labels].join('\n').replace(/\s+/g, ' ');
  });
  return sentences.filter((sentence) => text.includes(sentence));
}
