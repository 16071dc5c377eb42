import { Fragment } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { feedAlternates } from '@/app/_lib/feed-link';
import { notFound } from 'next/navigation';
import { localActorNames, pageLocale } from '@/app/_lib/localized-names';
import { localizeTitles } from '@/lib/localized-labels';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getCommitmentByCode } from '@/db/queries/commitments';
import { listGcmObjectives, listSdgTargets } from '@/db/queries/reference';
import { DUTY_BEARER_KINDS, type ActorKind } from '@/lib/taxonomy';
import { dateOnly } from '@/lib/dates';
import { SOURCE_REPORT_LANGUAGE } from '@/lib/source-language';
import { DownloadLinks } from '@/app/_components/download-links';
import { currentUser } from '@/app/_lib/guard';
import { LatestEntries } from '@/app/_components/latest-entries';
import { PairDistribution, PairHistory } from '@/app/_components/pair-status';
import { getCommitmentActors } from '@/db/queries/commitment-page';
import { CommitmentActorTable, parseActorTableQuery } from './actor-table';
import { CommitmentTranslation, OriginalLabel } from './commitment-translation';
import { getStatusHistory } from '@/db/queries/summary';
import { InTurns } from '@/app/_components/in-turns';
import { FeedLink } from '@/app/_components/feed-link';
import { FollowButton } from '@/app/_components/follow-button';

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const commitment = getCommitmentByCode(decodeURIComponent((await params).code));
  return {
    title: commitment
      ? `${commitment.code} ${commitment.title}`
      : (await getTranslations('common'))('notFoundTitle'),
    alternates: commitment ? await feedAlternates({ commitment: commitment.code }) : undefined,
  };
}

export default async function CommitmentPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const code = decodeURIComponent((await params).code);
  const commitment = getCommitmentByCode(code);
  if (!commitment) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const titled = localizeTitles(
    { objectives: listGcmObjectives(), sdgTargets: listSdgTargets() },
    await pageLocale(),
  );
  const objectiveTitles = new Map(
    titled.objectives.map((objective) => [objective.number, objective.title]),
  );
  const sdgTitles = new Map(titled.sdgTargets.map((target) => [target.code, target.title]));
  const kinds = [...new Set(commitment.dutyBearers.flatMap((bearer) => DUTY_BEARER_KINDS[bearer]))];
  const source = commitment.source;
  const table = parseActorTableQuery(await searchParams);
  const canWithdraw = (await currentUser())?.role === 'admin';

  return (
    <>
      <p>
        <Link href="/commitments">
          <span className="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('commitments.backToList')}
        </Link>
      </p>
      <h1>
        <span className="code">{commitment.code}</span>{' '}
        <span lang={SOURCE_REPORT_LANGUAGE}>{commitment.title}</span>
      </h1>
      <figure>
        <OriginalLabel commitment={commitment} />
        <blockquote className="verbatim" aria-label={t('commitments.quoteLabel')}>
          <p lang={SOURCE_REPORT_LANGUAGE}>“{commitment.text}”</p>
        </blockquote>
        <figcaption className="meta">
          {t('commitments.citation', {
            title: source.title,
            count: commitment.paragraphNumbers.length,
            paragraphs: commitment.paragraphs,
          })}
          {' · '}
          {source.author}, {source.place},{' '}
          {format.dateTime(dateOnly(source.publishedOn), { dateStyle: 'long' })}
        </figcaption>
      </figure>
      <CommitmentTranslation commitment={commitment} />

      <dl className="facts">
        <dt>{t('commitments.theme')}</dt>
        <dd>{t(`theme.${commitment.theme}`)}</dd>
        <dt>{t('commitments.dutyBearers')}</dt>
        <dd>
          {format.list(
            commitment.dutyBearers.map((bearer) => t(`dutyBearer.${bearer}`)),
            { type: 'conjunction', style: 'narrow' },
          )}
        </dd>
        <dt>{t('commitments.appliesTo')}</dt>
        <dd>
          {format.list(
            kinds.map((kind) => t(`actorKindPlural.${kind}`)),
            { type: 'conjunction', style: 'narrow' },
          )}
        </dd>
        <dt>{t('commitments.rightsHolders')}</dt>
        <dd>
          {format.list(
            commitment.rightsHolders.map((holder) => t(`rightsHolder.${holder}`)),
            { type: 'conjunction', style: 'narrow' },
          )}
        </dd>
        <dt>{t('commitments.objectives')}</dt>
        <dd>
          <ul>
            {commitment.gcmObjectives.map((objective) => (
              <li key={objective}>
                <Link href={`/commitments?objective=${objective}`}>
                  {objective}. {objectiveTitles.get(objective)}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('commitments.sdgTargets')}</dt>
        <dd>
          <ul>
            {commitment.sdgTargets.map((target) => (
              <li key={target}>
                <Link href={`/commitments?sdg=${target}`}>
                  {target} {sdgTitles.get(target)}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <FollowButton
        kind="commitment"
        id={commitment.code}
        name={`${commitment.code} ${commitment.title}`}
        returnTo={`/commitments/${commitment.code}`}
      />

      <InTurns
        sections={[
          <CommitmentActors key="actors" code={commitment.code} kinds={kinds} table={table} />,
          <CommitmentHistory key="history" code={commitment.code} />,
          <Fragment key="entries">
            <h2>{t('commitments.entries')}</h2>
            <DownloadLinks datasets={['entries']} query={{ commitment: commitment.code }} />
            <FeedLink filters={{ commitment: commitment.code }} />
            <LatestEntries
              filters={{ commitment: commitment.code }}
              intro={t('commitments.entriesIntro')}
              empty={t('commitments.noEntries')}
              show="subject"
              canWithdraw={canWithdraw}
            />
          </Fragment>,
        ]}
      />
    </>
  );
}

/** The distribution of the commitment's pairs and a page of its actors' table. */
async function CommitmentActors({
  code,
  kinds,
  table,
}: {
  code: string;
  kinds: ActorKind[];
  table: ReturnType<typeof parseActorTableQuery>;
}) {
  const t = await getTranslations('pairs');
  const actors = getCommitmentActors(
    code,
    table.query,
    { self: t('self'), independent: t('independent') },
    { locale: await pageLocale(), names: await localActorNames() },
  );
  return (
    <>
      <PairDistribution mode="commitment" of={code} asOf={actors.asOf} rows={actors.distribution} />
      <CommitmentActorTable
        code={code}
        kinds={kinds}
        query={table.query}
        errors={table.errors}
        actors={actors}
      />
    </>
  );
}

function CommitmentHistory({ code }: { code: string }) {
  const history = getStatusHistory({ commitment: code });
  return (
    <PairHistory
      mode="commitment"
      of={code}
      asOf={history.asOf}
      points={history.overTime}
      perspective={history.perspective}
    />
  );
}
