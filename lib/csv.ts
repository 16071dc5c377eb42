/**
 * CSV as spreadsheet programs read it, and back: UTF-8 with a byte-order mark (so Excel does not
 * guess a legacy code page), CRLF line ends (RFC 4180), fields quoted when they hold a comma, a
 * quote, a line break or a byte-order mark or start or end with a space (as papaparse's writer
 * quotes them), and a header row of stable snake_case names. Files are read by papaparse.
 *
 * Formula injection: a cell that starts with = + - @, a tab or a carriage return is run as a
 * formula by spreadsheet programs. Such text cells are written with a leading apostrophe, which
 * spreadsheets show as text and hide. To keep the round trip exact, an apostrophe is also added in
 * front of text that already starts with apostrophes followed by one of those characters, and
 * `parseCsv` removes exactly one apostrophe from any cell of that shape. Numbers are never guarded.
 */
import Papa from 'papaparse';

export const BOM = '\uFEFF';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvCell = string | number | boolean | null | undefined;

const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'+[=+\-@\t\r]/;

/** The text a spreadsheet shows for one value, guarded against being run as a formula. */
export function guardCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return GUARDED.test(value) ? `'${value}` : value;
}

/** Undoes `guardCell` for text read back from a CSV file. */
export function unguardCell(value: string): string {
  return UNGUARD.test(value) ? value.slice(1) : value;
}

/** A field papaparse's writer would quote: it holds a quote, comma, line break or BOM, or starts or ends with a space. */
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/** One guarded value as a CSV field, quoted when needed. */
function csvField(value: CsvCell): string {
  const cell = guardCell(value);
  if (typeof cell === 'number') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One line of a CSV document, ending in CRLF. Written here, not by papaparse: exports write millions. */
export function csvLine(values: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < values.length; i += 1) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return line + '\r\n';
}

/** A whole CSV document: BOM, header row, one line per row, CRLF. */
export function toCsv(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return csvHead(columns) + csvRows(rows);
}

/** The start of a CSV document: the BOM and the header row. A document is its head, then its rows in any number of chunks. */
export function csvHead(columns: readonly string[]): string {
  return BOM + csvLine(columns);
}

/** Rows of a CSV document, each line ending in CRLF (nothing for no rows). */
export function csvRows(rows: Iterable<readonly CsvCell[]>): string {
  let text = '';
  for (const row of rows) text += csvLine(row);
  return text;
}

export interface CsvProblem {
  /** 1-based line of the data row (the header is line 1), when known. */
  row: number | null;
  message: string;
}

export interface ParsedCsv {
  columns: string[];
  /** One record per non-empty data row, keyed by column name, values unguarded. */
  rows: Record<string, string>[];
  problems: CsvProblem[];
}

/** Reads a CSV document with a header row; a BOM, CRLF or LF, and quoted fields are all accepted. */
export function parseCsv(text: string): ParsedCsv {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const result = Papa.parse<Record<string, string>>(source, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim(),
  });
  // papaparse counts quoting errors from the header row, field-count errors from the first data row.
  // A one-column file has no delimiter to detect: that is not a problem of the file.
  const problems: CsvProblem[] = result.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error) => ({
      row:
        error.row === undefined || error.row === null
          ? null
          : error.row + (error.type === 'Quotes' ? 1 : 2),
      message: error.message,
    }));
  const rows = result.data.map((record) => {
    const clean: Record<string, string> = {};
    for (const [key, value] of Object.entries(record)) {
      if (typeof value === 'string') clean[key] = unguardCell(value);
    }
    return clean;
  });
  return { columns: result.meta.fields ?? [], rows, problems };
}
