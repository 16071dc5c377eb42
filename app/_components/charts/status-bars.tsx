'use client';
/**
 * Stacked status bars: one bar per group (actor, theme, objective or period), one patterned
 * segment per CellKey in CELL_KEYS order, so "No report" always shows as a hatched segment.
 */
import { useState, type KeyboardEvent } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CELL_KEYS, type GroupRow } from '@/lib/summary-types';
import { useChartSurfaceProps } from './chart-frame';
import {
  CHART_FONT_SIZE,
  StatusTooltip,
  TICK_TEXT,
  toStatusDatum,
  usePercent,
  type StatusDatum,
  type ValueMode,
} from './chart-parts';
import { CategoryTick } from './chart-ticks';
import { StatusLegend } from './status-legend';
import { StatusPatterns, useStatusPatterns } from './status-patterns';
import './charts.css';

/** A GroupRow, optionally with a line for the tooltip (e.g. the as-of date of a period). */
export type StatusBarRow = GroupRow & { detail?: string };

export interface StatusBarsProps {
  rows: readonly StatusBarRow[];
  /** horizontal: a bar per actor, labels on the left; vertical: columns, labels below. */
  orientation: 'horizontal' | 'vertical';
  /** Show the first N rows (as sorted by the caller) with a "Show all" toggle. */
  topN?: number;
  valueMode?: ValueMode;
  showLegend?: boolean;
}

const BAR_THICKNESS = 28;
const BAR_GAP = 14;
/** Room for a 16px label line above each bar on narrow screens. */
const LABEL_ABOVE = 24;
const NARROW_WIDTH = 520;
const MARGIN = { top: 8, right: 24, bottom: 8, left: 16 };
const VALUE_AXIS_HEIGHT = 40;
const COLUMN_CHART_HEIGHT = 400;
const CATEGORY_AXIS_HEIGHT = Math.ceil(CHART_FONT_SIZE * 2 * 1.25) + 16;
const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * recharts 3.11 steps its keyboard tooltip backwards in layout="vertical" (ArrowRight goes up a
 * bar): remap so Right/Down go to the next bar and Left/Up to the previous one.
 */
const NEXT_BAR_KEYS: Record<string, 'ArrowLeft' | 'ArrowRight'> = {
  ArrowDown: 'ArrowLeft',
  ArrowRight: 'ArrowLeft',
  ArrowUp: 'ArrowRight',
  ArrowLeft: 'ArrowRight',
};
const remapped = new WeakSet<Event>();

function remapBarKeys(event: KeyboardEvent<HTMLDivElement>) {
  const key = NEXT_BAR_KEYS[event.key];
  const surface = event.target;
  if (!key || remapped.has(event.nativeEvent) || !(surface instanceof SVGSVGElement)) return;
  event.preventDefault();
  event.stopPropagation();
  const replacement = new globalThis.KeyboardEvent('keydown', { key, bubbles: true });
  remapped.add(replacement);
  surface.dispatchEvent(replacement);
}

