import 'server-only';
import { listActors, type ActorFilters } from '../queries/actors';
import { listCommitments, type CommitmentFilters } from '../queries/commitments';
import type { EntryFilters } from '../queries/entries';
import { openEntriesExport } from '../queries/entries-export';
import { getSummary, type DashboardFilters, type SummaryLabels } from '../queries/summary';
import { openMatrixExport } from '../queries/matrix';
import { csvLine } from '../../lib/csv';
import { ENTRY_COLUMNS, csvValue } from '../../lib/entries-csv';
import {
  ACTOR_LIST_PARAMETERS,
  COMMITMENT_LIST_PARAMETERS,
  ENTRY_LIST_PARAMETERS,
  SUMMARY_PARAMETERS,
  type ParameterName,
} from '../../lib/query-params';
import {
  CELL_KEYS,
  type CellStatusDto,
  type GroupRow,
  type StatusCounts,
} from '../../lib/summary-types';
import { todayUtc } from '../../lib/dates';
import { TRANSLATION_COLUMNS, translationCells } from '../../lib/commitment-translations';

/**
 * The datasets behind every table and chart, as rows of stable snake_case columns: the same rows
 * go out as CSV and as JSON. Each takes the parameters of its page and API route.
 */
export type Cell = string | number | boolean | null | readonly unknown[];
export type Row = Record<string, Cell>;

export interface DatasetRows {
  asOf: string;
  rows: Row[];
}

/**
 * A dataset's rows for one request, a chunk at a time (`next()` is empty at the end); `close()` in
 * any case. A row is the values of the dataset's columns in their order: no object a row. `count`
 * is null when it was not asked for (only the JSON document tells it).
 */
export interface DatasetCursor {
  asOf: string;
  count: number | null;
  next(): Cell[][];
  close(): void;
}

/** How a dataset is opened: its labels, and whether its rows are counted (for the JSON `meta`). */
export interface OpenOptions {
  labels: SummaryLabels;
  counted: boolean;
}

export interface Dataset {
  parameters: readonly ParameterName[];
  columns: readonly string[];
  open(filters: Record<string, unknown>, options: OpenOptions): DatasetCursor;
}

/** A dataset of any size, read a chunk at a time, with no labels: a worker thread can read it. */
export interface StreamedDataset extends Omit<Dataset, 'open'> {
  open(filters: Record<string, unknown>, options: Pick<OpenOptions, 'counted'>): DatasetCursor;
}

/** A dataset computed whole (a few thousand rows), as one chunk. */
function whole(
  columns: readonly string[],
  load: (filters: Record<string, unknown>, labels: SummaryLabels) => DatasetRows,
): Pick<Dataset, 'columns' | 'open'> {
  return {
    columns,
    open: (filters, { labels }) => {
      const { asOf, rows } = load(filters, labels);
      let sent = false;
      return {
        asOf,
        count: rows.length,
        next: () =>
          sent
            ? []
            : ((sent = true), rows.map((row) => columns.map((column) => row[column] ?? null))),
        close: () => {},
      };
    },
  };
}

/** How much one chunk of an export's text holds at most: characters, and milliseconds of work. */
export interface ChunkLimits {
  chars: number;
  ms: number;
}

/**
 * The text of a cursor's rows in its document (rowsWriter) a chunk at a time, each chunk rows
 * until it reaches a limit; null once every row is written, and the cursor is then closed.
 */
export function textChunks(
  cursor: DatasetCursor,
  columns: readonly string[],
  format: 'csv' | 'json',
  limits: ChunkLimits,
): () => string | null {
  const write = rowsWriter(columns, format);
  let rowsSent = 0;
  let done = false;
  return () => {
    const started = performance.now();
    let text = '';
    while (!done && text.length < limits.chars && performance.now() - started < limits.ms) {
      const rows = cursor.next();
      if (rows.length === 0) {
        done = true;
        cursor.close();
        break;
      }
      text += write(rows, rowsSent === 0);
      rowsSent += rows.length;
    }
    return done && !text ? null : text;
  };
}

/**
 * Writes chunks of a dataset's rows as the text of its document: CSV lines (lib/csv.ts), or the
 * JSON objects of the rows array, keys in the columns' order, each after a comma but the first.
 */
function rowsWriter(
  columns: readonly string[],
  format: 'csv' | 'json',
): (rows: readonly Cell[][], first: boolean) => string {
  if (format === 'csv')
    return (rows) => {
      let text = '';
      for (const row of rows) text += csvLine(row.map(csvValue));
      return text;
    };
  const keys = columns.map((column) => `${JSON.stringify(column)}:`);
  return (rows, first) => {
    let text = '';
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r]!;
      text += first && r === 0 ? '{' : ',{';
      for (let i = 0; i < keys.length; i += 1)
        text += (i === 0 ? '' : ',') + keys[i] + JSON.stringify(row[i] ?? null);
      text += '}';
    }
    return text;
  };
}

const COUNT_COLUMNS = CELL_KEYS.map((key) => `count_${key}`);

function counts(values: StatusCounts | null): Row {
  return Object.fromEntries(CELL_KEYS.map((key) => [`count_${key}`, values ? values[key] : null]));
}

function groupRows(group: string, rows: readonly GroupRow[]): Row[] {
  return rows.map((row) => ({
    group,
    key: row.key,
    label: row.label,
    date: null,
    pairs: row.pairs,
    reported: row.reported,
    score: row.score,
    ...counts(row.counts),
  }));
}

/** A matrix cell's columns of one side (self_…, independent_…), and their values. */
const CELL_COLUMNS = ['status', 'as_of', 'stale', 'entry_id', 'reporter', 'summary'];

