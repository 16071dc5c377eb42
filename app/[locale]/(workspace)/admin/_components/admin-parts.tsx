import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ARCHIVE_FILTERS, type ArchiveFilter } from '@/lib/admin-input';
import { ARCHIVE_REFUSAL_CODES, knownCode } from '@/lib/notice-codes';
import { pageHolding, pageNumber, pageOf } from '@/lib/page-of';
import { keptQuery, Pagination } from '@/app/_components/pagination';
import './admin.css';

type Query = Record<string, string | string[] | undefined>;

/** Rows a page of an admin list: a workspace has thousands of actors and users. */
const ADMIN_PAGE_SIZE = 50;

const NOTICE_KEYS = ['created', 'saved', 'archived', 'restored'] as const;

/**
 * The page of an admin list the URL asks for. Without a page, after a write (the notice's
 * `created=12`, `archived=12`, …) it is the page that holds the row just written, so the person
 * sees it and can act on it again.
 */
export function adminPage<T extends { id: number | string }>(
  rows: readonly T[],
  query: Query,
  noticeKeys: readonly string[] = NOTICE_KEYS,
) {
  const written = noticeKeys.map((key) => query[key]).find((id) => typeof id === 'string');
  const wanted = query.page === undefined ? pageHolding(rows, written, ADMIN_PAGE_SIZE) : undefined;
  return {
    ...pageOf(rows, wanted ?? pageNumber.parse(query.page), ADMIN_PAGE_SIZE),
    total: rows.length,
  };
}

/** Links to a list's previous and next pages, keeping its filters (`query`). */
export function AdminPageLinks({
  shown,
  basePath,
  query,
}: {
  shown: { page: number; total: number };
  basePath: string;
  query: Record<string, unknown>;
}) {
  return (
    <Pagination
      page={shown.page}
      total={shown.total}
      limit={ADMIN_PAGE_SIZE}
      basePath={basePath}
      query={keptQuery(query)}
    />
  );
}

/**
 * The outcome of the last write, carried in the URL so it survives the redirect: a fixed code, or
 * the id of a row `nameOf` finds (looked up only when the URL carries one). Nothing else from the
 * URL is shown, so a link cannot make the site say words of its sender's choosing.
 */
export async function AdminNotice({
  query,
  nameOf,
}: {
  query: Query;
  nameOf: (id: number) => string | undefined;
}) {
  const t = await getTranslations('admin.notice');
  const refused = knownCode(ARCHIVE_REFUSAL_CODES, query.error);
  if (refused) {
    return (
      <div className="alert" role="alert">
        <p>{t(`refused.${refused}`)}</p>
      </div>
    );
  }
  for (const done of NOTICE_KEYS) {
    const id = query[done];
    const name =
      typeof id === 'string' && /^[1-9]\d{0,8}$/.test(id) ? nameOf(Number(id)) : undefined;
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

/**
 * The words and date format of `ArchiveStatus` and `ArchiveButton`, awaited once by the page: an
 * async component in every row would make each row a lazy chunk of its own in the RSC payload.
 */
export async function getArchiveText() {
  const [t, format] = await Promise.all([getTranslations('admin.common'), getFormatter()]);
  return { t, format };
}

export type ArchiveText = Awaited<ReturnType<typeof getArchiveText>>;

/** Active, or archived since a date: in words, never by colour alone. */
export function ArchiveStatus({
  archivedAt,
  text: { t, format },
}: {
  archivedAt: string | null;
  text: ArchiveText;
}) {
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
export function ArchiveButton({
  archive,
  restore,
  id,
  name,
  archivedAt,
  text: { t },
}: {
  archive: (form: FormData) => Promise<void>;
  restore: (form: FormData) => Promise<void>;
  id: number;
  name: string;
  archivedAt: string | null;
  text: ArchiveText;
}) {
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
  /** The active/archived choice, for lists whose rows can be archived. */
  archived?: ArchiveFilter;
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
        {archived ? (
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
        ) : null}
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
