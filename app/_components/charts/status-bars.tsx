'use client';
/**
 * Stacked status bars: one bar per group (actor, theme, objective or period), one patterned
 * segment per CellKey in CELL_KEYS order, so "No report" always shows as a hatched segment.
 */
import { useState, type KeyboardEvent } from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CELL_KEYS, type GroupRow } from '@/lib/summary-types';
import { textDirection } from '@/lib/i18n/locales';
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

/**
 * A GroupRow, optionally with a line for the tooltip (e.g. the as-of date of a period) and a
 * shorter axis label for when the labels of columns do not fit whole (e.g. the year on a year's
 * first quarter, '' on the others).
 */
export type StatusBarRow = GroupRow & { detail?: string; tick?: string };

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
const NARROW_WIDTH = 520;
// Physical on purpose: recharts lays out the SVG in x/y coordinates, which have no start/end.
const MARGIN = { top: 8, right: 24, bottom: 8, left: 16 };
const VALUE_AXIS_HEIGHT = 40;
const VALUE_AXIS_WIDTH = 64;
const COLUMN_CHART_HEIGHT = 400;
const CATEGORY_AXIS_HEIGHT = Math.ceil(CHART_FONT_SIZE * 2 * 1.25) + 16;
const SHARE_TICKS = [0, 0.25, 0.5, 0.75, 1];
/** A label's line and a generous width per character at 16px, to size the room before drawing. */
const LINE_HEIGHT = Math.ceil(CHART_FONT_SIZE * 1.25);
const CHAR_WIDTH = CHART_FONT_SIZE * 0.62;
/** Past this many lines a label ends in "…"; its whole text is in the tooltip and the table. */
const MAX_LABEL_LINES = 8;

const textWidth = (label: string) => label.length * CHAR_WIDTH;

/** Lines a label needs in `room` pixels wide, wrapped word by word as the tick wraps it. */
function wrappedLines(label: string, room: number): number {
  let lines = 1;
  let used = 0;
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const width = textWidth(word);
    if (used > 0 && used + CHAR_WIDTH + width > room) {
      lines += 1;
      used = width;
    } else used += (used > 0 ? CHAR_WIDTH : 0) + width;
  }
  return lines;
}

/** Lines the longest-wrapping label needs in `room` pixels wide. */
function linesFor(labels: readonly string[], room: number): number {
  if (room <= 0) return 1;
  return Math.min(
    MAX_LABEL_LINES,
    Math.max(1, ...labels.map((label) => wrappedLines(label, room))),
  );
}

/**
 * The columns' axis labels: every label when they all fit their column, else the rows' short
 * ticks, each kept only when it fits before the next one.
 */
