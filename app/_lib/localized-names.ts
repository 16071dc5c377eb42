import 'server-only';
import { getLocale } from 'next-intl/server';
import { listStateCodes } from '@/db/queries/actors';
import { actorNamesIn, asLocale } from '@/lib/localized-labels';
import type { Locale } from '@/lib/i18n/locales';

/** The request's locale as the lookups take it. */
export async function pageLocale(): Promise<Locale> {
  return asLocale(await getLocale());
}

/**
 * The states' names of the request's locale, keyed by stored name (lib/localized-labels.ts
 * actorNamesIn): empty in English. Client components get this record as a prop.
 */
export async function localActorNames(): Promise<Record<string, string>> {
  const locale = await pageLocale();
  return locale === 'en' ? {} : actorNamesIn(listStateCodes(), locale);
}

/** A server component's way to show an actor by its stored name in the request's locale. */
export async function actorNamer(): Promise<(name: string) => string> {
  const names = await localActorNames();
  return (name) => names[name] ?? name;
}

/**
 * The entry form's choices with states named in the request's locale, the states after the
 * user's own actor in that language's alphabetical order.
 */
export async function withLocalSubjects<T extends { subjects: { name: string; self: boolean }[] }>(
  options: T,
): Promise<T> {
  const locale = await pageLocale();
  if (locale === 'en') return options;
  const names = await localActorNames();
  const subjects = options.subjects.map((subject) => ({
    ...subject,
    name: names[subject.name] ?? subject.name,
  }));
  const collator = new Intl.Collator(locale);
  return {
    ...options,
    subjects: [
      ...subjects.filter((subject) => subject.self),
      ...subjects
        .filter((subject) => !subject.self)
        .sort((a, b) => collator.compare(a.name, b.name)),
    ],
  };
}
