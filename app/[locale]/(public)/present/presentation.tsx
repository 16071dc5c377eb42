'use client';

import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { flushSync } from 'react-dom';
import { useLocale, useTranslations } from 'next-intl';
import { textDirection } from '@/lib/i18n/locales';
import { useSearchParams } from 'next/navigation';
import { getPathname, useRouter } from '@/lib/i18n/navigation';
import {
  buildSlides,
  dashboardHref,
  nextPages,
  presentState,
  presentHref,
  slideIndex,
  type PresentSettings,
  type SlideMatrix,
  type SlideSummary,
} from '@/lib/present';
import type { DashboardQuery } from '@/lib/query-params';
import { SlideView, useSlideTitle, type DeckContext } from './slides';
import './present.css';

/** Slides are laid out on a fixed 16:9 stage and scaled to the screen, so a slide looks the same on every projector and on paper. */
const STAGE = { width: 1600, height: 900 };

/** Only a slide whose props change renders again: moving on re-renders two slides, not the deck. */
const SlideMemo = memo(SlideView);

/** The arrows follow the reading direction: right to left, ← is the next slide. */
const NEXT_KEYS = {
  ltr: new Set(['ArrowRight', 'ArrowDown', 'PageDown']),
  rtl: new Set(['ArrowLeft', 'ArrowDown', 'PageDown']),
};
const PREVIOUS_KEYS = {
  ltr: new Set(['ArrowLeft', 'ArrowUp', 'PageUp']),
  rtl: new Set(['ArrowRight', 'ArrowUp', 'PageUp']),
};
/** In full screen the controls step aside this long after the pointer last moved. */
const CONTROLS_IDLE_MS = 2500;

/** Whether a slide's content is taller than the slide (its body hides the overflow). */
function overflows(slide: Element): boolean {
  const body = slide.querySelector('.present-body');
  return (
    slide.scrollHeight > slide.clientHeight + 1 ||
    (body !== null && body.scrollHeight > body.clientHeight + 1)
  );
}

export interface PresentationProps {
  /** Only what the slides show (lib/present.ts slideSummary): never every actor of a large view. */
  summary: SlideSummary;
  /** Null when the view is too large to present cell by cell (lib/present.ts MAX_PRESENT_PAIRS). */
  matrix: SlideMatrix | null;
  filters: DashboardQuery;
  filterWords: string[];
  sources: string[];
  /** Commitment code -> paragraphs of the source it quotes. */
  paragraphs: Record<string, string>;
  demo: boolean;
}

/**
 * A full-viewport layer over the site (present.css hides the site's header and footer while it is
 * on the page). The URL is the state: every slide change pushes `?slide=…`, so the back button
 * steps back through the slides; settings replace the URL, so they add no history.
 */
