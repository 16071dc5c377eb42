import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { getUsers, listUserIds } from '@/db/queries/users';
import { requireUser } from '@/app/_lib/guard';
import { PARAMETERS } from '@/lib/query-params';
import { adminPage, AdminFilters, AdminPageLinks } from '../_components/admin-parts';
import { disableUserAction, enableUserAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('users.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A Map: only these codes from the URL mean anything ("constructor" or any text finds nothing).
const DISABLE_ERRORS = new Map<string, string>([
  ['self', 'cannotDisableSelf'],
  ['notFound', 'userNotFound'],
  ['invalid', 'userNotFound'],
  ['alreadyDisabled', 'alreadyDisabled'],
]);

/**
 * Users: list, search, disable and re-enable (creating is on its own page). Admins only; the data
 * functions check it again for every call.
 */
export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/admin/users');
  if (user.role !== 'admin') forbidden();
  const [t, tAdmin, format, params] = await Promise.all([
    getTranslations('auth'),
    getTranslations('admin.users'),
    getFormatter(),
    searchParams,
  ]);
  const q = PARAMETERS.q.catch('').parse(params.q ?? '');
  // A workspace has thousands of users: every id for the paging (searched by name, e-mail or
  // actor), whole users only for the fifty shown and for the one the notice names.
  const ids = listUserIds(user.id, { q: q || undefined });
  const shown = adminPage(ids, params, ['disabled', 'enabled']);
  const users = getUsers(
    user.id,
    shown.items.map(({ id }) => id),
  );
  const written = (id: unknown) =>
    typeof id === 'string' && id.length <= 100 ? getUsers(user.id, [id])[0] : undefined;
  const disabled = written(params.disabled);
  const disableError =
    typeof params.error === 'string' ? DISABLE_ERRORS.get(params.error) : undefined;
  const enabled = written(params.enabled);
  const enableError =
    params.enableError === 'notDisabled' || params.enableError === 'notFound'
      ? params.enableError
      : undefined;

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="lead">{t('users.intro')}</p>
      <p>
        <Link className="button" href="/admin/users/new">
          {t('users.createTitle')}
        </Link>
      </p>
      {disabled ? (
        <p className="notice" role="status">
          {t('users.disabled', { name: disabled.name, count: Number(params.ended) || 0 })}
        </p>
      ) : null}
      {enabled ? (
        <p className="notice" role="status">
          {tAdmin('enabled', { name: enabled.name })}
        </p>
      ) : null}
      {enableError ? (
        <p className="alert" role="alert">
          {tAdmin(`errors.${enableError}`)}
        </p>
      ) : null}
      {disableError ? (
        <p className="alert" role="alert">
          {t(`errors.${disableError}`)}
        </p>
      ) : null}
      <AdminFilters basePath="/admin/users" q={q} />
      <div className="table-scroll">
        <table className="data users-table">
          <caption>{t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.actor')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.sessions')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.name}
                  {row.isDemo ? <span className="tag">{t('users.demo')}</span> : null}
                  {row.id === user.id ? <span className="tag">{t('users.you')}</span> : null}
                </th>
                <td>{row.email}</td>
                <td>{t(`roles.${row.role}`)}</td>
                <td>{row.actorName ?? '—'}</td>
                <td>
                  {row.disabledAt
                    ? t('users.disabledOn', {
                        date: format.dateTime(new Date(row.disabledAt), { dateStyle: 'medium' }),
                      })
                    : t('users.active')}
                  {row.disabledAt === null && !row.hasPassword ? (
                    <div className="meta">{t('users.noPassword')}</div>
                  ) : null}
                </td>
                <td>{row.activeSessions}</td>
                <td>
                  {row.disabledAt === null && row.id !== user.id ? (
                    <form action={disableUserAction}>
                      <input type="hidden" name="userId" value={row.id} />
                      <button
                        type="submit"
                        className="button danger"
                        aria-label={t('users.disableLabel', { name: row.name })}
                      >
                        {t('users.disable')}
                      </button>
                    </form>
                  ) : null}
                  {row.disabledAt !== null ? (
                    <form action={enableUserAction}>
                      <input type="hidden" name="userId" value={row.id} />
                      <button
                        type="submit"
                        className="button secondary"
                        aria-label={tAdmin('enableLabel', { name: row.name })}
                      >
                        {tAdmin('enable')}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AdminPageLinks shown={shown} basePath="/admin/users" query={{ q: q || undefined }} />
    </>
  );
}
