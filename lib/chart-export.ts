/**
 * A chart's downloads (issue 5, points 2 and 3): its data as CSV and JSON, the same rows as the
 * table behind it, and its image as one SVG document with the title, the as-of date, a key to the
 * statuses and the source written in it. Pure: the DOM side (app/_components/charts/chart-image.ts)
 * hands in the chart's serialized SVG and the colours it resolved.
 */
import { toCsv } from './csv';
import { CELL_KEYS } from './summary-types';
import type { GroupRow, TimePoint } from './summary-types';

export type ChartCell = string | number | null;

/** Rows of a chart's table: stable snake_case column names, numbers as numbers, dates as YYYY-MM-DD. */
export interface ChartData {
  columns: readonly string[];
  rows: readonly (readonly ChartCell[])[];
}

/** What a row of a status chart is; decides the names of its first two columns. */
export type ChartGroup = 'actor' | 'theme' | 'objective' | 'perspective';

const GROUP_COLUMNS: Record<ChartGroup, readonly [string, string]> = {
  actor: ['actor_id', 'actor'],
  theme: ['theme_key', 'theme'],
  objective: ['objective_number', 'objective'],
  perspective: ['perspective_key', 'perspective'],
};

const VALUE_COLUMNS = [...CELL_KEYS, 'pairs', 'reported', 'coverage', 'score'] as const;

/** Shares to four decimals: exact enough for a spreadsheet, free of binary noise like 0.30000000000000004. */
function share(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

function values(row: Pick<GroupRow, 'counts' | 'pairs' | 'reported' | 'score'>): ChartCell[] {
  return [
    ...CELL_KEYS.map((key) => row.counts[key]),
    row.pairs,
    row.reported,
    share(row.pairs > 0 ? row.reported / row.pairs : null),
    share(row.score),
  ];
}

/** The table of a bar chart by actor, theme, objective or perspective: one row per bar, all bars. */
export function groupRowsData(rows: readonly GroupRow[], group: ChartGroup): ChartData {
  return {
    columns: [...GROUP_COLUMNS[group], ...VALUE_COLUMNS],
    rows: rows.map((row) => [
      /^\d+$/.test(row.key) ? Number(row.key) : row.key,
      row.label,
      ...values(row),
    ]),
  };
}

/** The table of a chart over time: one row per period with the date it is as of. */
export function timePointsData(points: readonly TimePoint[]): ChartData {
  return {
    columns: ['period', 'as_of', ...VALUE_COLUMNS],
    rows: points.map((point) => [point.period, point.date, ...values(point)]),
  };
}

export interface ChartExportMeta {
  title: string;
  /** The chart's id, e.g. "status-by-actor". */
  chart: string;
  /** YYYY-MM-DD. */
  asOf: string;
  /** The view's filters, in the query-parameter vocabulary of lib/query-params.ts. */
  filters: Readonly<Record<string, string | number>>;
  source: string;
  /** The page that reproduces the view. */
  url?: string;
  demo: boolean;
  /** Shown when `demo`: the data is fictitious. */
  notice?: string;
}

/** "status-by-actor-2026-11-28.png": the chart's name and its as-of date, safe on every file system. */
export function chartFileName(
  name: string,
  asOf: string,
  extension: 'png' | 'svg' | 'csv' | 'json',
): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return `${stem || 'chart'}-${asOf}.${extension}`;
}

/** CSV as spreadsheets read it (lib/csv.ts: BOM, CRLF, quoting, formula guard). */
export function chartCsv(data: ChartData): string {
  return toCsv(data.columns, data.rows);
}