export function StatusBars({
  rows,
  orientation,
  topN,
  valueMode = 'count',
  showLegend = true,
}: StatusBarsProps) {
  const t = useTranslations('charts');
  const format = useFormatter();
  const percent = usePercent();
  const surface = useChartSurfaceProps();
  const { prefix, patternFill } = useStatusPatterns();
  const [showAll, setShowAll] = useState(false);
  const [chartWidth, setChartWidth] = useState(0);

  if (rows.length === 0) return <p className="chart-empty">{t('empty')}</p>;

  const limit = topN !== undefined && topN > 0 && rows.length > topN ? topN : null;
  const visible = limit !== null && !showAll ? rows.slice(0, limit) : rows;
  const data = visible.map((row) => toStatusDatum(row, valueMode));
  const labelOf = new Map(data.map((datum) => [datum.id, datum.label]));
  const categoryLabel = (value: unknown) => labelOf.get(String(value)) ?? String(value);
  // On a phone, columns and side labels leave no room for words: draw bars with labels above them.
  const narrow = chartWidth > 0 && chartWidth < NARROW_WIDTH;
  const horizontal = orientation === 'horizontal' || narrow;
  const rowHeight = BAR_THICKNESS + BAR_GAP + (narrow ? LABEL_ABOVE : 0);
  // Bars keep their thickness, so the chart grows with the rows and labels stay legible.
  const height = horizontal
    ? data.length * rowHeight + VALUE_AXIS_HEIGHT + MARGIN.top + MARGIN.bottom
    : COLUMN_CHART_HEIGHT;
  const labelWidth = narrow
    ? 1
    : Math.min(280, Math.max(96, Math.round((chartWidth || 640) * 0.4)));
  const share = valueMode === 'share';
  const valueAxis = {
    type: 'number' as const,
    allowDecimals: false,
    ...(share ? { domain: [0, 1], ticks: SHARE_TICKS } : {}),
    tickFormatter: (value: number) => (share ? percent(value) : format.number(value)),
    tick: TICK_TEXT,
  };

  return (
    <div className={`status-bars status-bars-${horizontal ? 'horizontal' : 'vertical'}`}>
      {showLegend ? <StatusLegend /> : null}
      <p className="chart-axis-note">{share ? t('scaleShare') : t('scaleCount')}</p>
      {limit !== null ? (
        <p className="chart-topn">
          <span>{t('showingTop', { shown: visible.length, total: rows.length })}</span>{' '}
          <button
            type="button"
            className="button secondary"
            onClick={() => setShowAll((all) => !all)}
          >
            {showAll ? t('showTop', { count: limit }) : t('showAll', { count: rows.length })}
          </button>
        </p>
      ) : null}
      <div className="chart-plot" onKeyDownCapture={horizontal ? remapBarKeys : undefined}>
        <ResponsiveContainer
          width="100%"
          height={height}
          onResize={(width) => setChartWidth(width)}
        >
          <BarChart
            data={data}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={MARGIN}
            barSize={horizontal ? BAR_THICKNESS : undefined}
            barCategoryGap="20%"
            {...surface}
          >
            <StatusPatterns prefix={prefix} keys={CELL_KEYS} />
            {horizontal ? (
              <XAxis {...valueAxis} height={VALUE_AXIS_HEIGHT} />
            ) : (
              <XAxis
                type="category"
                dataKey="id"
                interval={0}
                height={CATEGORY_AXIS_HEIGHT}
                tick={(tick) => (
                  <CategoryTick
                    x={tick.x}
                    y={tick.y}
                    axis="x"
                    label={categoryLabel(tick.payload.value)}
                    room={Number(tick.width) / Math.max(1, tick.visibleTicksCount) - 8}
                  />
                )}
              />
            )}
            {horizontal ? (
              <YAxis
                type="category"
                dataKey="id"
                interval={0}
                width={labelWidth}
                tickLine={!narrow}
                axisLine={!narrow}
                tick={(tick) =>
                  narrow ? (
                    <CategoryTick
                      x={MARGIN.left}
                      y={Number(tick.y) - BAR_THICKNESS / 2 - 4}
                      axis="above"
                      label={categoryLabel(tick.payload.value)}
                      room={chartWidth - MARGIN.left - MARGIN.right}
                    />
                  ) : (
                    <CategoryTick
                      x={tick.x}
                      y={tick.y}
                      axis="y"
                      label={categoryLabel(tick.payload.value)}
                      room={labelWidth - 12}
                    />
                  )
                }
              />
            ) : (
              <YAxis {...valueAxis} width={64} />
            )}
            <Tooltip
              isAnimationActive={false}
              cursor={{ className: 'chart-cursor' }}
              content={(tooltip) => (
                <StatusTooltip
                  datum={
                    tooltip.active
                      ? (tooltip.payload[0]?.payload as StatusDatum | undefined)
                      : undefined
                  }
                />
              )}
            />
            {CELL_KEYS.map((key) => (
              <Bar
                key={key}
                dataKey={key}
                stackId="status"
                fill={patternFill(key)}
                isAnimationActive={false}
                className={`status-segment status-segment-${key}`}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

export { StatusBarsTable } from './status-table';
