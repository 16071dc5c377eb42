import { Link } from '@/lib/i18n/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import {
  COMPLETION_KEYS,
  COMPLETION_SCALE,
  type CompletionCounts,
  type CompletionKey,
} from '@/lib/round-completion';
import './rounds.css';

/**
 * Each status's colour and symbol as a class (completion-mark reported, …), written once per
 * page. The symbol is generated content with an empty alternative text, so screen readers read
 * only the status's name beside it; a browser that does not know the alternative keeps the
 * first `content`.
 */
const MARK_STYLES = COMPLETION_KEYS.map((key) => {
  const { colour, symbol } = COMPLETION_SCALE[key];
  return `.completion-mark.${key}{background:${colour}}.completion-mark.${key}::before{content:"${symbol}";content:"${symbol}"/""}`;
}).join('');

/**
 * A completion status as a symbol on its colour, named in words for screen readers. A page of
 * the completion table has hundreds of marks, each sent twice (the HTML and the page's payload),
 * so a mark is one element around its name: the colour and the symbol come from its class, and
 * the one style element that defines them is hoisted by React (it has an href). Marks on a page
 * where another mark already brings the styles (`styled={false}`) leave it out of the payload.
 */
export function CompletionMark({
  status,
  label,
  styled = true,
}: {
  status: CompletionKey;
  /** The status's name in the page's language (`rounds.status`). */
  label: string;
  styled?: boolean;
}) {
  return (
    <span className={`completion-mark ${status}`}>
      {styled ? (
        <style href="completion-marks" precedence="default">
          {MARK_STYLES}
        </style>
      ) : null}
      <span className="visually-hidden">{label}</span>
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
      {shown.map((key, index) => (
        <li key={key}>
          <span aria-hidden="true">
            <CompletionMark status={key} label={t(key)} styled={index === 0} />
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