export function Presentation({
  summary,
  matrix,
  filters,
  filterWords,
  sources,
  paragraphs,
  demo,
}: PresentationProps) {
  const t = useTranslations('present');
  const locale = useLocale();
  const direction = textDirection(locale);
  const router = useRouter();
  const searchParams = useSearchParams();
  // The server checked this address (lib/present-query.ts); later ones are the deck's own.
  const { settings, slide } = useMemo(() => presentState(searchParams), [searchParams]);
  // Rows per slide of each list, as measured below; until then each slide takes its list's cap.
  const [pages, setPages] = useState<Record<string, number[]>>({});
  const slides = useMemo(
    () => buildSlides({ summary, matrix, perCommitment: settings.perCommitment, pages }),
    [summary, matrix, settings.perCommitment, pages],
  );
  const current = slideIndex(slides, slide);
  const slideTitle = useSlideTitle();

  const rootRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const [fullscreen, setFullscreen] = useState(false);
  const [pointerActive, setPointerActive] = useState(false);
  const [fontsReady, setFontsReady] = useState(false);
  // The current slide and its neighbours first; the rest (for printing) once the page is up.
  const [renderAll, setRenderAll] = useState(false);

  const go = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(slides.length - 1, index));
      if (target === current) return;
      window.history.pushState(null, '', presentHref(filters, settings, slides[target]?.id));
    },
    [current, filters, settings, slides],
  );
  const changeSettings = (next: PresentSettings) =>
    window.history.replaceState(null, '', presentHref(filters, next, slides[current]?.id));
  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void rootRef.current?.requestFullscreen?.().catch(() => undefined);
  }, []);
  const leave = useCallback(() => router.push(dashboardHref(filters)), [router, filters]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      // Space and Enter keep their meaning on a focused control.
      const onControl =
        target?.closest('button, a, input, select, textarea, summary') !== null && target !== null;
      if (
        NEXT_KEYS[direction].has(event.key) ||
        (event.key === ' ' && !event.shiftKey && !onControl)
      )
        go(current + 1);
      else if (
        PREVIOUS_KEYS[direction].has(event.key) ||
        (event.key === ' ' && event.shiftKey && !onControl)
      )
        go(current - 1);
      else if (event.key === 'Home') go(0);
      else if (event.key === 'End') go(slides.length - 1);
      else if (event.key === 'f' || event.key === 'F') toggleFullscreen();
      // In full screen the browser takes Esc to leave it; a second Esc leaves the presentation.
      else if (event.key === 'Escape' && !document.fullscreenElement) leave();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, direction, go, leave, slides.length, toggleFullscreen]);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // In full screen the controls show while the pointer moves (and while one has focus: CSS).
  useEffect(() => {
    if (!fullscreen) return;
    let timer: number | undefined;
    const onMove = () => {
      setPointerActive(true);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setPointerActive(false), CONTROLS_IDLE_MS);
    };
    window.addEventListener('pointermove', onMove);
    return () => {
      window.removeEventListener('pointermove', onMove);
      window.clearTimeout(timer);
      setPointerActive(false);
    };
  }, [fullscreen]);

  useEffect(() => {
    void document.fonts.ready.then(() => setFontsReady(true));
  }, []);

  // Charts draw after the deck (lazy-charts.tsx): a chart that grows when it draws has every slide
  // measured again, so a slide paginated against the placeholder passes on the rows that no longer fit.
  const [chartSizes, setChartSizes] = useState(0);
  useEffect(() => {
    const stage = frameRef.current;
    if (!stage) return;
    const observer = new ResizeObserver(() => setChartSizes((count) => count + 1));
    for (const chart of stage.querySelectorAll('.present-chart')) observer.observe(chart);
    return () => observer.disconnect();
  }, [slides, renderAll]);

  // Measure every slide in the page: a list slide whose rows overflow passes rows on, and this
  // runs again (before paint) until every slide fits or a single row is all a slide has left.
  useLayoutEffect(() => {
    const stage = frameRef.current;
    if (!stage) return;
    const lists = new Map<string, { sizes: number[]; cap: number; overflowing: Set<number> }>();
    for (const slide of slides) {
      if (!('list' in slide)) continue;
      const list = lists.get(slide.list) ?? { sizes: [], cap: slide.cap, overflowing: new Set() };
      lists.set(slide.list, list);
      const element = stage.querySelector(`.present-slide[data-slide="${slide.id}"]`);
      if (element && overflows(element)) list.overflowing.add(list.sizes.length);
      list.sizes.push(
        slide.kind === 'contested'
          ? slide.pairs.length
          : slide.kind === 'matrix'
            ? slide.actors.length
            : slide.rows.length,
      );
    }
    const changed: Record<string, number[]> = {};
    for (const [key, { sizes, cap, overflowing }] of lists) {
      if (overflowing.size === 0) continue;
      const next = nextPages(sizes, overflowing, cap);
      if (next.length !== sizes.length || next.some((size, index) => size !== sizes[index]))
        changed[key] = next;
    }
    if (Object.keys(changed).length === 0) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- measured layout, set before paint
    setPages((previous) => ({ ...previous, ...changed }));
  }, [slides, renderAll, fontsReady, chartSizes]);

  useEffect(() => {
    const timer = window.setTimeout(() => startTransition(() => setRenderAll(true)), 300);
    const beforePrint = () => flushSync(() => setRenderAll(true));
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, []);

  useLayoutEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const fit = () =>
      setScale(Math.min(frame.clientWidth / STAGE.width, frame.clientHeight / STAGE.height));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  const deck: DeckContext = useMemo(
    () => ({ summary, matrix, filterWords, sources, paragraphs, demo, total: slides.length }),
    [summary, matrix, filterWords, sources, paragraphs, demo, slides.length],
  );
  const title = slideTitle(slides[current] ?? slides[0]!);

  return (
    <div
      ref={rootRef}
      className="present-root"
      data-contrast={settings.highContrast ? 'high' : 'normal'}
      data-slide={slides[current]?.id}
      data-rendered={renderAll ? 'all' : 'near'}
      data-fullscreen={fullscreen ? 'yes' : undefined}
      data-pointer={pointerActive ? 'active' : undefined}
    >
      <p className="visually-hidden" role="status">
        {t('announce', { number: current + 1, total: slides.length, title })}
      </p>
      <div ref={frameRef} className="present-frame">
        <div className="present-stage" style={{ '--present-scale': scale } as CSSProperties}>
          {slides.map((slide, index) => (
            <div key={slide.id} className={`present-slot${index === current ? ' is-current' : ''}`}>
              {renderAll || Math.abs(index - current) <= 1 ? (
                <SlideMemo slide={slide} number={index + 1} deck={deck} />
              ) : null}
            </div>
          ))}
        </div>
      </div>
      <nav className="present-controls" aria-label={t('controls.label')}>
        <button
          type="button"
          className="button secondary"
          onClick={() => go(current - 1)}
          disabled={current === 0}
        >
          <span className="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('controls.previous')}
        </button>
        <span className="present-count">
          {t('controls.count', { number: current + 1, total: slides.length })}
        </span>
        <button
          type="button"
          className="button secondary"
          onClick={() => go(current + 1)}
          disabled={current === slides.length - 1}
        >
          {t('controls.next')}{' '}
          <span className="arrow" aria-hidden="true">
            →
          </span>
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={toggleFullscreen}
          aria-pressed={fullscreen}
        >
          {t('controls.fullscreen')}
        </button>
        <button
          type="button"
          className="button secondary"
          aria-pressed={settings.highContrast}
          onClick={() => changeSettings({ ...settings, highContrast: !settings.highContrast })}
        >
          {t('controls.highContrast')}
        </button>
        <button
          type="button"
          className="button secondary"
          aria-pressed={settings.perCommitment}
          onClick={() => changeSettings({ ...settings, perCommitment: !settings.perCommitment })}
        >
          {t('controls.perCommitment')}
        </button>
        <a
          className="button secondary"
          href={getPathname({ href: dashboardHref(filters), locale })}
        >
          {t('controls.leave')}
        </a>
        <span className="present-keys">{t('controls.keys')}</span>
      </nav>
    </div>
  );
}
