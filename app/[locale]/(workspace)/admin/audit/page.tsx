import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { listAudit } from '@/db/queries/audit';
import { Pagination } from '@/app/_components/pagination';
import { requireUser } from '@/app/_lib/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

const filtersSchema = z.object({
  entityType: z.string().max(50).optional().catch(undefined),
  action: z.string().max(50).optional().catch(undefined),
  user: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Every write with who, when, what, before and after. Admins only: checked in the data layer. */
export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/admin/audit');
  const t = await getTranslations('audit');
  const format = await getFormatter();
  const filters = filtersSchema.parse(
    Object.fromEntries(
      Object.entries(await searchParams).filter(
        ([, value]) => typeof value === 'string' && value !== '',
      ),
    ),
  );
  const log = listAudit(user.id, filters);
  if (!log) forbidden();
  const query = Object.fromEntries(
    Object.entries(filters)
      .filter(([key, value]) => key !== 'page' && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
  return (
    <>
      <h1>{t('title')}</h1>
      <form className="filters" method="get" aria-label={t('filters')}>
        <fieldset>
          <legend>{t('filters')}</legend>
          <div className="field">
            <label htmlFor="audit-entity">{t('entityType')}</label>
            <select id="audit-entity" name="entityType" defaultValue={filters.entityType ?? ''}>
              <option value="">{t('any')}</option>
              {log.entityTypes.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-action">{t('action')}</label>
            <select id="audit-action" name="action" defaultValue={filters.action ?? ''}>
              <option value="">{t('any')}</option>
              {log.actions.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-user">{t('user')}</label>
            <input id="audit-user" type="search" name="user" defaultValue={filters.user ?? ''} />
          </div>
          <div className="actions">
            <button className="button" type="submit">
              {t('apply')}
            </button>
            <Link className="button secondary" href="/admin/audit">
              {t('clear')}
            </Link>
          </div>
        </fieldset>
      </form>
      <p className="result-count">{t('count', { count: log.total })}</p>
      <div className="table-scroll">
        <table className="data audit-table">
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('when')}</th>
              <th scope="col">{t('user')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('entity')}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  {format.dateTime(new Date(row.at), {
                    dateStyle: 'medium',
                    timeStyle: 'medium',
                    timeZone: 'UTC',
                  })}
                </td>
                <td>{row.user ?? t('system')}</td>
                <td>{row.action}</td>
                <th scope="row">
                  {row.entityType} {row.entityId}
                </th>
                <td>
                  <details>
                    <summary>{t('beforeAfter')}</summary>
                    <pre className="audit-json">
                      {t('before')}: {row.before ?? '—'}
                    </pre>
                    <pre className="audit-json">
                      {t('after')}: {row.after ?? '—'}
                    </pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={log.page}
        total={log.total}
        limit={log.limit}
        basePath="/admin/audit"
        query={query}
      />
    </>
  );
}
