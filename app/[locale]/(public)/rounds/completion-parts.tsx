import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import {
  COMPLETION_KEYS,
  COMPLETION_SCALE,
  type CompletionCounts,
  type CompletionKey,
} from '@/lib/round-completion';
import './rounds.css';

/** Each status's colour as a class (completion-mark reported, …), written once per page. */
const MARK_STYLES = COMPLETION_KEYS.map(
  (key) => `.completion-mark.${key}{background:${COMPLETION_SCALE[key].colour}}`,
).join('');

/**
 * A completion status as a symbol on its colour, named in words for screen readers. The colour
 * is a class, not a style per mark, and React hoists the one style element (it has an href)
 * however many marks render it. A page of the completion table has hundreds of marks, and each
 * mark's style element would still be sent in the page's payload: marks on a page where another
 * mark already brings the styles (`styled={false}`) leave it out.
 */
export async function CompletionMark({
  status,
  styled = true,
}: {
  status: CompletionKey;
  styled?: boolean;
}) {
  const t = await getTranslations('rounds.status');
  return (
    <span className={`completion-mark ${status}`}>
      {styled ? (
        <style href="completion-marks" precedence="default">
          {MARK_STYLES}
        </style>
      ) : null}
      <span aria-hidden="true">{COMPLETION_SCALE[status].symbol}</span>
      <span className="visually-hidden">{t(status)}</span>
    </span>
  );
}

/** Each status with its symbol, and its count when given: the legend and the totals in one. */
export async function CompletionCountList({
  counts,
  shown = COMPLETION_KEYS,
}: {
  counts?: CompletionCounts;
  shown?: readonly CompletionKey[];
}) {
  const [t, format] = await Promise.all([getTranslations('rounds.status'), getFormatter()]);
  return (
    <ul className="completion-counts">
      {shown.map((key) => (
        <li key={key}>
          <span aria-hidden="true">
            <CompletionMark status={key} />
          </span>{' '}
          {t(key)}
          {counts ? `: ${format.number(counts[key])}` : null}
        </li>
      ))}
    </ul>
  );
}

/** One stacked bar: a segment per status, as wide as its share. The table beside it carries the figures. */
export function CompletionBar({ counts }: { counts: CompletionCounts }) {
  return (
    <span className="completion-bar" aria-hidden="true">
      {COMPLETION_KEYS.filter((key) => counts[key] > 0).map((key) => (
        <span key={key} style={{ flexGrow: counts[key], background: COMPLETION_SCALE[key].colour }}>
          {COMPLETION_SCALE[key].symbol}
        </span>
      ))}
    </span>
  );
}

/** The same data as JSON, from the public API. */
export async function RoundsApiLink({ path }: { path: string }) {
  const t = await getTranslations('rounds');
  return (
    <p className="meta">
      {t('api')}{' '}
      <Link href={path} prefetch={false}>
        {path}
      </Link>
    </p>
  );
}
