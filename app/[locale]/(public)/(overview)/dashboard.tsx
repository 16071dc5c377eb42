'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useDateFormat } from '@/lib/i18n/formats';
import { textDirection } from '@/lib/i18n/locales';
import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo, type ReactNode } from 'react';
import type { DashboardQuery } from '@/lib/query-params';
import { pairListHref } from '@/lib/dashboard-query';
import { highestAndLowest } from '@/lib/actor-ranking';
import type { GroupRow, SummaryDto } from '@/lib/summary-types';
import { relabelSummary } from '@/lib/summary-labels';
import type { Theme } from '@/lib/taxonomy';
import { ChartFrame } from '@/app/_components/charts/chart-frame';
import { HeadlineFigures } from '@/app/_components/charts/headline-figures';
import { LazyStatusBars, LazyStatusOverTime } from '@/app/_components/charts/lazy-charts';
import {
  StatusBarsTable,
  StatusOverTimeTable,
  useQuarter,
} from '@/app/_components/charts/status-table';
import { usePercent } from '@/app/_components/charts/chart-parts';
import { groupRowsData, timePointsData, type ChartGroup } from '@/lib/chart-export';
import { DashboardFilters, type FilterOptions } from './dashboard-filters';
import { StatusMatrix } from './status-matrix';
import { CommitmentStatus } from './commitment-status';
import { matrixPageQuery, summaryQuery } from './queries';
import { dateOnly } from '@/lib/dates';
import { DownloadLinks, exportHref } from '@/app/_components/download-links';
import { ACTOR_ENDS, type OverviewSummary } from './overview-summary';
import { overviewSearch, readView, type MatrixPaging } from './view';

/**
 * The overview: filters and the matrix's page kept in the URL (a copied link reproduces the view,
 * Back returns to the previous page of the matrix), figures and charts from /api/v1/summary and
 * one page of /api/v1/matrix through react-query, the previous view kept on screen while the
 * next one loads.
 */
export function Dashboard({
  options,
  actorNames,
}: {
  options: FilterOptions;
  /** States' names in the page's locale, by stored name (app/_lib/localized-names.ts). */
  actorNames: Record<string, string>;
}) {
  const t = useTranslations('dashboard');
  const tTheme = useTranslations('theme');
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const { filters, paging } = useMemo(
    () => readView(new URLSearchParams(searchParams.toString())),
    [searchParams],
  );

  const summary = useQuery({ ...summaryQuery(filters), placeholderData: keepPreviousData });
  const matrix = useQuery({
    ...matrixPageQuery(filters, paging),
    placeholderData: keepPreviousData,
  });

  // The native history API keeps Next's router in step without a server round trip. A new
  // filter replaces the view and starts the matrix at its first page; a new page is a step Back can undo.
  const changeFilters = (next: DashboardQuery) =>
    window.history.replaceState(
      null,
      '',
      `${pathname}${overviewSearch(next, { page: 1, limit: paging.limit, columns: 1 })}`,
    );
  const changePage = (next: MatrixPaging) =>
    window.history.pushState(null, '', `${pathname}${overviewSearch(filters, next)}`);

  const busy =
    summary.isFetching ||
    matrix.isFetching ||
    summary.isPlaceholderData ||
    matrix.isPlaceholderData;
  // The API answers in English: groups and actors are labelled in the page's words as drawn.
  const data = useMemo(() => {
    if (!summary.data) return undefined;
    const titles = new Map(
      options.objectives.map((objective) => [objective.number, objective.title]),
    );
    return relabelSummary(summary.data, {
      theme: (key) => tTheme(key as Theme),
      objective: (number) => titles.get(number) ?? '',
      actor: (name) => actorNames[name] ?? name,
    });
  }, [summary.data, options.objectives, actorNames, tTheme]);
  const matrixPage = useMemo(
    () =>
      matrix.data && {
        ...matrix.data,
        actors: matrix.data.actors.map((actor) => ({
          ...actor,
          name: actorNames[actor.name] ?? actor.name,
        })),
      },
    [matrix.data, actorNames],
  );
  const how = useHowComputed(data);
  return (
    <div className="dashboard" aria-busy={busy} data-view={overviewSearch(filters, paging)}>
      <DashboardFilters filters={filters} options={options} onChange={changeFilters} />
      <p className="meta" role="status">
        {busy ? t('updating') : ''}
      </p>
      {summary.isError ? (
        <p className="alert" role="alert">
          {t('failed')}
        </p>
      ) : null}
      {data ? (
        <div className="dashboard-body">
          <ViewDescription summary={data} filters={filters} options={options} />
          <HeadlineFigures
            figures={data.figures}
            staleBefore={data.staleBefore}
            listHref={(flag) => pairListHref(flag, filters)}
          />
          {/* After the figures, so a phone's first screen shows data before the downloads. */}
          <DownloadLinks datasets={['summary', 'matrix']} query={filters} />
          <ActorChart summary={data} filters={filters} how={how} />
          <section className="dashboard-section" aria-labelledby="matrix-title">
            <h2 id="matrix-title">{t('matrix')}</h2>
            {matrixPage ? (
              <StatusMatrix
                matrix={matrixPage}
                actorNames={actorNames}
                perspective={data.perspective}
                onPerspectiveChange={(perspective) =>
                  changeFilters({
                    ...filters,
                    perspective: perspective === 'self' ? undefined : perspective,
                  })
                }
                hrefOf={(next) => `${pathname}${overviewSearch(filters, next)}`}
                onPageChange={changePage}
              />
            ) : null}
          </section>
          <CommitmentStatus summary={data} filters={filters} />
          <GroupChart
            id="status-by-theme"
            title={t('byTheme')}
            rows={data.byTheme}
            summary={data}
            filters={filters}
            how={how}
            group="theme"
            groupHeader={t('theme')}
            orientation="horizontal"
          />
          <GroupChart
            id="status-by-objective"
            title={t('byObjective')}
            rows={data.byObjective}
            summary={data}
            filters={filters}
            how={how}
            group="objective"
            groupHeader={t('objective')}
            orientation="horizontal"
          />
          <OverTimeChart summary={data} filters={filters} how={how} />
        </div>
      ) : null}
    </div>
  );
}

