/**
 * The actors list in a page's language: a state is found and sorted by the name the page shows
 * (lib/country-names.ts), not only by its stored English name, so "Brésil" finds Brazil on /fr.
 * Pure: the page hands in the actors the database matched.
 */
import { actorNameIn } from './country-names';
import type { Locale } from './i18n/locales';

interface ListedActor {
  id: number;
  name: string;
  iso3: string | null;
}

/** Text as a search compares it: case and accents set aside, in the locale's rules. */
export function searchFold(text: string, locale: Locale): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase(locale);
}

/**
 * The actors to list for a search in a locale other than English: those the stored fields matched
 * (`matched`) and the states among `candidates` whose name in the locale contains the search,
 * sorted by the shown name in the locale's alphabetical order. In English the database's own
 * match and order stand.
 */
export function actorsInLocale<A extends ListedActor>(
  matched: readonly A[],
  candidates: readonly A[],
  q: string | undefined,
  locale: Locale,
): A[] {
  if (locale === 'en') return [...matched];
  const needle = q ? searchFold(q.trim(), locale) : '';
  const found = new Map(matched.map((actor) => [actor.id, actor]));
  if (needle)
    for (const actor of candidates)
      if (
        actor.iso3 &&
        !found.has(actor.id) &&
        searchFold(actorNameIn(actor, locale), locale).includes(needle)
      )
        found.set(actor.id, actor);
  const collator = new Intl.Collator(locale);
  const shown = new Map([...found.values()].map((actor) => [actor, actorNameIn(actor, locale)]));
  return [...found.values()].sort(
    (a, b) => collator.compare(shown.get(a)!, shown.get(b)!) || a.id - b.id,
  );
}
