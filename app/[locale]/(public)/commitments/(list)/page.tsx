import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { listCommitments } from '@/db/queries/commitments';
import { listStatuses } from '@/db/queries/list-status';
import { listGcmObjectives, listSdgTargets } from '@/db/queries/reference';
import {
  COMMITMENT_LIST_PARAMETERS,
  DEFAULT_PAGE_SIZE,
  PAGE_PARAMETERS,
  parseQuery,
} from '@/lib/query-params';
import { DUTY_BEARERS, THEMES } from '@/lib/taxonomy';
import { SOURCE_REPORT_LANGUAGE } from '@/lib/source-language';
import { QueryErrors } from '@/app/_components/query-errors';
import { pageLocale } from '@/app/_lib/localized-names';
import { localizeTitles } from '@/lib/localized-labels';
import { DownloadLinks } from '@/app/_components/download-links';
import { StatusDistribution } from '@/app/_components/status-distribution';
import { keptQuery, Pagination } from '@/app/_components/pagination';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('commitments'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CommitmentsPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations();
  const parsed = parseQuery(await searchParams, [
    ...COMMITMENT_LIST_PARAMETERS,
    ...PAGE_PARAMETERS,
  ]);
  const { page: asked = 1, limit = DEFAULT_PAGE_SIZE, ...filters } = parsed.ok ? parsed.value : {};
  // A page of the list: hundreds of cards, each with its distribution, are slow to send and read.
  const all = parsed.ok ? listCommitments(filters) : [];
  const page = Math.min(asked, Math.max(1, Math.ceil(all.length / limit)));
  const commitments = all.slice((page - 1) * limit, page * limit);
  const { objectives, sdgTargets } = localizeTitles(
    { objectives: listGcmObjectives(), sdgTargets: listSdgTargets() },
    await pageLocale(),
  );
  const statuses = listStatuses().byCommitment;

  return (
    <>
      <h1>{t('commitments.title')}</h1>
      <p className="lead">{t('commitments.intro')}</p>
      <form className="filters" method="get" role="search" aria-label={t('common.filters')}>
        <fieldset>
          <legend>{t('common.filters')}</legend>
          <div className="field">
            <label htmlFor="filter-q">{t('commitments.searchLabel')}</label>
            <input
              id="filter-q"
              type="search"
              name="q"
              defaultValue={filters.q ?? ''}
              maxLength={200}
            />
          </div>
          <div className="field">
            <label htmlFor="filter-theme">{t('commitments.theme')}</label>
            <select id="filter-theme" name="theme" defaultValue={filters.theme ?? ''}>
              <option value="">{t('common.any')}</option>
              {THEMES.map((theme) => (
                <option key={theme} value={theme}>
                  {t(`theme.${theme}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-objective">{t('commitments.objective')}</label>
            <select
              id="filter-objective"
              name="objective"
              defaultValue={filters.objective?.toString() ?? ''}
            >
              <option value="">{t('common.any')}</option>
              {objectives.map((objective) => (
                <option key={objective.number} value={objective.number}>
                  {objective.number}. {objective.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sdg">{t('commitments.sdg')}</label>
            <select id="filter-sdg" name="sdg" defaultValue={filters.sdg ?? ''}>
              <option value="">{t('common.any')}</option>
              {sdgTargets.map((target) => (
                <option key={target.code} value={target.code}>
                  {target.code} {target.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-duty-bearer">{t('commitments.dutyBearer')}</label>
            <select
              id="filter-duty-bearer"
              name="dutyBearer"
              defaultValue={filters.dutyBearer ?? ''}
            >
              <option value="">{t('common.any')}</option>
              {DUTY_BEARERS.map((bearer) => (
                <option key={bearer} value={bearer}>
                  {t(`dutyBearer.${bearer}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            <button className="button" type="submit">
              {t('common.apply')}
            </button>
            <Link className="button secondary" href="/commitments">
              {t('common.clear')}
            </Link>
          </div>
        </fieldset>
      </form>
      {parsed.ok ? null : <QueryErrors errors={parsed.errors} />}
      <p className="result-count" role="status">
        {t('common.results', { count: all.length })}
      </p>
      {parsed.ok ? <DownloadLinks datasets={['commitments']} query={filters} /> : null}
      {parsed.ok && all.length === 0 ? <p>{t('commitments.empty')}</p> : null}
      <p className="meta">{t('listStatus.howComputed')}</p>
      <ul className="card-list">
        {commitments.map((commitment) => (
          <li key={commitment.code} className="card">
            <h2>
              <Link href={`/commitments/${commitment.code}`}>
                <span className="code">{commitment.code}</span>{' '}
                <span lang={SOURCE_REPORT_LANGUAGE}>{commitment.title}</span>
              </Link>
            </h2>
            <p className="meta">
              {t(`theme.${commitment.theme}`)} ·{' '}
              {t('commitments.paragraph', {
                count: commitment.paragraphNumbers.length,
                paragraphs: commitment.paragraphs,
              })}{' '}
              · {commitment.dutyBearers.map((bearer) => t(`dutyBearer.${bearer}`)).join(', ')}
            </p>
            <ul className="tags" aria-label={t('commitments.tags')}>
              {commitment.gcmObjectives.map((objective) => (
                <li key={`o${objective}`} className="tag">
                  {t('commitments.objective')} {objective}
                </li>
              ))}
              {commitment.sdgTargets.map((target) => (
                <li key={`s${target}`} className="tag">
                  {t('commitments.sdg')} {target}
                </li>
              ))}
            </ul>
            {statuses.has(commitment.code) ? (
              <StatusDistribution status={statuses.get(commitment.code)!} of="actors" />
            ) : null}
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        total={all.length}
        limit={limit}
        basePath="/commitments"
        query={keptQuery({ ...filters, limit: parsed.ok ? parsed.value.limit : undefined })}
      />
    </>
  );
}
