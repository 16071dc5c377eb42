import { getTranslations } from 'next-intl/server';
import { listPublishedEntries, type EntryFilters } from '@/db/queries/entries';
import { EntryList } from './entry-list';

/** Entries a commitment's or an actor's page lists; the rest are in the API and the downloads. */
export const LATEST_ENTRIES = 20;

/**
 * The latest published entries of a commitment, an actor or a reporter, newest first, and a link
 * to the rest in the entries API: a page shows a screenful, never an actor's every entry.
 */
export async function LatestEntries({
  filters,
  intro,
  empty,
  show,
  canWithdraw = false,
}: {
  filters: Pick<EntryFilters, 'commitment' | 'subject' | 'reporter' | 'perspective'>;
  /** What the list is, said before how many there are. */
  intro: string;
  /** What to say when there is none. */
  empty: string;
  show?: 'commitment' | 'subject';
  canWithdraw?: boolean;
}) {
  const t = await getTranslations();
  // Whether there are more than it shows is all it says: counting stops there.
  const latest = listPublishedEntries({
    ...filters,
    limit: LATEST_ENTRIES,
    countCap: LATEST_ENTRIES,
  });
  if (latest.entries.length === 0) return <p>{empty}</p>;
  const api = new URLSearchParams();
  for (const [name, value] of Object.entries(filters))
    if (value !== undefined) api.set(name, String(value));
  const shown = latest.entries.length;
  const more = latest.totalIsLowerBound;
  return (
    <>
      <p className="meta">
        {intro} {more ? t('latestEntries.some', { shown }) : t('common.results', { count: shown })}
      </p>
      <EntryList entries={latest.entries} show={show} canWithdraw={canWithdraw} />
      {more ? (
        <p>
          <a href={`/api/v1/entries?${api.toString()}`}>{t('latestEntries.api')}</a>
        </p>
      ) : null}
    </>
  );
}
