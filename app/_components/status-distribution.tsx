import { getFormatter, getTranslations } from 'next-intl/server';
import { STATUS_KEYS, STATUS_SCALE } from '@/lib/status-scale';
import type { GroupRow } from '@/lib/summary-types';
import './status-distribution.css';

/**
 * A list row's current self-reported statuses: coverage and score in words, then a small bar whose
 * segments carry each status's symbol as well as its colour, and the counts in words beside it.
 */
export async function StatusDistribution({
  status,
  of,
}: {
  status: Omit<GroupRow, 'key' | 'label'>;
  /** What the pairs are counted across: a commitment's actors or an actor's commitments. */
  of: 'actors' | 'commitments';
}) {
  const t = await getTranslations('listStatus');
  const tStatus = await getTranslations('status');
  const format = await getFormatter();
  const percent = (share: number) => format.number(share, { style: 'percent' });
  const shown = STATUS_KEYS.filter((key) => status.counts[key] > 0);
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
      {status.pairs === 0 ? null : (
        <>
          <div className="status-mini-bar" aria-hidden="true">
            {shown.map((key) => (
              <span
                key={key}
                style={{
                  flexGrow: status.counts[key],
                  background: STATUS_SCALE[key].colour,
                  color: STATUS_SCALE[key].textColour,
                }}
              >
                {STATUS_SCALE[key].symbol}
              </span>
            ))}
            {status.counts.no_report > 0 ? (
              <span className="no-report" style={{ flexGrow: status.counts.no_report }} />
            ) : null}
          </div>
          <ul className="status-counts">
            {shown.map((key) => (
              <li key={key}>
                <span aria-hidden="true">{STATUS_SCALE[key].symbol}</span> {tStatus(key)}{' '}
                {format.number(status.counts[key])}
              </li>
            ))}
            <li>
              {t('noReport')} {format.number(status.counts.no_report)}
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
