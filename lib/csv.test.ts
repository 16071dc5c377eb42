import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { BOM, csvHead, csvRows, guardCell, parseCsv, toCsv, unguardCell } from './csv';

describe('CSV for spreadsheet programs', () => {
  it('starts with a BOM, ends lines with CRLF and quotes commas, quotes and line breaks', () => {
    const csv = toCsv(['name', 'note'], [['Aldoria, Republic of', 'said "yes"\nthen no']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}name,note\r\n"Aldoria, Republic of","said ""yes""\nthen no"\r\n`);
  });

  it('is the same document written whole or as a head and rows in chunks (an export streams them)', () => {
    const rows = [
      ['a, b', 1],
      ['=1+1', null],
      ['line\nbreak', -2],
      ['', 0],
      ['last', 3],
    ] as const;
    const chunked =
      csvHead(['text', 'number']) +
      csvRows(rows.slice(0, 2)) +
      csvRows([]) +
      csvRows(rows.slice(2, 3)) +
      csvRows(rows.slice(3));
    expect(chunked).toBe(toCsv(['text', 'number'], rows));
    expect(csvHead(['text', 'number']) + csvRows([])).toBe(`${BOM}text,number\r\n`);
  });

  it('writes each field exactly as papaparse writes it (the files exported before stay the same)', () => {
    const values = [
      ...['', ' ', 'plain', ' lead', 'trail ', 'a,b', 'say "hi"', '"', 'cr\rlf\r\n', 'lf\n'],
      ...[`${BOM}bom`, 'in\uFEFFside', "'quote", '=SUM(A1)', '-1', '+x', '@me', '\tab', 'Ünïcødé'],
      ...['تقرير', 'a;b', '[{"url":"https://x"}]', 0, -0, 1.5, -3, 1e21, 123456789, true, false],
      null,
      undefined,
    ];
    const rows = values.map((value, i) => [i, value, values[(i * 7) % values.length]]);
    const papa = Papa.unparse(
      rows.map((row) => row.map(guardCell)),
      { newline: '\r\n', quotes: false, escapeFormulae: false },
    );
    expect(csvRows(rows)).toBe(`${papa}\r\n`);
    expect(csvHead(['a b', 'c,d', ' e'])).toBe(`${BOM}${Papa.unparse([['a b', 'c,d', ' e']])}\r\n`);
  });

  it('round-trips text, numbers, booleans, empty cells and non-Latin text through a standard parser', () => {
    const rows = [
      ['Côte d’Ivoire', 12, true, null],
      ['日本 — «quoted»', 0, false, ''],
    ] as const;
    const csv = toCsv(['a', 'b', 'c', 'd'], rows);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ['a', 'b', 'c', 'd'],
      ['Côte d’Ivoire', '12', 'true', ''],
      ['日本 — «quoted»', '0', 'false', ''],
    ]);
    expect(parseCsv(csv).rows).toEqual([
      { a: 'Côte d’Ivoire', b: '12', c: 'true', d: '' },
      { a: '日本 — «quoted»', b: '0', c: 'false', d: '' },
    ]);
  });

  it('guards cells a spreadsheet would run as formulas, and the guard survives the round trip exactly', () => {
    const dangerous = [
      '=HYPERLINK("http://evil.example","x")',
      '+1+1',
      '-2',
      '@SUM(A1)',
      '\tTab',
      '\rCR',
      "'=already quoted",
      "''+two",
      "'plain",
      'safe = text',
    ];
    for (const value of dangerous.slice(0, 6))
      expect(String(guardCell(value)).startsWith("'")).toBe(true);
    expect(guardCell("'plain")).toBe("'plain");
    expect(guardCell('safe = text')).toBe('safe = text');
    expect(guardCell(-3)).toBe(-3);
    const csv = toCsv(
      ['value'],
      dangerous.map((value) => [value]),
    );
    // No cell as written starts with a formula character.
    for (const line of Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1))
      expect(line[0]).not.toMatch(/^[=+\-@\t\r]/);
    expect(parseCsv(csv).rows.map((row) => row.value)).toEqual(dangerous);
    for (const value of dangerous) expect(unguardCell(String(guardCell(value)))).toBe(value);
  });

  it('reads files with or without a BOM, with LF line ends, and reports broken quoting with its line', () => {
    expect(parseCsv('a,b\n1,2\n').rows).toEqual([{ a: '1', b: '2' }]);
    expect(parseCsv(`${BOM}a,b\r\n1,2\r\n`).columns).toEqual(['a', 'b']);
    const broken = parseCsv('a,b\n1,2\n3,"open\n');
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]?.row).toBe(3);
    expect(parseCsv('a,b\n1\n').problems[0]).toMatchObject({
      row: 2,
      message: expect.stringContaining('Too few fields'),
    });
  });
});
