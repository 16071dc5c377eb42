'use client';

import type { ReactNode } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { dateOnly } from '@/lib/dates';
import { SOURCE_REPORT_LANGUAGE } from '@/lib/source-language';
import {
  MAX_ACTOR_SLIDES,
  MAX_BARS,
  MAX_PRESENT_PAIRS,
  type Slide,
  type SlideMatrix,
} from '@/lib/present';
import { perspectiveRows } from '@/lib/rollup';
import { NO_REPORT_SYMBOL, STATUS_SCALE, type StatusKey } from '@/lib/status-scale';
import type { GroupRow, SummaryDto, TimePoint } from '@/lib/summary-types';
import { HeadlineFigures } from '@/app/_components/charts/headline-figures';
import { Missing, usePercent } from '@/app/_components/charts/chart-parts';
// recharts loads after the deck, as on the overview: most of a chart page's JavaScript is recharts.
import { LazyStatusBars, LazyStatusOverTime } from '@/app/_components/charts/lazy-charts';
import { useQuarter } from '@/app/_components/charts/status-table';
import { StatusLegend } from '@/app/_components/charts/status-legend';

/** What every slide needs besides its own data: the view it was built from. */
export interface DeckContext {
  summary: Pick<SummaryDto, 'asOf' | 'perspective' | 'staleBefore' | 'figures'>;
  matrix: SlideMatrix | null;
  filterWords: string[];
  sources: string[];
  paragraphs: Record<string, string>;
  demo: boolean;
  total: number;
}

/** A slide's title, with "(part 2 of 3)" when a list is split across slides. */
export function useSlideTitle(): (slide: Slide) => string {
  const t = useTranslations('present');
  const tDashboard = useTranslations('dashboard');
  return (slide) => {
    const parted = (title: string) =>
      'parts' in slide && slide.parts > 1
        ? t('part', { title, part: slide.part, parts: slide.parts })
        : title;
    switch (slide.kind) {
      case 'title':
        return tDashboard('title');
      case 'figures':
        return t('figuresTitle');
      case 'byActor':
        return parted(tDashboard('byActor'));
      case 'matrix':
        return parted(tDashboard('matrix'));
      case 'matrixTooLarge':
        return tDashboard('matrix');
      case 'byTheme':
        return tDashboard('byTheme');
      case 'byObjective':
        return parted(tDashboard('byObjective'));
      case 'overTime':
        return tDashboard('overTime');
      case 'contested':
        return parted(t('contestedTitle'));
      case 'commitment':
        return `${slide.commitment.code}: ${slide.commitment.title}`;
    }
  };
}

function useDay(): (value: string) => string {
  const format = useFormatter();
  return (value) => format.dateTime(dateOnly(value), { dateStyle: 'long', timeZone: 'UTC' });
}

export function SlideView({
  slide,
  number,
  deck,
}: {
  slide: Slide;
  number: number;
  deck: DeckContext;
}) {
  const t = useTranslations('present');
  const tApp = useTranslations('app');
  const tDashboard = useTranslations('dashboard');
  const day = useDay();
  const title = useSlideTitle()(slide);
  const filters =
    deck.filterWords.length === 0
      ? t('noFilters')
      : t('filters', { list: deck.filterWords.join('; ') });
  const perspective = tDashboard(`perspectives.${deck.summary.perspective}`);
  return (
    <section
      className={`present-slide present-slide-${slide.kind}`}
      data-slide={slide.id}
      aria-roledescription={t('slide')}
      aria-label={t('slideLabel', { number, total: deck.total, title })}
    >
      {deck.demo ? (
        <p className="present-demo">
          <strong>{tApp('demoNotice')}</strong>
        </p>
      ) : null}
      <header className="present-header">
        {/* A commitment's slide is titled with its code and verbatim title. */}
        <h1 lang={slide.kind === 'commitment' ? SOURCE_REPORT_LANGUAGE : undefined}>{title}</h1>
      </header>
      <div className="present-body">
        <SlideBody slide={slide} deck={deck} />
      </div>
      <footer className="present-footer">
        <p className="present-view">
          <strong>{t('asOf', { date: day(deck.summary.asOf) })}</strong> · {perspective} · {filters}
        </p>
        <p className="present-source">{t('source', { sources: deck.sources.join('; ') })}</p>
        <p className="present-number">{t('controls.count', { number, total: deck.total })}</p>
      </footer>
    </section>
  );
}

