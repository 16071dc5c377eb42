import { Link } from '@/lib/i18n/navigation';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { listPairs } from '@/db/queries/pairs';
import { dashboardSearch } from '@/lib/dashboard-query';
import { dateOnly } from '@/lib/dates';
import { PAIR_FLAGS } from '@/lib/rollup';
import type { PairListDto } from '@/lib/pair-schema';
import { PAIR_LIST_PARAMETERS, parseQuery } from '@/lib/query-params';
import { keptQuery, Pagination } from '@/app/_components/pagination';
import { QueryErrors } from '@/app/_components/query-errors';
import { pairCells } from '@/app/_components/pair-table';
import { actorNamer } from '@/app/_lib/localized-names';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams;
}): Promise<Metadata> {
  const { flag } = await searchParams;
  const known = PAIR_FLAGS.find((name) => name === flag);
  return { title: (await getTranslations('pairList'))(`title.${known ?? 'all'}`) };
}
type Entry = PairListDto['pairs'][number]['self'];

const PAGE_SIZE = 50;

/**
 * The pairs a headline figure of the overview counts (contested, stale, regressed, adverse
 * effects), with the overview's filters: each pair's self-report beside its independent
 * assessment, both dated and linked, so a figure can be opened and checked pair by pair.
 */
export default async function PairsPage({ searchParams }: { searchParams: SearchParams }) {
  const t = await getTranslations('pairList');
  const tPairs = await getTranslations('pairs');
  const format = await getFormatter();
  const parsed = parseQuery(await searchParams, PAIR_LIST_PARAMETERS);
  // Any bad parameter shows every reported pair of the whole workspace under the message.
  const { page = 1, limit = PAGE_SIZE, ...filters } = parsed.ok ? parsed.value : {};
  const list = listPairs({ ...filters, page, limit });
  const flag = list.flag ?? 'all';
  const date = (iso: string) =>
    format.dateTime(dateOnly(iso), { dateStyle: 'medium', timeZone: 'UTC' });
  const { flag: _flag, commitment, subject, ...view } = filters;
  const query = keptQuery({ ...filters, limit: limit === PAGE_SIZE ? undefined : limit });
  const cells = await pairCells();
  const name = await actorNamer();
  const adverse = (entry: Entry) => (entry?.adverseEffects ? t('adverse') : undefined);
  return (
    <>
      <h1>{t(`title.${flag}`)}</h1>
      <p className="lead">
        {t(`intro.${flag}`, { date: date(list.asOf), staleBefore: date(list.staleBefore) })}{' '}
        {t('perspective', { perspective: list.perspective })}
      </p>
      {parsed.ok ? null : <QueryErrors errors={parsed.errors} />}
      <p className="result-count" role="status">
        {list.flag === 'adverse_effects'
          ? t('adverseTotal', { entries: list.adverseEntries, pairs: list.total })
          : t('total', { count: list.total })}
      </p>
      <p>
        <Link href={`/${dashboardSearch(view)}`}>{t('back')}</Link>
        {commitment !== undefined || subject !== undefined ? ` · ${t('narrowed')}` : ''}
      </p>
      {list.pairs.length === 0 ? null : (
        <div className="table-scroll">
          <table className="data pair-table">
            <caption className="visually-hidden">{t(`title.${flag}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commitment')}</th>
                <th scope="col">{t('actor')}</th>
                <th scope="col">{tPairs('self')}</th>
                <th scope="col">{tPairs('independent')}</th>
                <th scope="col">{tPairs('flags')}</th>
              </tr>
            </thead>
            <tbody>
              {list.pairs.map((pair) => (
                <tr
                  key={`${pair.commitment.code}:${pair.actor.id}`}
                  className={pair.contested ? 'contested-row' : undefined}
                >
                  <th scope="row">
                    <Link href={`/commitments/${pair.commitment.code}`}>
                      <span className="code">{pair.commitment.code}</span> {pair.commitment.title}
                    </Link>
                  </th>
                  <td data-label={t('actor')}>
                    <Link href={`/actors/${pair.actor.id}`}>{name(pair.actor.name)}</Link>
                  </td>
                  {cells.status('self', pair.self, adverse(pair.self))}
                  {cells.status('independent', pair.independent, adverse(pair.independent))}
                  {cells.marks({ contested: pair.contested, farApart: pair.farApart })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} total={list.total} limit={limit} basePath="/pairs" query={query} />
    </>
  );
}
