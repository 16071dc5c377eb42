'use client';
/**
 * The frame every chart sits in: title, a text summary that carries the meaning, a Chart/Table
 * switch (the table is the accessible alternative), and "How is this computed?".
 *
 * Composition (a page passes data down; nothing in charts/ fetches):
 *   <HeadlineFigures figures={summary.figures} />
 *   <ChartFrame id="status-by-actor" title={t('byActor')} summary={t('byActorSummary', {...})}
 *     note={t('asOf', { date })}
 *     howComputed={<ul><li>{t('inputs')}</li><li>{t('rule')}</li></ul>}
 *     table={<StatusBarsTable rows={summary.byActor} caption={t('byActor')} groupHeader={t('actor')} />}>
 *     <StatusBars rows={summary.byActor} orientation="horizontal" topN={15} />
 *   </ChartFrame>
 */
import { createContext, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { ChartDownloads, type ChartDownload } from './chart-downloads';
import './charts.css';

export type { ChartDownload } from './chart-downloads';

/** The recharts plot of a frame (the legend swatches are SVGs too). */
const SURFACE = '.recharts-wrapper > svg.recharts-surface';
/** How long an image download waits for the chart to be drawn after switching from the table. */
const DRAW_TIMEOUT_MS = 5_000;

interface ChartFrameContextValue {
  titleId: string;
  summaryId: string;
}

const ChartFrameContext = createContext<ChartFrameContextValue | null>(null);

export interface ChartSurfaceProps {
  role?: string;
  tabIndex?: number;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  'aria-hidden'?: 'true';
}

/**
 * Props for the recharts root (spread onto <BarChart>). Inside a frame the SVG is one image named
 * by the title and described by the summary: role="img" hides its inner text from screen readers
 * like aria-hidden would, while staying focusable for recharts' keyboard tooltip (an aria-hidden
 * element must not take focus). Outside a frame it is hidden and taken out of the tab order.
 */
export function useChartSurfaceProps(): ChartSurfaceProps {
  const frame = useContext(ChartFrameContext);
  if (!frame) return { 'aria-hidden': 'true', tabIndex: -1 };
  return { role: 'img', 'aria-labelledby': frame.titleId, 'aria-describedby': frame.summaryId };
}

export interface ChartFrameProps {
  /** Stable id of the figure, also the prefix of its inner ids; a page can link to #id. */
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows; visible, and the chart's description. */
  summary: string;
  /** The inputs and rules behind the figure, e.g. a <ul>. */
  howComputed: ReactNode;
  /** The same data as an HTML table (e.g. <StatusBarsTable>). */
  table: ReactNode;
  /** The chart, e.g. <StatusBars>. Not rendered while the table is shown. */
  children: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /** A line under the summary, e.g. the as-of date or the demo-data notice. */
  note?: ReactNode;
  /** Offers the chart as PNG and SVG and its table's rows as CSV and JSON. */
  download?: ChartDownload;
}

export function ChartFrame({
  id,
  title,
  summary,
  howComputed,
  table,
  children,
  headingLevel = 2,
  note,
  download,
}: ChartFrameProps) {
  const t = useTranslations('charts');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const viewRef = useRef<HTMLDivElement>(null);
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const ids = { titleId: `${id}-title`, summaryId: `${id}-summary` };
  const viewId = `${id}-view`;
  return (
    <figure id={id} className="chart-frame" aria-labelledby={ids.titleId}>
      <Heading id={ids.titleId} className="chart-title">
        {title}
      </Heading>
      <p id={ids.summaryId} className="chart-summary">
        {summary}
      </p>
      {note ? <div className="chart-note">{note}</div> : null}
      <div className="chart-toolbar">
        <div className="chart-view-toggle" role="group" aria-label={t('viewAs')}>
          <button
            type="button"
            aria-pressed={view === 'chart'}
            aria-controls={viewId}
            onClick={() => setView('chart')}
          >
            {t('viewChart')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'table'}
            aria-controls={viewId}
            onClick={() => setView('table')}
          >
            {t('viewTable')}
          </button>
        </div>
        {download ? (
          <ChartDownloads
            chartId={id}
            title={title}
            download={download}
            chartSurface={async () => {
              // An image needs the drawn chart: switch from the table and wait for recharts to draw.
              setView('chart');
              for (let waited = 0; waited <= DRAW_TIMEOUT_MS; waited += 50) {
                const surface = viewRef.current?.querySelector<SVGSVGElement>(SURFACE);
                if (surface && surface.width.baseVal.value > 0) return surface;
                await new Promise((resolve) => setTimeout(resolve, 50));
              }
              return null;
            }}
            chartNotes={() =>
              Array.from(
                viewRef.current?.querySelectorAll('.chart-axis-note, .chart-topn > span') ?? [],
                (element) => element.textContent?.trim() ?? '',
              ).filter(Boolean)
            }
          />
        ) : null}
      </div>
      <div id={viewId} ref={viewRef} className="chart-view">
        {view === 'chart' ? (
          <ChartFrameContext.Provider value={ids}>{children}</ChartFrameContext.Provider>
        ) : (
          // Focusable so a keyboard user can scroll a wide table on a phone.
          <div
            className="table-scroll"
            role="region"
            aria-label={t('tableOf', { title })}
            tabIndex={0}
          >
            {table}
          </div>
        )}
      </div>
      <details className="chart-how">
        <summary>{t('howComputed')}</summary>
        <div className="chart-how-body">{howComputed}</div>
      </details>
    </figure>
  );
}
