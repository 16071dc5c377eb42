import { Fragment } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { feedAlternates } from '@/app/_lib/feed-link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/db/queries/actors';
import { PARAMETERS, parseQuery, type ParseResult } from '@/lib/query-params';
import { actorDisplayName } from '@/lib/actor-name';
import { actorNameIn } from '@/lib/country-names';
import { pageLocale } from '@/app/_lib/localized-names';
import { regionName } from '@/lib/region-names';
import { DownloadLinks } from '@/app/_components/download-links';
import { LatestEntries } from '@/app/_components/latest-entries';
import { PairDistribution, PairHistory } from '@/app/_components/pair-status';
import { PairPages, PairTable } from '@/app/_components/pair-table';
import { QueryErrors } from '@/app/_components/query-errors';
import { perspectiveRows } from '@/lib/rollup';
import { getMatrix } from '@/db/queries/matrix';
import { getStatusHistory } from '@/db/queries/summary';
import { InTurns } from '@/app/_components/in-turns';
import { FeedLink } from '@/app/_components/feed-link';
import { FollowButton } from '@/app/_components/follow-button';

type Params = Promise<{ id: string }>;

function actorFromParams(raw: string) {
  const id = PARAMETERS.subject.safeParse(raw);
  return id.success ? getActor(id.data) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = actorFromParams((await params).id);
  return {
    title: actor
      ? actorDisplayName({ ...actor, name: actorNameIn(actor, await pageLocale()) })
      : (await getTranslations('common'))('notFoundTitle'),
    alternates: actor ? await feedAlternates({ subject: actor.id }) : undefined,
  };
}

/** Commitments on one page of an actor's table. */
const COMMITMENTS_PER_PAGE = 50;

export default async function ActorPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const stored = actorFromParams((await params).id);
  if (!stored) notFound();
  const locale = await pageLocale();
  const actor = { ...stored, name: actorNameIn(stored, locale) };
  const t = await getTranslations();
  const query = parseQuery(await searchParams, ['page']);

  return (
    <>
      <p>
        <Link href="/actors">
          <span className="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('actors.backToList')}
        </Link>
      </p>
      <h1>{actorDisplayName(actor)}</h1>
      <dl className="facts">
        <dt>{t('actors.kind')}</dt>
        <dd>{t(`actorKind.${actor.kind}`)}</dd>
        {actor.iso3 ? (
          <>
            <dt>{t('actors.iso3')}</dt>
            <dd>{actor.iso3}</dd>
          </>
        ) : null}
        {actor.region ? (
          <>
            <dt>{t('actors.region')}</dt>
            <dd>
              {[actor.region, actor.subRegion, actor.intermediateRegion]
                .filter((part): part is string => Boolean(part))
                .map((part) => regionName(part, locale))
                .join(' › ')}
            </dd>
          </>
        ) : null}
        {actor.isDemo ? (
          <>
            <dt>{t('actors.data')}</dt>
            <dd>{t('actors.demo')}</dd>
          </>
        ) : null}
      </dl>
      <FollowButton
        kind="actor"
        id={actor.id}
        name={actorDisplayName(actor)}
        returnTo={`/actors/${actor.id}`}
      />

      <InTurns
        sections={[
          <ActorCommitments key="commitments" actorId={actor.id} query={query} />,
          <ActorHistory key="history" actorId={actor.id} />,
          <Fragment key="about">
            <h2>{t('actors.entriesAbout', { name: actor.name })}</h2>
            <DownloadLinks datasets={['entries']} query={{ subject: actor.id }} />
            <FeedLink filters={{ subject: actor.id }} />
            <LatestEntries
              filters={{ subject: actor.id }}
              intro={t('actors.entriesAboutIntro')}
              empty={t('actors.noEntriesAbout')}
            />
          </Fragment>,
          actor.kind === 'state' ? null : (
            <Fragment key="by">
              <h2>{t('actors.entriesBy', { name: actor.name })}</h2>
              <LatestEntries
                filters={{ reporter: actor.id, perspective: 'independent' }}
                intro={t('actors.entriesByIntro')}
                empty={t('actors.noEntriesBy')}
              />
            </Fragment>
          ),
        ]}
      />
    </>
  );
}

/** A page of the actor's commitments and the distribution of all of their statuses. */
async function ActorCommitments({
  actorId,
  query,
}: {
  actorId: number;
  query: ParseResult<'page'>;
}) {
  const t = await getTranslations();
  const matrix = getMatrix({ subject: actorId });
  const titles = new Map(matrix.commitments.map(({ code, title }) => [code, title]));
  // A page of the table: every commitment at once, each row sent as HTML and again as the page's
  // server component data, would be too much to send.
  const pages = Math.max(1, Math.ceil(matrix.cells.length / COMMITMENTS_PER_PAGE));
  const page = Math.min(query.ok ? (query.value.page ?? 1) : 1, pages);
  const cells = matrix.cells.slice((page - 1) * COMMITMENTS_PER_PAGE, page * COMMITMENTS_PER_PAGE);
  return (
    <>
      <section id="commitments" className="dashboard-section" aria-labelledby="actor-pairs-title">
        <h2 id="actor-pairs-title">{t('pairs.actor.tableTitle')}</h2>
        <p className="meta">{t('pairs.actor.tableIntro')}</p>
        {query.ok ? null : <QueryErrors errors={query.errors} />}
        {matrix.cells.length === 0 ? (
          <p>{t('pairs.actor.empty')}</p>
        ) : (
          <PairTable
            mode="actor"
            rows={cells.map((cell) => ({
              ...cell,
              key: cell.code,
              href: `/commitments/${cell.code}`,
              label: (
                <>
                  <span className="code">{cell.code}</span> {titles.get(cell.code)}
                </>
              ),
            }))}
          />
        )}
        <p className="meta">
          {t('actors.commitmentsShowing', {
            from: Math.min(matrix.cells.length, (page - 1) * COMMITMENTS_PER_PAGE + 1),
            to: (page - 1) * COMMITMENTS_PER_PAGE + cells.length,
            total: matrix.cells.length,
          })}
        </p>
        <PairPages
          page={page}
          pages={pages}
          label={t('actors.commitmentPages')}
          hrefOf={(n) => `/actors/${actorId}${n > 1 ? `?page=${n}` : ''}#commitments`}
        />
      </section>
      <PairDistribution
        mode="actor"
        of={actorId}
        asOf={matrix.asOf}
        rows={perspectiveRows(matrix.cells, {
          self: t('pairs.self'),
          independent: t('pairs.independent'),
        })}
      />
    </>
  );
}

function ActorHistory({ actorId }: { actorId: number }) {
  const history = getStatusHistory({ subject: actorId });
  return (
    <PairHistory
      mode="actor"
      of={actorId}
      asOf={history.asOf}
      points={history.overTime}
      perspective={history.perspective}
    />
  );
}