function cellValues(cell: CellStatusDto | null): Cell[] {
  return cell
    ? [cell.status, cell.asOf, cell.stale, cell.entryId, cell.reporter, cell.summary]
    : [null, null, null, null, null, null];
}

const ENTRY_EXPORT_PARAMETERS = ENTRY_LIST_PARAMETERS.filter(
  (name) => name !== 'page' && name !== 'limit',
);

export type StreamedName = 'entries' | 'matrix';
export type DatasetName = 'commitments' | 'actors' | StreamedName | 'summary';

/** Every entry and the whole matrix: the datasets that grow with the data. */
export const STREAMED: Record<StreamedName, StreamedDataset> = {
  entries: {
    parameters: ENTRY_EXPORT_PARAMETERS,
    columns: ENTRY_COLUMNS,
    open: (filters, { counted }) => {
      const iso3 = new Map(listActors().map((actor) => [actor.id, actor.iso3]));
      const cursor = openEntriesExport(filters as EntryFilters, iso3, { count: counted });
      return {
        asOf: typeof filters.asOf === 'string' ? filters.asOf : todayUtc(),
        count: cursor.total,
        next: cursor.next,
        close: cursor.close,
      };
    },
  },
  matrix: {
    parameters: SUMMARY_PARAMETERS,
    columns: [
      'actor_id',
      'actor_name',
      'commitment_code',
      'commitment_title',
      ...CELL_COLUMNS.map((column) => `self_${column}`),
      ...CELL_COLUMNS.map((column) => `independent_${column}`),
      'contested',
    ],
    open: (filters, { counted }) => {
      const cursor = openMatrixExport(filters as DashboardFilters);
      const actors = new Map(cursor.actors.map((actor) => [actor.id, actor.name]));
      const titles = new Map(
        cursor.commitments.map((commitment) => [commitment.code, commitment.title]),
      );
      return {
        asOf: cursor.asOf,
        count: counted ? cursor.count : null,
        next: () =>
          cursor
            .next()
            .map((cell) => [
              cell.actorId,
              actors.get(cell.actorId) ?? '',
              cell.code,
              titles.get(cell.code) ?? '',
              ...cellValues(cell.self),
              ...cellValues(cell.independent),
              cell.contested,
            ]),
        close: cursor.close,
      };
    },
  },
};

export const isStreamed = (name: DatasetName): name is StreamedName => name in STREAMED;

export const DATASETS: Record<DatasetName, Dataset> = {
  commitments: {
    parameters: COMMITMENT_LIST_PARAMETERS,
    ...whole(
      [
        'code',
        'title',
        'text',
        'paragraphs',
        'theme',
        'duty_bearers',
        'rights_holders',
        'gcm_objectives',
        'sdg_targets',
        'source_title',
        'source_author',
        'source_published_on',
        // The verbatim title and text's language, then every current translation beside them.
        'language',
        ...TRANSLATION_COLUMNS,
      ],
      (filters) => ({
        asOf: todayUtc(),
        rows: listCommitments(filters as CommitmentFilters).map((commitment) => ({
          code: commitment.code,
          title: commitment.title,
          text: commitment.text,
          paragraphs: commitment.paragraphs,
          theme: commitment.theme,
          duty_bearers: commitment.dutyBearers,
          rights_holders: commitment.rightsHolders,
          gcm_objectives: commitment.gcmObjectives,
          sdg_targets: commitment.sdgTargets,
          source_title: commitment.source.title,
          source_author: commitment.source.author,
          source_published_on: commitment.source.publishedOn,
          language: commitment.language,
          ...translationCells(commitment.translations),
        })),
      }),
    ),
  },
  actors: {
    parameters: ACTOR_LIST_PARAMETERS,
    ...whole(
      [
        'id',
        'name',
        'short_name',
        'kind',
        'iso3',
        'region',
        'sub_region',
        'intermediate_region',
        'is_demo',
      ],
      (filters) => ({
        asOf: todayUtc(),
        rows: listActors(filters as ActorFilters).map((actor) => ({
          id: actor.id,
          name: actor.name,
          short_name: actor.shortName,
          kind: actor.kind,
          iso3: actor.iso3,
          region: actor.region,
          sub_region: actor.subRegion,
          intermediate_region: actor.intermediateRegion,
          is_demo: actor.isDemo,
        })),
      }),
    ),
  },
  ...STREAMED,
  summary: {
    parameters: SUMMARY_PARAMETERS,
    ...whole(
      ['group', 'key', 'label', 'date', 'pairs', 'reported', 'score', ...COUNT_COLUMNS],
      (filters, labels) => {
        const summary = getSummary(filters as DashboardFilters, labels);
        // Each pair has one theme, so the themes' counts add up to the whole view's.
        const total = Object.fromEntries(
          CELL_KEYS.map((key) => [
            key,
            summary.byTheme.reduce((sum, row) => sum + row.counts[key], 0),
          ]),
        ) as StatusCounts;
        const figures = summary.figures;
        return {
          asOf: summary.asOf,
          rows: [
            {
              group: 'all',
              key: summary.perspective,
              label: null,
              date: summary.asOf,
              pairs: figures.pairs,
              reported: figures.reported,
              score: figures.score,
              ...counts(total),
            },
            ...groupRows('actor', summary.byActor),
            ...groupRows('theme', summary.byTheme),
            ...groupRows('objective', summary.byObjective),
            ...summary.overTime.map((point) => ({
              group: 'quarter',
              key: point.period,
              label: point.period,
              date: point.date,
              pairs: point.pairs,
              reported: point.reported,
              score: point.score,
              ...counts(point.counts),
            })),
          ],
        };
      },
    ),
  },
};
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
