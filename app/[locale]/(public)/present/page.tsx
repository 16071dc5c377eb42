import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listCommitments } from '@/db/queries/commitments';
import { listGcmObjectives } from '@/db/queries/reference';
import { getMatrix } from '@/db/queries/matrix';
import { getSummary } from '@/db/queries/summary';
import { getWorkspaceMode } from '@/db/queries/workspace';
import { parsePresentQuery } from '@/lib/present-query';
import { filtersInWords, presentsMatrix, slideMatrix, slideSummary } from '@/lib/present';
import type { Theme } from '@/lib/taxonomy';
import { QueryErrors } from '@/app/_components/query-errors';
import { localActorNames, pageLocale } from '@/app/_lib/localized-names';
import { objectiveTitle } from '@/lib/localized-labels';
import { regionName } from '@/lib/region-names';
import { textDirection } from '@/lib/i18n/locales';
import { relabelSummary } from '@/lib/summary-labels';
import { Link } from '@/lib/i18n/navigation';
import { Presentation } from './presentation';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('present'))('pageTitle') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Meeting mode: the dashboard's view (same filters, same query functions) as full-screen slides.
 * Everything is computed here once; moving between slides never goes back to the server.
 */
export default async function PresentPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const query = parsePresentQuery(await searchParams);
  if (!query.ok) {
    return (
      <>
        <h1>{t('present.pageTitle')}</h1>
        <QueryErrors errors={query.errors} />
        <p>
          <Link href="/present">{t('present.startOver')}</Link>
        </p>
      </>
    );
  }
  const { filters } = query;
  const locale = await pageLocale();
  // The source's own words in a sentence of the other direction keep their order (bidi isolates).
  const isolate = (text: string) =>
    textDirection(locale) === 'rtl' ? `\u2068${text}\u2069` : text;
  const names = await localActorNames();
  const stored = getSummary(filters, { theme: (theme: Theme) => t(`theme.${theme}`) });
  // A view too large to present cell by cell gets one slide saying so; its matrix is not loaded.
  const english = presentsMatrix(stored) ? getMatrix(filters) : null;
  const matrix = english && {
    ...english,
    actors: english.actors.map((actor) => ({ ...actor, name: names[actor.name] ?? actor.name })),
  };
  const commitments = listCommitments({
    theme: filters.theme,
    objective: filters.objective,
    sdg: filters.sdg,
  });
  const objectives = new Map(
    listGcmObjectives().map((objective) => [
      objective.number,
      objectiveTitle(objective.number, locale, objective.title),
    ]),
  );
  const summary = relabelSummary(stored, {
    theme: (theme) => t(`theme.${theme as Theme}`),
    objective: (number) => objectives.get(number) ?? '',
    actor: (name) => names[name] ?? name,
  });
  const sources = [
    ...new Map(
      commitments.map((commitment) => [commitment.source.slug, commitment.source]),
    ).values(),
  ].map((source) =>
    t('present.sourceDocument', {
      title: isolate(source.title),
      author: isolate(source.author),
      place: isolate(source.place),
      year: source.publishedOn.slice(0, 4),
    }),
  );
  const filterWords = filtersInWords(filters, {
    theme: (theme) => t('present.filter.theme', { theme: t(`theme.${theme}`) }),
    objective: (objective) =>
      t('present.filter.objective', { objective, title: objectives.get(objective) ?? '' }),
    sdg: (target) => t('present.filter.sdg', { target }),
    kind: (kind) => t(`actorKindPlural.${kind}`),
    region: (region) => t('present.filter.region', { region: regionName(region, locale) }),
  });

  return (
    <Presentation
      summary={slideSummary(summary)}
      matrix={matrix && slideMatrix(matrix)}
      filters={filters}
      filterWords={filterWords}
      sources={sources}
      paragraphs={Object.fromEntries(
        commitments.map((commitment) => [commitment.code, commitment.paragraphs]),
      )}
      demo={getWorkspaceMode() === 'demo'}
    />
  );
}
