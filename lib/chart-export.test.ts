import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  chartCsv,
  chartFileName,
  chartJson,
  composeChartSvg,
  escapeXml,
  groupRowsData,
  pngSize,
  timePointsData,
  wrapText,
  type ChartExportMeta,
} from './chart-export';
import { CELL_KEYS, type GroupRow, type StatusCounts, type TimePoint } from './summary-types';

function counts(partial: Partial<StatusCounts>): StatusCounts {
  return { ...Object.fromEntries(CELL_KEYS.map((key) => [key, 0])), ...partial } as StatusCounts;
}

const actors: GroupRow[] = [
  {
    key: '12',
    label: 'Republic of Aldoria',
    counts: counts({ complete: 2, limited: 1, no_report: 3 }),
    pairs: 6,
    reported: 3,
    score: 7 / 9,
  },
  {
    key: '7',
    label: 'Smith, Jones & "Partners" <NGO>',
    counts: counts({ no_report: 4 }),
    pairs: 4,
    reported: 0,
    score: null,
  },
  { key: '9', label: '=HYPERLINK("x")', counts: counts({}), pairs: 0, reported: 0, score: null },
];

const meta: ChartExportMeta = {
  title: 'Status by actor',
  chart: 'status-by-actor',
  asOf: '2026-11-28',
  filters: { theme: 'trafficking', perspective: 'self', asOf: '2026-11-28' },
  source: 'Commitment Tracker, published progress entries',
  url: 'http://127.0.0.1/?theme=trafficking',
  demo: true,
  notice: 'Demo data: all actors and entries are fictitious',
};

/** A strict little XML well-formedness check: balanced tags, quoted attributes, entities only. */
function expectWellFormed(xml: string) {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const open: string[] = [];
  let end = 0;
  for (const match of body.matchAll(token)) {
    end = match.index + match[0].length;
    const [, closing, name, attributes, selfClosing, text] = match;
    const content = text ?? attributes ?? '';
    expect(content.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, '')).not.toMatch(/[&<>]/);
    if (text !== undefined) continue;
    if (closing) expect(open.pop()).toBe(name);
    else if (!selfClosing) open.push(name!);
  }
  expect(end).toBe(body.length);
  expect(open).toEqual([]);
}

function parse(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
}

describe('chart data', () => {
  it('has a row per bar with stable column names, counts per status, coverage and score', () => {
    const data = groupRowsData(actors, 'actor');
    expect(data.columns).toEqual([
      'actor_id',
      'actor',
      'complete',
      'substantial',
      'limited',
      'not_started',
      'regressed',
      'unable_to_assess',
      'no_report',
      'pairs',
      'reported',
      'coverage',
      'score',
    ]);
    expect(data.rows[0]).toEqual([
      12,
      'Republic of Aldoria',
      2,
      0,
      1,
      0,
      0,
      0,
      3,
      6,
      3,
      0.5,
      0.7778,
    ]);
    // No score and no pairs are absent values, never 0.
    expect(data.rows[1]?.slice(-2)).toEqual([0, null]);
    expect(data.rows[2]?.slice(-2)).toEqual([null, null]);
  });

  it('names the first columns after what a row is', () => {
    expect(groupRowsData([], 'theme').columns.slice(0, 2)).toEqual(['theme_key', 'theme']);
    expect(groupRowsData([], 'objective').columns.slice(0, 2)).toEqual([
      'objective_number',
      'objective',
    ]);
    expect(groupRowsData([], 'perspective').columns.slice(0, 2)).toEqual([
      'perspective_key',
      'perspective',
    ]);
  });

  it('gives each period its ISO as-of date', () => {
    const points: TimePoint[] = [
      {
        period: '2021-Q3',
        date: '2021-09-30',
        counts: counts({ complete: 1 }),
        pairs: 1,
        reported: 1,
        score: 1,
      },
    ];
    const data = timePointsData(points);
    expect(data.columns.slice(0, 2)).toEqual(['period', 'as_of']);
    expect(data.rows[0]?.slice(0, 2)).toEqual(['2021-Q3', '2021-09-30']);
  });
});

