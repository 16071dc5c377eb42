import { Suspense } from 'react';
import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/db/queries/actors';
import { listPublishedEntries } from '@/db/queries/entries';
import { PARAMETERS, PAGE_PARAMETERS, parseQuery } from '@/lib/query-params';
import { EntryList } from '@/app/_components/entry-list';
import { actorDisplayName } from '@/lib/actor-name';
import { Pagination } from '@/app/_components/pagination';
import { QueryErrors } from '@/app/_components/query-errors';
import { DownloadLinks } from '@/app/_components/download-links';
import { LoadingState } from '@/app/_components/loading-state';
import { PairStatusSection } from '@/app/_components/pair-status';
import { getMatrix } from '@/db/queries/matrix';
import { getSummary } from '@/db/queries/summary';
import type { Theme } from '@/lib/taxonomy';
import type { ActorDto } from '@/lib/api-schemas';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function actorFromParams(raw: string) {
  const id = PARAMETERS.subject.safeParse(raw);
  return id.success ? getActor(id.data) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = actorFromParams((await params).id);
  return {
    title: actor ? actorDisplayName(actor) : (await getTranslations('common'))('notFoundTitle'),
  };
}

export default async function ActorPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const actor = actorFromParams((await params).id);
  if (!actor) notFound();
  const t = await getTranslations();

  return (
    <>
      <p>
        <Link href="/actors">← {t('actors.backToList')}</Link>
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

      <PairStatusSection
        mode="actor"
        matrix={getMatrix({ subject: actor.id })}
        summary={getSummary(
          { subject: actor.id },
          { theme: (theme: Theme) => t(`theme.${theme}`) },
        )}
      />

      <Suspense fallback={<LoadingState />}>
        <ActorEntries actor={actor} searchParams={searchParams} />
      </Suspense>
    </>
  );
}

async function ActorEntries({
  actor,
  searchParams,
}: {
  actor: ActorDto;
  searchParams: SearchParams;
}) {
  const t = await getTranslations();
  const query = parseQuery(await searchParams, PAGE_PARAMETERS);
  const page = query.ok ? (query.value.page ?? 1) : 1;
  const about = listPublishedEntries({ subject: actor.id, page, limit: 20 });
  const assessments =
    actor.kind === 'state'
      ? null
      : listPublishedEntries({ reporter: actor.id, perspective: 'independent', limit: 20 });
  return (
    <>
      <h2>{t('actors.entriesAbout', { name: actor.name })}</h2>
      <DownloadLinks datasets={['entries']} query={{ subject: actor.id }} />
      {query.ok ? null : <QueryErrors errors={query.errors} />}
      <p className="meta">
        {t('actors.entriesAboutIntro')} {t('common.results', { count: about.total })}
      </p>
      {about.total === 0 ? (
        <p>{t('actors.noEntriesAbout')}</p>
      ) : (
        <EntryList entries={about.entries} />
      )}
      <Pagination
        page={about.page}
        total={about.total}
        limit={about.limit}
        basePath={`/actors/${actor.id}`}
        query={{}}
      />

      {assessments ? (
        <>
          <h2>{t('actors.entriesBy', { name: actor.name })}</h2>
          {assessments.total === 0 ? (
            <p>{t('actors.noEntriesBy')}</p>
          ) : (
            <>
              <p className="meta">
                {t('actors.latestOf', {
                  shown: assessments.entries.length,
                  total: assessments.total,
                })}
              </p>
              <EntryList entries={assessments.entries} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
