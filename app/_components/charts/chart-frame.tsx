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
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import './charts.css';

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
}

export function ChartFrame({ id, title, summary, howComputed, table, children, headingLevel = 2, note }: ChartFrameProps) {
  const t = useTranslations('charts');
  const [view, setView] = useState<'chart' | 'table'>('chart');
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
      <div className="chart-view-toggle" role="group" aria-label={t('viewAs')}>
        <button type="button" aria-pressed={view === 'chart'} aria-controls={viewId} onClick={() => setView('chart')}>
          {t('viewChart')}
        </button>
        <button type="button" aria-pressed={view === 'table'} aria-controls={viewId} onClick={() => setView('table')}>
          {t('viewTable')}
        </button>
      </div>
      <div id={viewId} className="chart-view">
        {view === 'chart' ? (
          <ChartFrameContext.Provider value={ids}>{children}</ChartFrameContext.Provider>
        ) : (
          // Focusable so a keyboard user can scroll a wide table on a phone.
          <div className="table-scroll" role="region" aria-label={t('tableOf', { title })} tabIndex={0}>
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
