import type { Metadata } from 'next';
import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getRoundCompletion, listRounds } from '@/db/queries/rounds';
import { dateOnly } from '@/lib/dates';
import { CompletionBar, RoundsApiLink } from './completion-parts';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rounds'))('title') };
}

/** Every reporting round that is not archived, the latest due first, with how far it got. */
export default async function RoundsPage() {
  const [t, format] = await Promise.all([getTranslations('rounds'), getFormatter()]);
  const rounds = listRounds().map((round) => ({ round, completion: getRoundCompletion(round) }));
  const date = (value: string) =>
    format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {rounds.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('round')}</th>
                <th scope="col">{t('dates')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('reported')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map(({ round, completion }) => (
                <tr key={round.id}>
                  <th scope="row">
                    <Link href={`/rounds/${round.id}`}>{round.title}</Link>
                  </th>
                  <td>{t('window', { opens: date(round.opensOn), due: date(round.dueOn) })}</td>
                  <td>{t(`roundStatus.${round.status}`)}</td>
                  <td>
                    {t('reportedOf', {
                      reported: completion.counts.reported,
                      total: completion.table.size,
                    })}
                    <CompletionBar counts={completion.counts} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RoundsApiLink path="/api/v1/rounds" />
    </>
  );
}
