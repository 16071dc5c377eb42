import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listActors } from '@/db/queries/actors';
import { listCommitments } from '@/db/queries/commitments';
import { listPublishedEntries } from '@/db/queries/entries';
import { EntryList, dateOnly } from '@/app/_components/entry-list';

export default async function OverviewPage() {
  const t = await getTranslations();
  const format = await getFormatter();
  const commitments = listCommitments();
  const actors = listActors();
  const latest = listPublishedEntries({ limit: 5 });
  const source = commitments[0]?.source;

  return (
    <>
      <h1>{t('overview.title')}</h1>
      <p className="lead">{t('overview.intro')}</p>
      {source ? (
        <p className="meta">
          {t('overview.source', {
            title: source.title,
            author: source.author,
            place: source.place,
            date: format.dateTime(dateOnly(source.publishedOn), { dateStyle: 'long' }),
          })}
        </p>
      ) : null}
      <h2>{t('overview.figures')}</h2>
      <ul className="figures">
        <li>
          <Link href="/commitments">{t('overview.commitments', { count: commitments.length })}</Link>
        </li>
        <li>
          <Link href="/actors">{t('overview.actors', { count: actors.length })}</Link>
        </li>
        <li>{t('overview.entries', { count: latest.total })}</li>
      </ul>
      <h2>{t('overview.latest')}</h2>
      {latest.total === 0 ? <p>{t('overview.noEntries')}</p> : <EntryList entries={latest.entries} />}
    </>
  );
}
