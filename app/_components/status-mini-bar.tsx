import { useFormatter, useTranslations } from 'next-intl';
import { NO_REPORT_SYMBOL, STATUS_KEYS, STATUS_SCALE } from '@/lib/status-scale';
import type { StatusCounts } from '@/lib/summary-types';
import './status-distribution.css';

/**
 * A row's statuses as a small bar whose segments carry each status's symbol as well as its colour
 * (no report hatched), then the counts in words. Server and client components alike render it.
 */
export function StatusMiniBar({ counts }: { counts: StatusCounts }) {
  const t = useTranslations('charts');
  const tStatus = useTranslations('status');
  const format = useFormatter();
  const shown = STATUS_KEYS.filter((key) => counts[key] > 0);
  return (
    <>
      <div className="status-mini-bar" aria-hidden="true">
        {shown.map((key) => (
          <span
            key={key}
            style={{
              flexGrow: counts[key],
              background: STATUS_SCALE[key].colour,
              color: STATUS_SCALE[key].textColour,
            }}
          >
            {STATUS_SCALE[key].symbol}
          </span>
        ))}
        {counts.no_report > 0 ? (
          <span className="no-report" style={{ flexGrow: counts.no_report }}>
            {NO_REPORT_SYMBOL}
          </span>
        ) : null}
      </div>
      <ul className="status-counts">
        {shown.map((key) => (
          <li key={key}>
            <span aria-hidden="true">{STATUS_SCALE[key].symbol}</span> {tStatus(key)}{' '}
            {format.number(counts[key])}
          </li>
        ))}
        <li>
          <span aria-hidden="true">{NO_REPORT_SYMBOL}</span> {t('noReport')}{' '}
          {format.number(counts.no_report)}
        </li>
      </ul>
    </>
  );
}
