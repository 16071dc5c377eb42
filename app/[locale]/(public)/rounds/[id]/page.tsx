import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getRound, getRoundCompletion } from '@/db/queries/rounds';
import { feedAlternates } from '@/app/_lib/feed-link';
import { FeedLink } from '@/app/_components/feed-link';
import { PageLinks } from '@/app/_components/pagination';
import { dateOnly } from '@/lib/dates';
import { PARAMETERS } from '@/lib/query-params';
import { pageNumber, pageOf } from '@/lib/page-of';
import { regionName } from '@/lib/region-names';
import { actorNamer, pageLocale } from '@/app/_lib/localized-names';
import {
  COMPLETION_KEYS,
  countByActor,
  countByCommitment,
  statusAt,
  type CompletionCounts,
} from '@/lib/round-completion';
import {
  CompletionBar,
  CompletionCountList,
  CompletionMark,
  RoundsApiLink,
} from '../completion-parts';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const GROUPINGS = ['actor', 'commitment', 'region'] as const;

/**
 * The completion table shows a page of actors against a page of commitments, so the page grows
 * with the screen, not with the round: a round of every state and hundreds of commitments has
 * tens of thousands of cells. The chart by actor or by commitment shows the same pages.
 */
const ACTORS_PER_PAGE = 20;
const COMMITMENTS_PER_PAGE = 15;

function roundOf(raw: string) {
  const id = PARAMETERS.subject.safeParse(raw);
  return id.success ? getRound(id.data) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const round = roundOf((await params).id);
  return {
    title: round?.title ?? (await getTranslations('rounds'))('title'),
    alternates: round ? await feedAlternates({ round: round.id }) : undefined,
  };
}

