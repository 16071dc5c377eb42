import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ARCHIVE_FILTERS, type ArchiveFilter } from '@/lib/admin-input';
import { ARCHIVE_REFUSAL_CODES, knownCode } from '@/lib/notice-codes';
import './admin.css';

type Query = Record<string, string | string[] | undefined>;

/**
 * The outcome of the last write, carried in the URL so it survives the redirect: a fixed code, or
 * the id of a row `names` knows. Nothing else from the URL is shown, so a link cannot make the
 * site say words of its sender's choosing.
 */
export async function AdminNotice({ query, names }: { query: Query; names: Map<string, string> }) {
  const t = await getTranslations('admin.notice');
  const refused = knownCode(ARCHIVE_REFUSAL_CODES, query.error);
  if (refused) {
    return (
      <div className="alert" role="alert">
        <p>{t(`refused.${refused}`)}</p>
      </div>
    );
  }
  for (const done of ['created', 'saved', 'archived', 'restored'] as const) {
    const id = query[done];
    const name = typeof id === 'string' ? names.get(id) : undefined;
    if (name !== undefined) {
      return (
        <p className="notice" role="status">
          {t(done, { name })}
        </p>
      );
    }
  }
  return null;
}

/** Active, or archived since a date: in words, never by colour alone. */
export async function ArchiveStatus({ archivedAt }: { archivedAt: string | null }) {
  const [t, format] = await Promise.all([getTranslations('admin.common'), getFormatter()]);
  if (archivedAt === null) return <>{t('active')}</>;
  return (
    <>
      <span className="tag tag-archived">{t('archived')}</span>{' '}
      {t('since', {
        date: format.dateTime(new Date(archivedAt), { dateStyle: 'medium', timeZone: 'UTC' }),
      })}
    </>
  );
}

/** A button that archives or restores one row through a server action. */
export async function ArchiveButton({
  archive,
  restore,
  id,
  name,
  archivedAt,
}: {
  archive: (form: FormData) => Promise<void>;
  restore: (form: FormData) => Promise<void>;
  id: number;
  name: string;
  archivedAt: string | null;
}) {
  const t = await getTranslations('admin.common');
  const archived = archivedAt !== null;
  return (
    <form action={archived ? restore : archive} className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        className={archived ? 'button secondary' : 'button danger'}
        aria-label={t(archived ? 'restoreLabel' : 'archiveLabel', { name })}
      >
        {t(archived ? 'restore' : 'archive')}
      </button>
    </form>
  );
}

/** Search, an optional select, and active/archived/all: a GET form, so the URL keeps the view. */
export async function AdminFilters({
  basePath,
  q,
  archived,
  select,
}: {
  basePath: string;
  q: string;
  archived: ArchiveFilter;
  select?: {
    name: string;
    label: string;
    value: string;
    options: { value: string; label: string }[];
  };
}) {
  const t = await getTranslations('admin.filters');
  return (
    <form className="filters" method="get" role="search" aria-label={t('label')}>
      <fieldset>
        <legend>{t('label')}</legend>
        <div className="field">
          <label htmlFor="admin-q">{t('search')}</label>
          <input id="admin-q" type="search" name="q" defaultValue={q} maxLength={200} />
        </div>
        {select ? (
          <div className="field">
            <label htmlFor={`admin-${select.name}`}>{select.label}</label>
            <select id={`admin-${select.name}`} name={select.name} defaultValue={select.value}>
              <option value="">{t('any')}</option>
              {select.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="admin-archived">{t('show')}</label>
          <select id="admin-archived" name="archived" defaultValue={archived}>
            {ARCHIVE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t(`archived.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button className="button" type="submit">
            {t('apply')}
          </button>
          <Link className="button secondary" href={basePath}>
            {t('clear')}
          </Link>
        </div>
      </fieldset>
    </form>
  );
}
