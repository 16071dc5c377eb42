/**
 * The browser side of a chart's image download: copy the recharts SVG with its computed styles
 * inlined (the page's CSS and custom properties do not travel with a file), compose it with
 * lib/chart-export.ts, and render the PNG from that SVG on a canvas at twice the size.
 */
import { composeChartSvg, type LegendItem } from '@/lib/chart-export';

/** The presentation properties the charts set through CSS (charts.css) or var(--…) in style attributes. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Attributes that make sense on the page only (focus, ARIA, classes). */
const PAGE_ONLY_ATTRIBUTES = [
  'class',
  'role',
  'tabindex',
  'aria-labelledby',
  'aria-describedby',
  'aria-hidden',
  'focusable',
];

/** Hover and focus marks: what the pointer happened to rest on is not part of the chart. */
const TRANSIENT = '.recharts-tooltip-cursor, .recharts-active-dot, .recharts-active-shape';

/** Chrome may compute url(#id) as an absolute address; a standalone file needs the fragment alone. */
function localUrl(value: string): string {
  return value.replace(/url\(\s*["']?[^"')#]*(#[^"')]+)["']?\s*\)/g, 'url($1)');
}

export interface SerializedChart {
  markup: string;
  width: number;
  height: number;
}

export function serializeChart(svg: SVGSVGElement): SerializedChart {
  const width = Math.round(svg.width.baseVal.value || svg.getBoundingClientRect().width);
  const height = Math.round(svg.height.baseVal.value || svg.getBoundingClientRect().height);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const styles = new Map(originals.map((original) => [original, getComputedStyle(original)]));
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!copy) return;
    const computed = styles.get(original)!;
    const parent =
      original === svg || !original.parentElement ? null : styles.get(original.parentElement);
    // Only what differs from what the element inherits keeps the file small; opacity is not inherited.
    const declarations = STYLE_PROPERTIES.flatMap((property) => {
      const value = localUrl(computed.getPropertyValue(property));
      const inherited =
        property === 'opacity' ? '1' : parent ? localUrl(parent.getPropertyValue(property)) : null;
      return value === inherited ? [] : [`${property}:${value}`];
    });
    if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
    else copy.removeAttribute('style');
    for (const name of PAGE_ONLY_ATTRIBUTES) copy.removeAttribute(name);
    // Attributes naming the page's custom properties mean nothing in a file; the inlined style says it.
    for (const attribute of Array.from(copy.attributes)) {
      if (attribute.value.includes('var(--')) copy.removeAttribute(attribute.name);
    }
  });
  clone.querySelectorAll(TRANSIENT).forEach((element) => element.remove());
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

/** A key entry per status pattern the chart defines (status-patterns.tsx marks them data-cell-key). */
export function legendFor(
  svg: SVGSVGElement,
  describe: (cellKey: string) => { symbol: string; label: string } | null,
): LegendItem[] {
  const items: LegendItem[] = [];
  svg.querySelectorAll<SVGPatternElement>('pattern[data-cell-key]').forEach((pattern) => {
    const cell = describe(pattern.dataset.cellKey ?? '');
    if (cell) items.push({ fill: `url(#${pattern.id})`, ...cell });
  });
  return items;
}

export interface ChartImageText {
  title: string;
  asOfLine: string;
  /** Lines above the chart that carry meaning, e.g. "Showing 15 of 30 bars." */
  notes: readonly string[];
  sourceLines: readonly string[];
  legend: readonly LegendItem[];
}

export function chartImageSvg(
  svg: SVGSVGElement,
  text: ChartImageText,
): { svg: string; width: number; height: number } {
  const chart = serializeChart(svg);
  const root = getComputedStyle(document.documentElement);
  const colour = (name: string, fallback: string) => root.getPropertyValue(name).trim() || fallback;
  return composeChartSvg({
    chartMarkup: chart.markup,
    chartWidth: chart.width,
    chartHeight: chart.height,
    title: text.title,
    asOfLine: text.asOfLine,
    notes: text.notes,
    sourceLines: text.sourceLines,
    legend: text.legend,
    fontFamily: getComputedStyle(document.body).fontFamily || 'sans-serif',
    // The page's direction: an Arabic chart's image reads right to left as the page does.
    direction: document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr',
    colours: {
      ink: colour('--ink', '#1a1a1a'),
      muted: colour('--ink-muted', '#4d4d4d'),
      paper: colour('--paper', '#ffffff'),
    },
  });
}

/** The composed SVG drawn on a canvas at `scale` times its size (crisp on a projector or in print). */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Hands a file to the browser's download manager. */
export function saveFile(content: Blob, fileName: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download manager reads the blob after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