function SlideBody({ slide, deck }: { slide: Slide; deck: DeckContext }) {
  const t = useTranslations('present');
  const tDashboard = useTranslations('dashboard');
  switch (slide.kind) {
    case 'title':
      return <TitleSlide deck={deck} />;
    case 'figures':
      return (
        <HeadlineFigures figures={deck.summary.figures} staleBefore={deck.summary.staleBefore} />
      );
    case 'byActor':
      return (
        <GroupSlide
          rows={slide.rows}
          groupHeader={tDashboard('actor')}
          note={
            slide.parts === 1
              ? t('byActorNote')
              : t(slide.total > MAX_ACTOR_SLIDES * MAX_BARS ? 'byActorRanked' : 'byActorPart', {
                  from: slide.first,
                  to: slide.first + slide.rows.length - 1,
                  total: slide.total,
                })
          }
        />
      );
    case 'matrix':
      return <MatrixSlide slide={slide} perspective={deck.summary.perspective} />;
    case 'matrixTooLarge':
      return (
        <>
          <p className="present-big-text">
            {t('matrixTooLarge', {
              pairs: slide.pairs,
              actors: slide.actors,
              commitments: slide.commitments,
              max: MAX_PRESENT_PAIRS,
            })}
          </p>
          <p className="present-note">
            {t('matrixTooLargeContested', { contested: slide.contested })}
          </p>
        </>
      );
    case 'byTheme':
      return <GroupSlide rows={slide.rows} groupHeader={tDashboard('theme')} />;
    case 'byObjective':
      return (
        <GroupSlide
          rows={slide.rows}
          // An objective's title is too long for a bar's label: the table beside it has it whole.
          chartRows={slide.rows.map((row) => ({
            ...row,
            label: t('objectiveShort', { objective: row.key }),
          }))}
          groupHeader={tDashboard('objective')}
          note={t('byObjectiveNote')}
        />
      );
    case 'overTime':
      return <OverTimeSlide points={slide.points} />;
    case 'contested':
      return <ContestedSlide slide={slide} />;
    case 'commitment':
      return <CommitmentSlide slide={slide} deck={deck} />;
  }
}

function TitleSlide({ deck }: { deck: DeckContext }) {
  const t = useTranslations('present');
  const tApp = useTranslations('app');
  const tDashboard = useTranslations('dashboard');
  const day = useDay();
  return (
    <div className="present-title">
      <p className="present-kicker">{tApp('name')}</p>
      <p className="present-big">{t('asOf', { date: day(deck.summary.asOf) })}</p>
      <p className="present-lead">
        {tDashboard(`perspectives.${deck.summary.perspective}`)} ·{' '}
        {deck.filterWords.length === 0
          ? t('noFilters')
          : t('filters', { list: deck.filterWords.join('; ') })}
      </p>
      <p className="present-lead">
        {t('titleScope', {
          commitments: deck.summary.figures.commitments,
          actors: deck.summary.figures.actors,
        })}
      </p>
      {deck.demo ? <p className="present-lead">{tApp('demoNoticeDetail')}</p> : null}
    </div>
  );
}

function Percent({ value, reason }: { value: number | null; reason: string }) {
  const percent = usePercent();
  return value === null ? <Missing reason={reason} /> : <>{percent(value)}</>;
}

