'use client';
/**
 * The key to a status chart: every status plus "No report", each shown by its fill (colour and
 * texture), its symbol and its label, so colour never carries the meaning alone.
 */
import { useTranslations } from 'next-intl';
import { CELL_KEYS, type CellKey } from '@/lib/summary-types';
import { StatusPatterns, cellSymbol, useCellLabel, useStatusPatterns } from './status-patterns';
import './charts.css';

export function StatusLegend({ keys = CELL_KEYS }: { keys?: readonly CellKey[] }) {
  const t = useTranslations('charts');
  const label = useCellLabel();
  const { prefix, patternFill } = useStatusPatterns();
  return (
    <div className="status-legend">
      {/* Zero-size, not display:none: browsers do not paint patterns defined in a hidden <svg>. */}
      <svg className="status-legend-defs" width="0" height="0" aria-hidden="true" focusable="false">
        <StatusPatterns prefix={prefix} keys={keys} />
      </svg>
      <ul aria-label={t('legend')}>
        {keys.map((key) => (
          <li key={key}>
            <svg className="status-swatch" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <rect x="0.5" y="0.5" width="23" height="23" fill={patternFill(key)} />
            </svg>
            <span className="status-legend-symbol" aria-hidden="true">
              {cellSymbol(key)}
            </span>
            <span>{label(key)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
