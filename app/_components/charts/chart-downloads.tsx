'use client';
/**
 * One "Download" disclosure per chart: the image as PNG or SVG (title, as-of date, key and source
 * written in it) and the data of its table as CSV or JSON. Everything is made in the browser from
 * what the frame already shows; nothing is fetched.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslations } from 'next-intl';
import { useDateFormat } from '@/lib/i18n/formats';
import {
  chartCsv,
  chartFileName,
  chartJson,
  type ChartData,
  type ChartExportMeta,
} from '@/lib/chart-export';
import { CELL_KEYS, type CellKey } from '@/lib/summary-types';
import { dateOnly } from '@/lib/dates';
import { chartImageSvg, legendFor, saveFile, svgToPng } from './chart-image';
import { useChartSource } from './chart-source';
import { cellSymbol, useCellLabel } from './status-patterns';

export interface ChartDownload {
  /** The file name's stem; the as-of date is appended. Defaults to the frame's id. */
  name?: string;
  /** YYYY-MM-DD: the date the chart is as of. */
  asOf: string;
  /** The view's filters in the query-parameter vocabulary (lib/query-params.ts). */
  filters: Readonly<Record<string, string | number | undefined>>;
  /** The rows of the chart's table (lib/chart-export.ts groupRowsData, timePointsData). */
  data: ChartData;
}

const FORMATS = ['png', 'svg', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

export function ChartDownloads({
  chartId,
  title,
  download,
  chartSurface,
  chartNotes,
}: {
  chartId: string;
  title: string;
  download: ChartDownload;
  /** Resolves to the chart's SVG once it is drawn (the frame switches from the table if need be). */
  chartSurface: () => Promise<SVGSVGElement | null>;
  /** Lines shown above the plot that the image must keep, e.g. "Showing 15 of 30 bars." */
  chartNotes: () => string[];
}) {
  const t = useTranslations('charts.download');
  const tCharts = useTranslations('charts');
  const tApp = useTranslations('app');
  const longDate = useDateFormat('long');
  const cellLabel = useCellLabel();
  const { demo } = useChartSource();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const busy = useRef(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = `${chartId}-downloads-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;

  const fileName = (extension: Format) =>
    chartFileName(download.name ?? chartId, download.asOf, extension);
  const source = () => t('source', { app: tApp('name') });
  const meta = (): ChartExportMeta => ({
    title,
    chart: chartId,
    asOf: download.asOf,
    filters: Object.fromEntries(
      Object.entries(download.filters).filter(
        (entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '',
      ),
    ),
    source: source(),
    url: window.location.href,
    demo,
    notice: tApp('demoNotice'),
  });

  const describeCell = (key: string) =>
    (CELL_KEYS as readonly string[]).includes(key)
      ? { symbol: cellSymbol(key as CellKey), label: cellLabel(key as CellKey) }
      : null;

  async function image(extension: 'png' | 'svg'): Promise<Blob> {
    const surface = await chartSurface();
    if (!surface) throw new Error(t('noChart'));
    const composed = chartImageSvg(surface, {
      title,
      asOfLine: tCharts('asOfDate', {
        date: longDate(dateOnly(download.asOf)),
      }),
      notes: chartNotes(),
      sourceLines: [
        source(),
        t('view', { url: window.location.href }),
        ...(demo ? [tApp('demoNotice')] : []),
      ],
      legend: legendFor(surface, describeCell),
    });
    if (extension === 'svg') return new Blob([composed.svg], { type: 'image/svg+xml' });
    return svgToPng(composed.svg, composed.width, composed.height);
  }

  async function save(extension: Format) {
    if (busy.current) return;
    busy.current = true;
    setMessage(t('making', { file: fileName(extension) }));
    try {
      const content =
        extension === 'csv'
          ? new Blob([chartCsv(download.data)], { type: 'text/csv;charset=utf-8' })
          : extension === 'json'
            ? new Blob([chartJson(download.data, meta())], { type: 'application/json' })
            : await image(extension);
      saveFile(content, fileName(extension));
      setMessage(t('saved', { file: fileName(extension) }));
    } catch (error) {
      setMessage(
        t('failed', {
          file: fileName(extension),
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    } finally {
      busy.current = false;
    }
  }

  const closeOnEscape = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="chart-downloads" onKeyDown={closeOnEscape}>
      <button
        ref={toggle}
        type="button"
        className="chart-downloads-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('toggleLabel', { title })}
        onClick={() => setOpen((value) => !value)}
      >
        {t('toggle')}
      </button>
      {/* The choices are rendered once opened: a page of charts renders none on the server. */}
      <div id={panelId} className="chart-downloads-panel" hidden={!open}>
        {open ? (
          <>
            <ul>
              {FORMATS.map((extension) => (
                <li key={extension}>
                  <button
                    type="button"
                    aria-label={t('formatLabel', { format: t(extension), title })}
                    onClick={() => void save(extension)}
                  >
                    {t(extension)}
                  </button>
                </li>
              ))}
            </ul>
            <p className="chart-downloads-hint">{t('hint')}</p>
          </>
        ) : null}
      </div>
      <p className="chart-downloads-status" role="status">
        {message}
      </p>
    </div>
  );
}