/** The figures behind a chart, in words and numbers, beside it. */
function FiguresTable({
  caption,
  groupHeader,
  rows,
}: {
  caption: string;
  groupHeader: string;
  rows: readonly (GroupRow & { extra?: ReactNode })[];
}) {
  const t = useTranslations('present');
  const tCharts = useTranslations('charts');
  return (
    <table className="present-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{groupHeader}</th>
          <th scope="col" className="num">
            {t('reported')}
          </th>
          <th scope="col" className="num">
            {tCharts('table.score')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              {row.label}
              {row.extra}
            </th>
            <td className="num">{t('reportedOf', { reported: row.reported, pairs: row.pairs })}</td>
            <td className="num">
              <Percent value={row.score} reason={tCharts('noScore')} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GroupSlide({
  rows,
  chartRows = rows,
  groupHeader,
  note,
}: {
  rows: GroupRow[];
  chartRows?: GroupRow[];
  groupHeader: string;
  note?: string;
}) {
  const t = useTranslations('present');
  return (
    <div className="present-split">
      <div className="present-chart">
        {note ? <p className="present-note">{note}</p> : null}
        <LazyStatusBars rows={chartRows} orientation="horizontal" valueMode="share" />
      </div>
      <FiguresTable caption={t('figuresCaption')} groupHeader={groupHeader} rows={rows} />
    </div>
  );
}

function OverTimeSlide({ points }: { points: TimePoint[] }) {
  const t = useTranslations('present');
  const day = useDay();
  const quarter = useQuarter();
  return (
    <div className="present-split">
      <div className="present-chart">
        <p className="present-note">{t('overTimeNote')}</p>
        {/* A year's last quarter is labelled by its year: the labels stay whole at this size. */}
        <LazyStatusOverTime
          points={points.map((point) =>
            point.period.endsWith('-Q4') ? { ...point, period: point.period.slice(0, 4) } : point,
          )}
        />
      </div>
      <FiguresTable
        caption={t('figuresCaption')}
        groupHeader={t('period')}
        rows={points.map((point) => ({
          ...point,
          key: point.period,
          label: quarter(point.period),
          extra: <span className="present-row-detail">{day(point.date)}</span>,
        }))}
      />
    </div>
  );
}

function Badge({ status }: { status: StatusKey | null }) {
  const tStatus = useTranslations('status');
  const tCharts = useTranslations('charts');
  if (!status) return <span className="present-no-report">{tCharts('noReport')}</span>;
  const scale = STATUS_SCALE[status];
  return (
    <span className="status-badge" style={{ background: scale.colour, color: scale.textColour }}>
      <span aria-hidden="true">{scale.symbol}</span>
      {tStatus(status)}
    </span>
  );
}

function MatrixSlide({
  slide,
  perspective,
}: {
  slide: Extract<Slide, { kind: 'matrix' }>;
  perspective: SummaryDto['perspective'];
}) {
  const t = useTranslations('present');
  const tStatus = useTranslations('status');
  const tCharts = useTranslations('charts');
  const tDashboard = useTranslations('dashboard');
  const first = slide.commitments[0]?.code ?? '';
  const last = slide.commitments.at(-1)?.code ?? '';
  return (
    <div className="present-matrix">
      <p className="present-note">
        {t('matrixNote', { first, last, perspective: tDashboard(`perspectives.${perspective}`) })}
      </p>
      {slide.actors.length > 0 ? (
        <table className="present-matrix-table">
          <caption className="visually-hidden">
            {t('matrixCaption', {
              first,
              last,
              perspective: tDashboard(`perspectives.${perspective}`),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{tDashboard('actor')}</th>
              {slide.commitments.map((commitment) => (
                <th key={commitment.code} scope="col">
                  {commitment.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slide.actors.map((actor) => (
              <tr key={actor.id}>
                <th scope="row">{actor.name}</th>
                {actor.cells.map(({ code, cell }) => {
                  const status = cell?.[perspective] ?? null;
                  const scale = status ? STATUS_SCALE[status.status] : null;
                  const words = !cell
                    ? t('notApplicable')
                    : status
                      ? tStatus(status.status)
                      : tCharts('noReport');
                  return (
                    <td
                      key={code}
                      className={`present-cell${cell ? '' : ' not-applicable'}${cell && !status ? ' no-report' : ''}${cell?.contested ? ' contested' : ''}${status?.stale ? ' stale' : ''}`}
                      style={
                        scale ? { background: scale.colour, color: scale.textColour } : undefined
                      }
                    >
                      <span aria-hidden="true">
                        {cell ? (scale ? scale.symbol : NO_REPORT_SYMBOL) : ''}
                        {cell?.contested ? '!' : ''}
                      </span>
                      <span className="visually-hidden">
                        {words}
                        {cell?.contested ? `, ${t('contestedWord')}` : ''}
                        {status?.stale ? `, ${t('staleWord')}` : ''}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {slide.silentActors.length > 0 ? (
        <p className="present-note">
          {t('silentActors', {
            count: slide.silentActors.length,
            names: slide.silentActors.join(', '),
          })}
        </p>
      ) : null}
      <StatusLegend />
      <p className="present-key">{t('matrixKey', { noReport: NO_REPORT_SYMBOL })}</p>
    </div>
  );
}

function ContestedSlide({ slide }: { slide: Extract<Slide, { kind: 'contested' }> }) {
  const t = useTranslations('present');
  const tDashboard = useTranslations('dashboard');
  if (slide.total === 0) return <p className="present-big-text">{t('contestedNone')}</p>;
  return (
    <>
      <p className="present-note">{t('contestedIntro', { total: slide.total })}</p>
      <table className="present-table present-contested">
        <caption className="visually-hidden">{t('contestedTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{tDashboard('actor')}</th>
            <th scope="col">{t('commitment')}</th>
            <th scope="col">{tDashboard('perspectives.self')}</th>
            <th scope="col">{tDashboard('perspectives.independent')}</th>
          </tr>
        </thead>
        <tbody>
          {slide.pairs.map((pair) => (
            <tr key={`${pair.cell.actorId}:${pair.commitment.code}`}>
              <th scope="row">{pair.actor}</th>
              <td>
                <span className="code">{pair.commitment.code}</span>{' '}
                <span lang={SOURCE_REPORT_LANGUAGE}>{pair.commitment.title}</span>
              </td>
              <td>
                <Badge status={pair.cell.self?.status ?? null} />
              </td>
              <td>
                <Badge status={pair.cell.independent?.status ?? null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CommitmentSlide({
  slide,
  deck,
}: {
  slide: Extract<Slide, { kind: 'commitment' }>;
  deck: DeckContext;
}) {
  const t = useTranslations('present');
  const tDashboard = useTranslations('dashboard');
  const rows = perspectiveRows(slide.cells, {
    self: tDashboard('perspectives.self'),
    independent: tDashboard('perspectives.independent'),
  });
  const contested = slide.cells.filter((cell) => cell.contested).length;
  const paragraphs = deck.paragraphs[slide.commitment.code];
  return (
    <div className="present-split">
      <div className="present-chart">
        <p className="present-note">
          {paragraphs ? t('paragraphs', { paragraphs }) : null}{' '}
          {t('commitmentScope', { actors: slide.cells.length, contested })}
        </p>
        <LazyStatusBars rows={rows} orientation="horizontal" valueMode="count" />
      </div>
      <FiguresTable
        caption={t('figuresCaption')}
        groupHeader={tDashboard('perspective')}
        rows={rows}
      />
    </div>
  );
}