function ViewDescription({
  summary,
  filters,
  options,
}: {
  summary: SummaryDto;
  filters: DashboardQuery;
  options: FilterOptions;
}) {
  const t = useTranslations('dashboard');
  const tTheme = useTranslations('theme');
  const tKind = useTranslations('actorKindPlural');
  const tRounds = useTranslations('rounds');
  const longDate = useDateFormat('long');
  const parts: string[] = [];
  if (filters.theme) parts.push(`${t('theme')}: ${tTheme(filters.theme)}`);
  if (filters.objective !== undefined) {
    const objective = options.objectives.find(
      (candidate) => candidate.number === filters.objective,
    );
    parts.push(`${t('objective')} ${filters.objective}${objective ? ` (${objective.title})` : ''}`);
  }
  if (filters.sdg) parts.push(`${t('sdg')} ${filters.sdg}`);
  if (filters.kind) parts.push(tKind(filters.kind));
  if (filters.region) {
    const region = options.regions.find((candidate) => candidate.value === filters.region);
    parts.push(`${t('region')}: ${region?.label ?? filters.region}`);
  }
  if (filters.round !== undefined) {
    const round = options.rounds.find((candidate) => candidate.id === filters.round);
    parts.push(tRounds('filterInWords', { title: round?.title ?? String(filters.round) }));
  }
  return (
    <p className="view-description">
      {t('viewDescription', {
        date: longDate(dateOnly(summary.asOf)),
        perspective: t(`perspectives.${summary.perspective}`),
        filters:
          parts.length === 0 ? t('noFilters') : t('filtersInWords', { list: parts.join('; ') }),
      })}
    </p>
  );
}

/** The inputs and rules every chart of the view shares, worded once for the page's four charts. */
function useHowComputed(summary: SummaryDto | undefined): string[] {
  const t = useTranslations('dashboard.how');
  const longDate = useDateFormat('long');
  if (!summary) return [];
  const day = (value: string) => longDate(dateOnly(value));
  return [
    t('pairs', {
      pairs: summary.figures.pairs,
      commitments: summary.figures.commitments,
      actors: summary.figures.actors,
    }),
    t('current', {
      date: day(summary.asOf),
      perspective: t(`perspective.${summary.perspective}`),
    }),
    t('excluded'),
    t('score'),
    t('coverage', { reported: summary.figures.reported, pairs: summary.figures.pairs }),
    t('stale', { date: day(summary.staleBefore) }),
  ];
}

function HowComputed({ shared, extra }: { shared: string[]; extra: string }) {
  return (
    <ul>
      {shared.map((item) => (
        <li key={item}>{item}</li>
      ))}
      <li>{extra}</li>
    </ul>
  );
}

interface GroupTotals {
  groups: number;
  noReport: number;
  pairs: number;
}

