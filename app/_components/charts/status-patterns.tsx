'use client';
/**
 * SVG fills for the cells of a status chart: one <pattern> per CellKey, so that regressed,
 * unable-to-assess and no-report read apart without colour. Colours come from STATUS_SCALE only.
 */
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { NO_REPORT_SYMBOL, STATUS_SCALE } from '@/lib/status-scale';
import type { CellKey } from '@/lib/summary-types';

const TILE = 8;

export function cellSymbol(key: CellKey): string {
  return key === 'no_report' ? NO_REPORT_SYMBOL : STATUS_SCALE[key].symbol;
}

/** The label of a cell: status labels come from `status.*`, "No report" from `charts.noReport`. */
export function useCellLabel(): (key: CellKey) => string {
  const tStatus = useTranslations('status');
  const t = useTranslations('charts');
  return (key) => (key === 'no_report' ? t('noReport') : tStatus(key));
}

export function patternId(prefix: string, key: CellKey): string {
  return `${prefix}-${key}`;
}

export function patternFill(prefix: string, key: CellKey): string {
  return `url(#${patternId(prefix, key)})`;
}

/** A prefix unique to this chart instance (useId, stripped to characters safe inside url(#...)). */
export function useStatusPatterns(): { prefix: string; patternFill: (key: CellKey) => string } {
  const prefix = `status-fill-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  return { prefix, patternFill: (key) => patternFill(prefix, key) };
}

function Texture({ cellKey }: { cellKey: CellKey }) {
  switch (cellKey) {
    case 'regressed':
      return (
        <path
          d={`M-2,2 l4,-4 M0,${TILE} l${TILE},-${TILE} M${TILE - 2},${TILE + 2} l4,-4`}
          style={{ stroke: 'var(--ink)', strokeWidth: 2 }}
        />
      );
    case 'unable_to_assess':
      return (
        <g style={{ fill: 'var(--ink)' }}>
          <circle cx={2} cy={2} r={1.25} />
          <circle cx={6} cy={6} r={1.25} />
        </g>
      );
    case 'no_report':
      // Thin dark lines on white read as a light grey hatch, yet keep their edges visible.
      return (
        <path
          d={`M0,0 L${TILE},${TILE} M${TILE},0 L0,${TILE}`}
          style={{ stroke: 'var(--ink-muted)', strokeWidth: 0.75 }}
        />
      );
    default:
      return null;
  }
}

/** <defs> for one chart: render it inside the chart's <svg> (recharts renders plain SVG children). */
export function StatusPatterns({ prefix, keys }: { prefix: string; keys: readonly CellKey[] }) {
  return (
    <defs>
      {keys.map((key) => (
        <pattern
          key={key}
          id={patternId(prefix, key)}
          data-cell-key={key}
          patternUnits="userSpaceOnUse"
          width={TILE}
          height={TILE}
        >
          {key === 'no_report' ? (
            <rect width={TILE} height={TILE} style={{ fill: 'var(--paper)' }} />
          ) : (
            <rect width={TILE} height={TILE} fill={STATUS_SCALE[key].colour} />
          )}
          <Texture cellKey={key} />
        </pattern>
      ))}
    </defs>
  );
}
