import { getFormatter, getTranslations } from 'next-intl/server';
import type { GroupRow } from '@/lib/summary-types';
import { StatusMiniBar } from './status-mini-bar';

/** A list row's current self-reported statuses: coverage and score in words, then its mini bar. */
export async function StatusDistribution({
  status,
  of,
}: {
  status: Omit<GroupRow, 'key' | 'label'>;
  /** What the pairs are counted across: a commitment's actors or an actor's commitments. */
  of: 'actors' | 'commitments';
}) {
  const t = await getTranslations('listStatus');
  const format = await getFormatter();
  const percent = (share: number) => format.number(share, { style: 'percent' });
  return (
    <div className="status-distribution">
      <p className="meta">
        {t('coverage', {
          of,
          reported: status.reported,
          pairs: status.pairs,
          share: status.pairs === 0 ? '—' : percent(status.reported / status.pairs),
        })}
        {' · '}
        {status.score === null ? t('noScore') : t('score', { score: percent(status.score) })}
      </p>
      {status.pairs === 0 ? null : <StatusMiniBar counts={status.counts} />}
    </div>
  );
}
