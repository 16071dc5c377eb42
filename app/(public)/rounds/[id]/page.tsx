import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getRound, getRoundCompletion } from '@/db/queries/rounds';
import { feedAlternates } from '@/app/_lib/feed-link';
import { FeedLink } from '@/app/_components/feed-link';
import { dateOnly } from '@/lib/dates';
import { PARAMETERS } from '@/lib/query-params';
import { COMPLETION_KEYS, countBy, type CompletionKey } from '@/lib/round-completion';
import {
  CompletionBar,
  CompletionCountList,
  CompletionMark,
  RoundsApiLink,
} from '../completion-parts';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const GROUPINGS = ['actor', 'commitment', 'region'] as const;

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
  const [t, tStatus, format, query] = await Promise.all([
    getTranslations('rounds'),
    getTranslations('rounds.status'),
    getFormatter(),
    searchParams,
  ]);
  const by = z.enum(GROUPINGS).catch('actor').parse(query.by);
  const completion = getRoundCompletion(round);
  const date = (value: string) =>
    format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });
  const shown = COMPLETION_KEYS.filter((key) =>
    round.status === 'closed' ? key === 'reported' || key === 'missing' : key !== 'missing',
  );
  const actorsById = new Map(completion.actors.map((actor) => [actor.id, actor]));
  const statusOf = new Map(
    completion.cells.map((cell) => [`${cell.actor}:${cell.commitment}`, cell.status]),
  );
  const labelOf: Record<(typeof GROUPINGS)[number], (key: string) => string> = {
    actor: (key) => actorsById.get(Number(key))?.name ?? key,
    commitment: (key) =>
      `${key} ${round.commitments.find((commitment) => commitment.code === key)?.title ?? ''}`,
    region: (key) => key || t('noRegion'),
  };
  const groups = [
    ...countBy(completion.cells, (cell) =>
      by === 'actor'
        ? String(cell.actor)
        : by === 'commitment'
          ? cell.commitment
          : (actorsById.get(cell.actor)?.region ?? ''),
    ),
  ].map(([key, counts]) => ({
    key,
    label: labelOf[by](key),
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
  }));
  const chartTitle = t('chartTitle', { by });
  const asks =
    round.asks === 'region'
      ? t('asks.region', { region: round.region ?? '' })
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
        <dd>
          {round.commitments.map((commitment, index) => (
            <span key={commitment.code}>
              {index > 0 ? ', ' : null}
              <Link href={`/commitments/${commitment.code}`}>{commitment.code}</Link>
            </span>
          ))}
        </dd>
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
          total: completion.cells.length,
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
                  href={`/rounds/${round.id}?by=${grouping}#round-chart-title`}
                  aria-current={grouping === by ? 'page' : undefined}
                >
                  {t('groupBy', { by: grouping })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
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
      <div className="table-scroll">
        <table className="data completion-table" aria-labelledby="completion-table-title">
          <thead>
            <tr>
              <th scope="col">{t('actor')}</th>
              {round.commitments.map((commitment) => (
                <th key={commitment.code} scope="col">
                  <abbr title={commitment.title}>{commitment.code}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {completion.actors.map((actor) => (
              <tr key={actor.id}>
                <th scope="row">
                  <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
                </th>
                {round.commitments.map((commitment) => {
                  const status: CompletionKey | undefined = statusOf.get(
                    `${actor.id}:${commitment.code}`,
                  );
                  return (
                    <td key={commitment.code}>
                      {status ? (
                        <CompletionMark status={status} />
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