/** `totals` when the rows are only part of the groups (the ends of a long ranking). */
function describeGroups(
  rows: readonly GroupRow[],
  t: ReturnType<typeof useTranslations>,
  percent: (value: number) => string,
  rtl: boolean,
  totals?: GroupTotals,
): string {
  // Right to left, a name written left to right keeps its place in the sentence (a bidi isolate).
  const isolate = (text: string) => (rtl ? `\u2068${text}\u2069` : text);
  const scored = rows.filter((row) => row.score !== null);
  const { groups, noReport, pairs } = totals ?? {
    groups: rows.length,
    noReport: rows.reduce((sum, row) => sum + row.counts.no_report, 0),
    pairs: rows.reduce((sum, row) => sum + row.pairs, 0),
  };
  if (rows.length === 0) return t('summaries.empty');
  if (scored.length === 0) return t('summaries.noScores', { groups, noReport, pairs });
  const ends = highestAndLowest(rows);
  if (!ends) return t('summaries.noneRanked', { groups, noReport, pairs });
  const { highest: best, lowest: worst, unranked } = ends;
  return t('summaries.groups', {
    groups,
    best: isolate(best.label),
    bestScore: percent(best.score ?? 0),
    bestReported: best.reported,
    bestPairs: best.pairs,
    worst: isolate(worst.label),
    worstScore: percent(worst.score ?? 0),
    worstReported: worst.reported,
    worstPairs: worst.pairs,
    unranked,
    noReport,
    pairs,
  });
}

function GroupChart({
  id,
  title,
  rows,
  summary,
  filters,
  how,
  group,
  groupHeader,
  orientation,
  topN,
  totals,
  note,
}: {
  id: string;
  title: string;
  rows: GroupRow[];
  summary: SummaryDto;
  filters: DashboardQuery;
  how: string[];
  group: ChartGroup;
  groupHeader: string;
  orientation: 'horizontal' | 'vertical';
  topN?: number;
  totals?: GroupTotals;
  note?: ReactNode;
}) {
  const t = useTranslations('dashboard');
  const percent = usePercent();
  const rtl = textDirection(useLocale()) === 'rtl';
  return (
    <section className="dashboard-section">
      <ChartFrame
        id={id}
        title={title}
        summary={describeGroups(rows, t, percent, rtl, totals)}
        note={note}
        howComputed={<HowComputed shared={how} extra={t(`how.groups.${id}`)} />}
        table={<StatusBarsTable rows={rows} caption={title} groupHeader={groupHeader} />}
        download={{
          asOf: summary.asOf,
          filters: viewFilters(filters, summary),
          data: groupRowsData(rows, group),
        }}
      >
        <LazyStatusBars rows={rows} orientation={orientation} valueMode="share" topN={topN} />
      </ChartFrame>
    </section>
  );
}

/**
 * Status by actor. With a few actors, every bar (the first 15 until "Show all"); with many, the
 * highest and lowest scores and a link to every actor's figures, so 2,000 actors stay legible.
 */
function ActorChart({
  summary,
  filters,
  how,
}: {
  summary: OverviewSummary;
  filters: DashboardQuery;
  how: string[];
}) {
  const t = useTranslations('dashboard');
  const ends = summary.byActor.length < summary.actorCount;
  const totals = {
    groups: summary.actorCount,
    noReport: summary.figures.pairs - summary.figures.reported,
    pairs: summary.figures.pairs,
  };
  return (
    <GroupChart
      id="status-by-actor"
      title={t('byActor')}
      rows={summary.byActor}
      summary={summary}
      filters={filters}
      how={how}
      group="actor"
      groupHeader={t('actor')}
      orientation="horizontal"
      topN={ends ? undefined : 15}
      totals={totals}
      note={
        ends ? (
          <p>
            {t('actorEnds', { total: summary.actorCount, ends: ACTOR_ENDS })}{' '}
            <a href={exportHref('summary', 'csv', viewFilters(filters, summary))} download>
              {t('allActors')}
            </a>
          </p>
        ) : undefined
      }
    />
  );
}

/** The filters a chart's data was computed with, defaults included (the as-of date and perspective). */
function viewFilters(filters: DashboardQuery, summary: SummaryDto): DashboardQuery {
  return { ...filters, asOf: summary.asOf, perspective: summary.perspective };
}

function OverTimeChart({
  summary,
  filters,
  how,
}: {
  summary: SummaryDto;
  filters: DashboardQuery;
  how: string[];
}) {
  const t = useTranslations('dashboard');
  const percent = usePercent();
  const quarter = useQuarter();
  const first = summary.overTime.find((point) => point.reported > 0);
  const last = summary.overTime.at(-1);
  const description =
    first && last
      ? t('summaries.overTime', {
          from: quarter(first.period),
          fromReported: first.reported,
          to: quarter(last.period),
          toReported: last.reported,
          pairs: last.pairs,
          score: last.score === null ? t('summaries.noScore') : percent(last.score),
        })
      : t('summaries.empty');
  return (
    <section className="dashboard-section">
      <ChartFrame
        id="status-over-time"
        title={t('overTime')}
        summary={description}
        howComputed={<HowComputed shared={how} extra={t('how.groups.status-over-time')} />}
        table={<StatusOverTimeTable points={summary.overTime} caption={t('overTime')} />}
        download={{
          asOf: summary.asOf,
          filters: viewFilters(filters, summary),
          data: timePointsData(summary.overTime),
        }}
      >
        <LazyStatusOverTime points={summary.overTime} />
      </ChartFrame>
    </section>
  );
}