/** JSON: a meta block saying what the rows are, then one object per row keyed by column. */
export function chartJson(data: ChartData, meta: ChartExportMeta): string {
  const document = {
    meta: {
      title: meta.title,
      chart: meta.chart,
      as_of: meta.asOf,
      filters: meta.filters,
      source: meta.source,
      ...(meta.url ? { url: meta.url } : {}),
      demo: meta.demo,
      ...(meta.demo && meta.notice ? { notice: meta.notice } : {}),
      columns: data.columns,
    },
    rows: data.rows.map((row) =>
      Object.fromEntries(data.columns.map((column, index) => [column, row[index] ?? null])),
    ),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Characters XML 1.0 forbids in a document. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text for XML content or a double- or single-quoted attribute; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

/** Greedy word wrap to about `maxChars` per line; a word longer than a line is cut. */
export function wrapText(text: string, maxChars: number): string[] {
  const limit = Math.max(8, Math.floor(maxChars));
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(NOT_XML, '').split(/\s+/).filter(Boolean)) {
    const pieces = word.match(new RegExp(`.{1,${limit}}`, 'gu')) ?? [word];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= limit) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface LegendItem {
  /** A paint server reference into the chart's own <defs> (e.g. url(#status-fill-x-complete)) or a colour. */
  fill: string;
  symbol: string;
  label: string;
}

export interface ChartImageInput {
  /** The chart as serialized by XMLSerializer: an <svg> element with its styles inlined. */
  chartMarkup: string;
  chartWidth: number;
  chartHeight: number;
  title: string;
  /** "As of 28 November 2026". */
  asOfLine: string;
  /** Lines about the plot shown above it on the page, e.g. "Showing 15 of 30 bars." */
  notes?: readonly string[];
  /** Lines under the chart: the source, the view's address, the demo notice. */
  sourceLines: readonly string[];
  legend: readonly LegendItem[];
  fontFamily: string;
  colours: { ink: string; muted: string; paper: string };
  /** The page's writing direction: right to left, the text and the key start at the right edge. */
  direction?: 'ltr' | 'rtl';
}

const PADDING = 24;
const TITLE_SIZE = 26;
const TEXT_SIZE = 16;
const LINE = 1.35;
const SWATCH = 20;
/** A generous average glyph width, so wrapped text never runs past the edge. */
const CHAR_WIDTH = 0.56;

/** One standalone SVG document: title band, key, the chart, and the source below it. */
export function composeChartSvg(input: ChartImageInput): {
  svg: string;
  width: number;
  height: number;
} {
  const width = Math.ceil(Math.max(input.chartWidth + 2 * PADDING, 560));
  const inner = width - 2 * PADDING;
  const { ink, muted, paper } = input.colours;
  const rtl = input.direction === 'rtl';
  // Where a line starts: with direction="rtl" on the document, text-anchor start is the right end.
  const startX = rtl ? width - PADDING : PADDING;
  const parts: string[] = [];
  let y = PADDING;

  const textLines = (lines: readonly string[], size: number, attributes: string) => {
    for (const line of lines) {
      y += size * LINE;
      parts.push(
        `<text x="${startX}" y="${(y - size * (LINE - 1)).toFixed(1)}" font-size="${size}" ${attributes}>${escapeXml(line)}</text>`,
      );
    }
  };

  textLines(
    wrapText(input.title, inner / (TITLE_SIZE * CHAR_WIDTH)),
    TITLE_SIZE,
    `font-weight="700" fill="${escapeXml(ink)}"`,
  );
  textLines(
    wrapText(input.asOfLine, inner / (TEXT_SIZE * CHAR_WIDTH)),
    TEXT_SIZE,
    `fill="${escapeXml(ink)}"`,
  );
  textLines(
    (input.notes ?? []).flatMap((note) => wrapText(note, inner / (TEXT_SIZE * CHAR_WIDTH))),
    TEXT_SIZE,
    `fill="${escapeXml(muted)}"`,
  );

  // The key: swatch (colour and texture), symbol and label, so the image never relies on colour alone.
  if (input.legend.length > 0) {
    y += TEXT_SIZE * 0.75;
    // x: how far the key has come from its starting edge (the left, or the right in RTL).
    let x = PADDING;
    const rowHeight = Math.max(SWATCH, TEXT_SIZE * LINE) + 8;
    const across = (offset: number, size = 0) => (rtl ? width - offset - size : offset);
    for (const item of input.legend) {
      const text = `${item.symbol} ${item.label}`;
      const itemWidth = SWATCH + 8 + text.length * TEXT_SIZE * CHAR_WIDTH + 24;
      if (x > PADDING && x + itemWidth > width - PADDING) {
        x = PADDING;
        y += rowHeight;
      }
      parts.push(
        `<rect x="${(across(x, SWATCH) + 0.5).toFixed(1)}" y="${(y + 0.5).toFixed(1)}" width="${SWATCH}" height="${SWATCH}" fill="${escapeXml(item.fill)}" stroke="${escapeXml(muted)}" stroke-width="1"/>`,
        `<text x="${across(x + SWATCH + 8).toFixed(1)}" y="${(y + SWATCH / 2).toFixed(1)}" dominant-baseline="central" font-size="${TEXT_SIZE}" fill="${escapeXml(ink)}">${escapeXml(text)}</text>`,
      );
      x += itemWidth;
    }
    y += rowHeight;
  }

  y += 8;
  parts.push(`<g transform="translate(${PADDING} ${Math.round(y)})">${input.chartMarkup}</g>`);
  y = Math.round(y) + input.chartHeight + 16;
  parts.push(
    `<line x1="${PADDING}" x2="${width - PADDING}" y1="${y}" y2="${y}" stroke="${escapeXml(muted)}" stroke-width="1"/>`,
  );
  y += 4;
  textLines(
    input.sourceLines.flatMap((line) => wrapText(line, inner / (TEXT_SIZE * CHAR_WIDTH))),
    TEXT_SIZE,
    `fill="${escapeXml(ink)}"`,
  );
  const height = Math.ceil(y + PADDING);

  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(input.fontFamily)}"${rtl ? ' direction="rtl"' : ''}>`,
    `<title>${escapeXml(input.title.replace(NOT_XML, '').trim())}</title>`,
    `<rect width="100%" height="100%" fill="${escapeXml(paper)}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}

/** Reads width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return null;
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