export function columnTicks(
  rows: readonly StatusBarRow[],
  columnWidth: number,
): { label: string; room: number }[] {
  const room = columnWidth - 8;
  if (
    rows.every((row) => row.tick === undefined) ||
    rows.every((row) => textWidth(row.label) <= room)
  )
    return rows.map((row) => ({ label: row.label, room }));
  return rows.map((row, index) => {
    const label = row.tick ?? '';
    let span = 1;
    while (index + span < rows.length && !rows[index + span]?.tick) span += 1;
    const fits = textWidth(label) <= span * columnWidth - 8;
    return { label: fits ? label : '', room: span * columnWidth - 8 };
  });
}

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
  // Right to left (Arabic), the chart is mirrored: labels and the first column at the right.
  const rtl = textDirection(useLocale()) === 'rtl';
  const { prefix, patternFill } = useStatusPatterns();
  const [showAll, setShowAll] = useState(false);
  const [chartWidth, setChartWidth] = useState(0);

  if (rows.length === 0) return <p className="chart-empty">{t('empty')}</p>;

  const limit = topN !== undefined && topN > 0 && rows.length > topN ? topN : null;
  const visible = limit !== null && !showAll ? rows.slice(0, limit) : rows;
  const data = visible.map((row) => toStatusDatum(row, valueMode));
  const labelOf = new Map(data.map((datum) => [datum.id, datum.label]));
  const categoryLabel = (value: unknown) => labelOf.get(String(value)) ?? String(value);
  const labels = data.map((datum) => datum.label);
  // On a phone, columns and side labels leave no room for words: draw bars with labels above them.
  const narrow = chartWidth > 0 && chartWidth < NARROW_WIDTH;
  const horizontal = orientation === 'horizontal' || narrow;
  // Side labels get up to 280px, more (up to 40% of the chart) when two lines of that are not enough.
  const widthShare = Math.round((chartWidth || 640) * 0.4);
  const labelWidth = narrow
    ? 1
    : Math.max(
        96,
        Math.min(widthShare, linesFor(labels, 268) > 2 ? Math.min(480, widthShare) : 280),
      );
  const aboveRoom = chartWidth - MARGIN.left - MARGIN.right;
  // Labels wrap instead of ending in "…": each row is as tall as its longest label needs.
  const labelLines = linesFor(labels, narrow ? aboveRoom : labelWidth - 12);
  const rowHeight = narrow
    ? BAR_THICKNESS + BAR_GAP + labelLines * LINE_HEIGHT + 4
    : Math.max(BAR_THICKNESS + BAR_GAP, labelLines * LINE_HEIGHT + 2);
  // Labels above bars rise into the row above: the first one needs that room at the top.
  const sides = rtl ? { ...MARGIN, left: MARGIN.right, right: MARGIN.left } : MARGIN;
  const margin = narrow ? { ...sides, top: MARGIN.top + labelLines * LINE_HEIGHT } : sides;
  // Bars keep their thickness, so the chart grows with the rows and labels stay legible.
  const height = horizontal
    ? data.length * rowHeight + VALUE_AXIS_HEIGHT + margin.top + margin.bottom
    : COLUMN_CHART_HEIGHT;
  const ticks = horizontal
    ? []
    : columnTicks(
        visible,
        (chartWidth - MARGIN.left - MARGIN.right - VALUE_AXIS_WIDTH) / Math.max(1, data.length),
      );
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
            margin={margin}
            barSize={horizontal ? BAR_THICKNESS : undefined}
            barCategoryGap="20%"
            {...surface}
          >
            <StatusPatterns prefix={prefix} keys={CELL_KEYS} />
            {horizontal ? (
              <XAxis {...valueAxis} height={VALUE_AXIS_HEIGHT} reversed={rtl} />
            ) : (
              <XAxis
                type="category"
                dataKey="id"
                interval={0}
                reversed={rtl}
                height={CATEGORY_AXIS_HEIGHT}
                tick={(tick) => (
                  <CategoryTick
                    x={tick.x}
                    y={tick.y}
                    axis="x"
                    label={ticks[tick.index]?.label ?? categoryLabel(tick.payload.value)}
                    room={ticks[tick.index]?.room ?? 0}
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
                orientation={rtl ? 'right' : 'left'}
                tickLine={!narrow}
                axisLine={!narrow}
                tick={(tick) =>
                  narrow ? (
                    <CategoryTick
                      x={rtl ? chartWidth - margin.right : margin.left}
                      y={Number(tick.y) - BAR_THICKNESS / 2 - 4}
                      axis="above"
                      label={categoryLabel(tick.payload.value)}
                      room={aboveRoom}
                      lines={labelLines}
                    />
                  ) : (
                    <CategoryTick
                      x={tick.x}
                      y={tick.y}
                      axis="y"
                      label={categoryLabel(tick.payload.value)}
                      room={labelWidth - 12}
                      lines={labelLines}
                    />
                  )
                }
              />
            ) : (
              <YAxis
                {...valueAxis}
                // Right to left the axis is at the right: its numbers run from it to the right.
                tick={rtl ? { ...TICK_TEXT, textAnchor: 'end' } : TICK_TEXT}
                width={VALUE_AXIS_WIDTH}
                orientation={rtl ? 'right' : 'left'}
              />
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