describe('chart CSV', () => {
  it('parses with a standard CSV parser back to the same rows, quoting commas and quotes, guarding formulas', () => {
    const data = groupRowsData(actors, 'actor');
    const csv = chartCsv(data);
    expect(csv).toContain('\r\n');
    const parsed = parse(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(data.columns);
    expect(parsed.data.map((row) => row.actor)).toEqual([
      'Republic of Aldoria',
      'Smith, Jones & "Partners" <NGO>',
      '\'=HYPERLINK("x")',
    ]);
    expect(parsed.data[0]).toMatchObject({
      actor_id: '12',
      complete: '2',
      no_report: '3',
      coverage: '0.5',
      score: '0.7778',
    });
    expect(parsed.data[1]).toMatchObject({ coverage: '0', score: '' });
  });
});

describe('chart JSON', () => {
  it('carries a meta block and one object per row keyed by the CSV columns', () => {
    const data = groupRowsData(actors, 'actor');
    const json = JSON.parse(chartJson(data, meta));
    expect(json.meta).toEqual({
      title: 'Status by actor',
      chart: 'status-by-actor',
      as_of: '2026-11-28',
      filters: { theme: 'trafficking', perspective: 'self', asOf: '2026-11-28' },
      source: meta.source,
      url: meta.url,
      demo: true,
      notice: meta.notice,
      columns: data.columns,
    });
    expect(json.rows).toHaveLength(3);
    expect(json.rows[1]).toMatchObject({
      actor_id: 7,
      actor: 'Smith, Jones & "Partners" <NGO>',
      score: null,
    });
    // JSON needs no formula guard: the value is the actor's name as it is.
    expect(json.rows[2].actor).toBe('=HYPERLINK("x")');
  });

  it('says nothing about fictitious data outside the demo', () => {
    const json = JSON.parse(chartJson(groupRowsData([], 'theme'), { ...meta, demo: false }));
    expect(json.meta.demo).toBe(false);
    expect(json.meta).not.toHaveProperty('notice');
  });
});

describe('file names', () => {
  it('are the chart name and the as-of date', () => {
    expect(chartFileName('status-by-actor', '2026-11-28', 'png')).toBe(
      'status-by-actor-2026-11-28.png',
    );
    expect(chartFileName('commitment TIP-03 / history', '2024-12-31', 'csv')).toBe(
      'commitment-TIP-03-history-2024-12-31.csv',
    );
    expect(chartFileName('../', '2024-12-31', 'json')).toBe('chart-2024-12-31.json');
  });
});

describe('chart image', () => {
  const chartMarkup =
    '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><defs><pattern id="p-complete"/></defs><text>Aldoria</text></svg>';
  const input = {
    chartMarkup,
    chartWidth: 600,
    chartHeight: 300,
    title: 'Smith & "Partners" <NGO> \u0007',
    asOfLine: 'As of November 28, 2026',
    notes: ['Showing 15 of 20 bars.'],
    sourceLines: [
      'Source: Commitment Tracker, published progress entries',
      'Demo data: all actors and entries are fictitious',
    ],
    legend: [
      { fill: 'url(#p-complete)', symbol: '●', label: 'Complete' },
      { fill: 'url(#p-no_report)', symbol: '–', label: "No report <none> & 'so on'" },
    ],
    fontFamily: "system-ui, 'Segoe UI', sans-serif",
    colours: { ink: '#1a1a1a', muted: '#4d4d4d', paper: '#ffffff' },
  };

  it('writes the title, the as-of date, the key and the source into the picture', () => {
    const { svg, width, height } = composeChartSvg(input);
    expect(svg).toContain('>Smith &amp; &quot;Partners&quot; &lt;NGO&gt;</text>');
    expect(svg).toContain('>As of November 28, 2026</text>');
    expect(svg).toContain('>Showing 15 of 20 bars.</text>');
    expect(svg).toContain('>Source: Commitment Tracker, published progress entries</text>');
    expect(svg).toContain('>Demo data: all actors and entries are fictitious</text>');
    expect(svg).toContain('>● Complete</text>');
    expect(svg).toContain('fill="url(#p-complete)"');
    expect(svg).toContain(chartMarkup);
    expect(width).toBe(648);
    expect(height).toBeGreaterThan(300 + 26 + 16 * 3);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
  });

  it('starts the text and the key at the right edge of a right-to-left picture', () => {
    const { svg, width } = composeChartSvg({ ...input, direction: 'rtl' });
    expectWellFormed(svg);
    expect(svg).toContain('direction="rtl"');
    expect(svg).toMatch(new RegExp(`<text x="${width - 24}" [^>]*>Smith`));
    expect(svg).toContain(`<rect x="${(width - 24 - 20 + 0.5).toFixed(1)}"`);
    expect(svg).toMatch(
      new RegExp(`<text x="${(width - 24 - 20 - 8).toFixed(1)}" [^>]*>● Complete<`),
    );
    expect(composeChartSvg(input).svg).not.toContain('direction=');
  });

  it('escapes XML special characters in titles, labels and attributes so the document stays well formed', () => {
    const { svg } = composeChartSvg(input);
    expectWellFormed(svg);
    expect(svg).toContain('No report &lt;none&gt; &amp; &apos;so on&apos;');
    expect(svg).toContain('font-family="system-ui, &apos;Segoe UI&apos;, sans-serif"');
    expect(svg).not.toContain('\u0007');
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    );
  });

  it('wraps a long title instead of running past the edge', () => {
    const long =
      'Status across actors, by perspective, for a commitment with a very long title that would not fit on one line';
    const lines = wrapText(long, 40);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(
      wrapText('https://example.org/a-very-long-address-without-any-space-in-it', 20).every(
        (line) => line.length <= 20,
      ),
    ).toBe(true);
  });
});

describe('PNG size', () => {
  it('reads the width and height from the IHDR chunk and refuses bytes that are not a PNG', () => {
    const header = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 5,
      0, 0, 0, 2, 0x58,
    ]);
    expect(pngSize(header)).toEqual({ width: 1280, height: 600 });
    expect(
      pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    ).toBeNull();
  });
});
