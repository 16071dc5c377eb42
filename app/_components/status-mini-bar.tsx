import { useTranslations } from 'next-intl';
import { useCount } from '@/lib/i18n/formats';
import { NO_REPORT_SYMBOL, STATUS_KEYS, STATUS_SCALE } from '@/lib/status-scale';
import type { StatusCounts } from '@/lib/summary-types';
import './status-distribution.css';

const silent = (symbol: string) => {
  const text = JSON.stringify(symbol);
  return `content:${text};content:${text} / ""`;
};

/**
 * Each status's colours and symbol as a class (s0-s5, nr for no report), instead of a style on
 * every segment and a symbol element in every count. The symbol before a count repeats its words,
 * so it is silent: `/ ""`.
 */
const STATUS_STYLES = STATUS_KEYS.map((key, index) => {
  const { colour, textColour, symbol } = STATUS_SCALE[key];
  return (
    `.status-mini-bar>.s${index}{background:${colour};color:${textColour}}` +
    `.status-counts>.s${index}::before{${silent(symbol)}}`
  );
})
  .concat(`.status-counts>.nr::before{${silent(NO_REPORT_SYMBOL)}}`)
  .join('');

/**
 * One style element for every bar: React's page payload (the RSC stream) sends an element it has
 * already sent as a reference to it, so a list of bars carries the rules once, not once a bar.
 */
const MINI_BAR_STYLE = (
  <style href="status-mini-bar" precedence="default">
    {STATUS_STYLES}
  </style>
);

/**
 * A row's statuses as a small bar whose segments carry each status's symbol as well as its colour
 * (no report hatched), then the counts in words. Server and client components alike render it;
 * React sends the style once however many bars a page has (a style with an href is hoisted).
 */
export function StatusMiniBar({ counts }: { counts: StatusCounts }) {
  const t = useTranslations('charts');
  const tStatus = useTranslations('status');
  const count = useCount();
  const shown = STATUS_KEYS.filter((key) => counts[key] > 0);
  const classOf = (key: (typeof STATUS_KEYS)[number]) => `s${STATUS_KEYS.indexOf(key)}`;
  return (
    <>
      {MINI_BAR_STYLE}
      <div className="status-mini-bar" aria-hidden="true">
        {shown.map((key) => (
          <span key={key} className={classOf(key)} style={{ flexGrow: counts[key] }}>
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
          <li key={key} className={classOf(key)}>
            {`${tStatus(key)} ${count(counts[key])}`}
          </li>
        ))}
        <li className="nr">{`${t('noReport')} ${count(counts.no_report)}`}</li>
      </ul>
    </>
  );
}
