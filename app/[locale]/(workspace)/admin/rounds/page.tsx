import type { Metadata } from 'next';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listRoundsForAdmin } from '@/db/queries/admin-rounds';
import { archiveFilterSchema } from '@/lib/admin-input';
import { dateOnly } from '@/lib/dates';
import { ARCHIVE_REFUSAL_CODES, knownCode } from '@/lib/notice-codes';
import { pageLocale } from '@/app/_lib/localized-names';
import { ArchiveButton } from '../_components/admin-parts';
import { requireAdmin } from '../_components/require-admin';
import { archiveRoundAction, restoreRoundAction } from './actions';
import { CloseRoundButton } from './close-round-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.rounds'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const REFUSALS = [...ARCHIVE_REFUSAL_CODES, 'already_closed'] as const;
const DONE = ['created', 'saved', 'closed', 'archived', 'restored'] as const;

/** Every reporting round, archived ones included and marked. Admins only. */
export default async function AdminRoundsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin('/admin/rounds');
  const [t, tCommon, format, query, locale] = await Promise.all([
    getTranslations('admin.rounds'),
    getTranslations('admin.common'),
    getFormatter(),
    searchParams,
    pageLocale(),
  ]);
  const archiveText = { t: tCommon, format };
  const rounds = listRoundsForAdmin({ archived: archiveFilterSchema.parse(query.archived) });
  const date = (value: string) =>
    format.dateTime(dateOnly(value), { dateStyle: 'medium', timeZone: 'UTC' });
  // Only a fixed code, or the title of a round this list holds, is ever shown from the URL.
  const refused = knownCode(REFUSALS, query.error);
  const done = DONE.find((key) => typeof query[key] === 'string');
  const doneRound = done ? rounds.find((round) => String(round.id) === query[done]) : undefined;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {refused ? (
        <div className="alert" role="alert">
          <p>{t(`refused.${refused}`)}</p>
        </div>
      ) : done && doneRound ? (
        <p className="notice" role="status">
          {t(`done.${done}`, { name: doneRound.title })}
        </p>
      ) : null}
      <p>
        <Link className="button" href="/admin/rounds/new">
          {t('newTitle')}
        </Link>
      </p>
      <p className="result-count">{t('count', { count: rounds.length })}</p>
      <div className="table-scroll">
        <table className="data admin-table">
          <caption className="visually-hidden">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.title')}</th>
              <th scope="col">{t('fields.opensOn')}</th>
              <th scope="col">{t('fields.dueOn')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.id} className={round.archived ? 'archived' : undefined}>
                <th scope="row">
                  {/* A plain link: next-intl's Link awaits the locale, a lazy chunk in every row. */}
                  <a
                    href={getPathname({ href: `/admin/rounds/${round.id}`, locale })}
                    aria-label={t('editLabel', { title: round.title })}
                  >
                    {round.title}
                  </a>{' '}
                  <a href={getPathname({ href: `/rounds/${round.id}`, locale })} className="meta">
                    {t('publicPage')}
                  </a>
                </th>
                <td>{date(round.opensOn)}</td>
                <td>{date(round.dueOn)}</td>
                <td>
                  {t(`status.${round.status}`)}
                  {round.archived ? (
                    <>
                      {' · '}
                      <span className="tag tag-archived">{tCommon('archived')}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {round.status === 'open' ? (
                    <CloseRoundButton id={round.id} title={round.title} t={t} />
                  ) : null}{' '}
                  <ArchiveButton
                    archive={archiveRoundAction}
                    restore={restoreRoundAction}
                    id={round.id}
                    name={round.title}
                    archivedAt={round.archived ? 'archived' : null}
                    text={archiveText}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