/** One round: whom it asks, who has reported, and the completion by actor, commitment or region. */
export default async function RoundPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const round = roundOf((await params).id);
  if (!round) notFound();
  const [t, tStatus, format, query, name, locale] = await Promise.all([
    getTranslations('rounds'),
    getTranslations('rounds.status'),
    getFormatter(),
    searchParams,
    actorNamer(),
    pageLocale(),
  ]);
  const by = z.enum(GROUPINGS).catch('actor').parse(query.by);
  const completion = getRoundCompletion(round);
  const actorPage = pageOf(completion.actors, pageNumber.parse(query.page), ACTORS_PER_PAGE);
  const commitmentPage = pageOf(
    round.commitments,
    pageNumber.parse(query.columns),
    COMMITMENTS_PER_PAGE,
  );
  const hrefOf = (view: { by?: string; page?: number; columns?: number }, anchor: string) => {
    const kept = { by, page: actorPage.page, columns: commitmentPage.page, ...view };
    const search = new URLSearchParams();
    if (kept.by !== 'actor') search.set('by', kept.by);
    if (kept.page > 1) search.set('page', String(kept.page));
    if (kept.columns > 1) search.set('columns', String(kept.columns));
    const text = search.toString();
    return `/rounds/${round.id}${text ? `?${text}` : ''}#${anchor}`;
  };
  const date = (value: string) =>
    format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });
  const shown = COMPLETION_KEYS.filter((key) =>
    round.status === 'closed' ? key === 'reported' || key === 'missing' : key !== 'missing',
  );
  const { table } = completion;
  const actorsById = new Map(completion.actors.map((actor) => [actor.id, actor]));
  const labelOf: Record<(typeof GROUPINGS)[number], (key: string) => string> = {
    actor: (key) => name(actorsById.get(Number(key))?.name ?? key),
    commitment: (key) =>
      `${key} ${round.commitments.find((commitment) => commitment.code === key)?.title ?? ''}`,
    region: (key) => (key ? regionName(key, locale) : t('noRegion')),
  };
  // The table's rows are the asked actors in order: the shown ones are the page's rows.
  const firstRow = actorPage.from - 1;
  const columnOf = new Map(
    table.commitments.map((commitment, column) => [commitment.code, column]),
  );
  const shownCommitments = new Set(commitmentPage.items.map((commitment) => commitment.code));
  const counted: [string, CompletionCounts][] =
    by === 'actor'
      ? [...countByActor(table, firstRow, actorPage.to, (actor) => String(actor.id))]
      : by === 'commitment'
        ? [...countByCommitment(table, (commitment) => shownCommitments.has(commitment.code))].map(
            ([commitment, counts]) => [commitment.code, counts],
          )
        : [...countByActor(table, 0, table.actors.length, (actor) => actor.region ?? '')];
  const groups = counted.map(([key, counts]) => ({
    key,
    label: labelOf[by](key),
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
  }));
  const chartTitle = t('chartTitle', { by });
  const asks =
    round.asks === 'region'
      ? t('asks.region', { region: round.region ? regionName(round.region, locale) : '' })
      : round.asks === 'list'
        ? t('asks.list', { count: round.actorIds.length })
        : t('asks.all_states');

  return (
    <>
      <p>
        <Link href="/rounds">{t('backToList')}</Link>
      </p>
      <h1>{round.title}</h1>
      <dl className="facts">
        <dt>{t('state')}</dt>
        <dd>
          {t(`roundStatus.${round.status}`)}
          {round.archived ? ` · ${t('archived')}` : null}
        </dd>
        <dt>{t('dates')}</dt>
        <dd>{t('window', { opens: date(round.opensOn), due: date(round.dueOn) })}</dd>
        <dt>{t('asked')}</dt>
        <dd>{asks}</dd>
        <dt>{t('commitments')}</dt>
        {/* One text, not a link each: a round may ask hundreds; the table's headers link them. */}
        <dd>{round.commitments.map((commitment) => commitment.code).join(', ')}</dd>
      </dl>
      {round.note ? (
        <p className="user-text" dir="auto">
          {round.note}
        </p>
      ) : null}
      <p>{t('rule')}</p>

      <h2>{t('totals')}</h2>
      <p>
        {t('totalsSummary', {
          reported: completion.counts.reported,
          total: table.size,
          date: date(completion.asOf),
        })}
      </p>
      <CompletionCountList counts={completion.counts} shown={shown} />

      <section aria-labelledby="round-chart-title">
        <h2 id="round-chart-title">{chartTitle}</h2>
        <nav aria-label={t('groupingLabel')}>
          <ul className="completion-counts">
            {GROUPINGS.map((grouping) => (
              <li key={grouping}>
                <Link
                  href={hrefOf({ by: grouping }, 'round-chart-title')}
                  aria-current={grouping === by ? 'page' : undefined}
                >
                  {t('groupBy', { by: grouping })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {by === 'actor' ? (
          <p className="meta">
            {t('actorsShowing', {
              from: actorPage.from,
              to: actorPage.to,
              total: completion.actors.length,
            })}
          </p>
        ) : by === 'commitment' ? (
          <p className="meta">
            {t('commitmentsShowing', {
              from: commitmentPage.from,
              to: commitmentPage.to,
              total: round.commitments.length,
            })}
          </p>
        ) : null}
        <figure>
          <figcaption className="meta">{t('chartSummary', { by })}</figcaption>
          <ul className="completion-chart">
            {groups.map((group) => (
              <li key={group.key}>
                <span>{group.label}</span>
                <CompletionBar counts={group.counts} />
                <span className="meta">
                  {t('reportedOf', { reported: group.counts.reported, total: group.total })}
                </span>
              </li>
            ))}
          </ul>
        </figure>
        <details>
          <summary>{t('chartTable')}</summary>
          <div className="table-scroll">
            <table className="data">
              <caption>{chartTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('groupHeader', { by })}</th>
                  {shown.map((key) => (
                    <th key={key} scope="col">
                      {tStatus(key)}
                    </th>
                  ))}
                  <th scope="col">{t('total')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={group.key}>
                    <th scope="row">{group.label}</th>
                    {shown.map((key) => (
                      <td key={key}>{format.number(group.counts[key])}</td>
                    ))}
                    <td>{format.number(group.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <h2 id="completion-table-title">{t('tableTitle')}</h2>
      <p>{t('tableIntro')}</p>
      <CompletionCountList shown={shown} />
      <p className="meta" id="completion-table-showing">
        {t('actorsShowing', {
          from: actorPage.from,
          to: actorPage.to,
          total: completion.actors.length,
        })}
        {' · '}
        {t('commitmentsShowing', {
          from: commitmentPage.from,
          to: commitmentPage.to,
          total: round.commitments.length,
        })}
      </p>
      <PageLinks
        name={t('actorPages')}
        words={{ previous: t('previousActors'), next: t('nextActors') }}
        previous={
          actorPage.page > 1 ? hrefOf({ page: actorPage.page - 1 }, 'completion-table-title') : null
        }
        next={
          actorPage.page < actorPage.pages
            ? hrefOf({ page: actorPage.page + 1 }, 'completion-table-title')
            : null
        }
      />
      <PageLinks
        name={t('commitmentPages')}
        words={{ previous: t('previousCommitments'), next: t('nextCommitments') }}
        previous={
          commitmentPage.page > 1
            ? hrefOf({ columns: commitmentPage.page - 1 }, 'completion-table-title')
            : null
        }
        next={
          commitmentPage.page < commitmentPage.pages
            ? hrefOf({ columns: commitmentPage.page + 1 }, 'completion-table-title')
            : null
        }
      />
      <div className="table-scroll">
        <table className="data completion-table" aria-labelledby="completion-table-title">
          <thead>
            <tr>
              <th scope="col">{t('actor')}</th>
              {commitmentPage.items.map((commitment) => (
                <th key={commitment.code} scope="col">
                  <Link href={`/commitments/${commitment.code}`}>
                    <abbr title={commitment.title}>{commitment.code}</abbr>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {actorPage.items.map((actor, index) => (
              <tr key={actor.id}>
                <th scope="row">
                  <Link href={`/actors/${actor.id}`}>{name(actor.name)}</Link>
                </th>
                {commitmentPage.items.map((commitment) => {
                  const column = columnOf.get(commitment.code);
                  const status =
                    column === undefined ? undefined : statusAt(table, firstRow + index, column);
                  return (
                    <td key={commitment.code}>
                      {status ? (
                        <CompletionMark status={status} label={tStatus(status)} styled={false} />
                      ) : (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">{t('notAsked')}</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RoundsApiLink path={`/api/v1/rounds/${round.id}`} />
      <FeedLink filters={{ round: round.id }} label={t('feedLink')} />
    </>
  );
}
