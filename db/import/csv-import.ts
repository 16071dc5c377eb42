import 'server-only';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import * as t from '../schema';
import {
  createIn,
  parseEntryInput,
  publishIn,
  rollBack,
  settle,
  type WriteResult,
} from '../queries/entry-workflow';
import { statementStore, type EntryStore } from '../queries/entry-store';
import type { AuditRecord } from '../audit';
import { loadPrincipal } from '../queries/principal';
import { importStore, RehearsalUnsupported } from './import-store';
import { importTurn } from './write-turns';
import { parseCsv } from '../../lib/csv';
import type { EntryInput, FieldErrorCode } from '../../lib/entry-input';
import { entryFieldParams, type ImportErrorCode, type ImportErrorParams } from './import-errors';
import {
  ENTRY_COLUMNS,
  IMPORT_ONLY_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  columnOfField,
  derivedIdempotencyKey,
  readImportRow,
  type ActorReference,
  type ImportRow,
} from '../../lib/entries-csv';
import type { ActorKind } from '../../lib/taxonomy';
import type { Principal } from '../authz';

/**
 * Progress entries from a CSV file (the columns of the entries export, lib/entries-csv.ts).
 *
 * Checking reads and validates every row without the database lock, reporting progress; writing
 * then runs every row through the entry workflow's own create (and publish) code, with the same
 * rules (db/authz.ts `entry.import`) and validation (lib/entry-input.ts) as the form, in ONE
 * immediate transaction: any refused row rolls the whole file back. A preview (dry run) runs the
 * same rules in the same kind of transaction and always rolls it back, so it reports what the
 * import would do; it rehearses the write (import-store.ts createRehearsalTable): the
 * file's entries go to a temporary stand-in with the entries table's own columns and constraints,
 * without the triggers that keep derived data (current statuses, the roll-up read model), which
 * refuse nothing and cost most of an import. A preview that cannot be rehearsed exactly (a trigger
 * that could refuse an entry, a row correcting another row of the same file) runs the real write.
 *
 * Idempotent: each row's key is the file's `idempotency_key`, or one derived from its reporter,
 * subject and content; a row whose key is already on record for that reporter adds nothing. A
 * row naming an existing entry by `id` with the same content (a re-imported export) is unchanged.
 */
export interface ImportOptions {
  /** Check and rehearse the write, then roll it back. */
  dryRun?: boolean;
  /** A focal point may publish its imported entries at once; otherwise they are drafts. */
  publish?: boolean;
  requestId?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Tests only: write row by row through the one-entry store (statementStore: a query per read
   * and write, as the form does), the reference the batched import store is compared with.
   */
  oneByOne?: boolean;
}

export interface ImportProgress {
  phase: 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}

/**
 * A cell's error: its English `message` (what scripts read), and beside it a stable `code` with
 * its ICU `params` (import-errors.ts), which the import page words in its own language.
 */
export interface CellError {
  column: string | null;
  message: string;
  code: ImportErrorCode;
  params: ImportErrorParams;
}

/** A problem with the file as a whole, with its line when known; coded as a cell's error is. */
export interface FileError extends CellError {
  line: number | null;
}

export type RowOutcome = 'new' | 'duplicate' | 'unchanged' | 'error';

export interface ImportRowResult {
  /** The row's line in the file; the header is line 1. */
  line: number;
  outcome: RowOutcome;
  commitment: string;
  subject: string;
  status: string;
  asOf: string;
  summary: string;
  errors: CellError[];
  entryId: number | null;
}

export interface ImportResult {
  ok: boolean;
  /** 200, or the HTTP status of the refusal: 400 (file or rows invalid), 403 (not allowed), 409 (an archived reporter). */
  status: 200 | 400 | 403 | 409;
  message: string;
  dryRun: boolean;
  /** The state new rows land in. */
  state: 'draft' | 'submitted' | 'published';
  /** Problems with the file as a whole (columns, quoting), with their line when known. */
  fileErrors: FileError[];
  rows: ImportRowResult[];
  counts: Record<RowOutcome, number> & { total: number; written: number };
}

export const MAX_IMPORT_ROWS = 100_000;
const KNOWN_COLUMNS = new Set<string>([...ENTRY_COLUMNS, ...IMPORT_ONLY_COLUMNS]);
const CHECK_CHUNK = 1_000;

interface ActorRow {
  id: number;
  kind: ActorKind;
  name: string;
  iso3: string | null;
  archivedAt: string | null;
}

interface CheckedRow {
  row: ImportRow;
  result: ImportRowResult;
  input: EntryInput | null;
  reporterId: number | null;
  reporterName: string;
  /** How many of result.errors the check found (the write adds its own after them). */
  checkErrors: number;
}

/** The row as the check left it, before a write that is run again. */
function resetWrite(row: CheckedRow): void {
  row.result.errors.length = row.checkErrors;
  row.result.outcome = row.checkErrors > 0 ? 'error' : 'new';
  row.result.entryId = null;
}

const emptyCounts = (): ImportResult['counts'] => ({
  total: 0,
  new: 0,
  duplicate: 0,
  unchanged: 0,
  error: 0,
  written: 0,
});

function refusal(
  status: 400 | 403 | 409,
  message: string,
  options: ImportOptions,
  fileErrors: ImportResult['fileErrors'] = [],
): ImportResult {
  return {
    ok: false,
    status,
    message,
    dryRun: Boolean(options.dryRun),
    state: 'draft',
    fileErrors,
    rows: [],
    counts: emptyCounts(),
  };
}

/**
 * Connection settings for a file's write, put back afterwards (memory only: durability, WAL and
 * synchronous=FULL, is unchanged). The transaction touches every index of the entries table row
 * after row: with SQLite's default 2 MB page cache those pages are evicted, spilled to the WAL and
 * read back again and again. The write runs with a 256 MB cache: the file's audit rows fill new
 * pages of their own, and in a smaller cache they pushed the indexes' pages out (restoring the
 * size frees the pages). Each statement inside a transaction keeps a statement journal (to undo
 * that statement alone on error): in memory rather than a temporary file (temp_store). The commit
 * does not checkpoint the WAL (copy the file's pages into the database): the import's worker does
 * that after it has answered (import-worker.ts), since the commit is durable in the WAL already.
 */
const IMPORT_CACHE_KIB = 262_144;
function withImportSettings<T>(sqlite: Database.Database, work: () => T): T {
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  const autoCheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return work();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`temp_store = ${tempStore}`);
    sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file that may be imported: who imports it, its rows, and the workspace's actors, ready for `runImport`. */
export interface PreparedImport {
  userId: string;
  principal: Principal;
  isAdmin: boolean;
  state: ImportResult['state'];
  rows: Record<string, string>[];
  actors: ActorRow[];
}

/** A file to import: its text, or an upload's bytes (UTF-8), which move to the worker uncopied. */
export type CsvFile = string | Uint8Array;

/**
 * The import screen's multipart form as it arrived (fields `file`, `mode`, `publish`): parsed in
 * the import's worker, since reading a form of megabytes holds the thread that parses it.
 */
export interface FormUpload {
  form: Uint8Array<ArrayBuffer>;
  contentType: string;
}

/** Why a form upload was refused before its file was read: its error code, the rest as a file's refusal. */
export type FormRefusal = { code: 'invalid_body' | 'invalid_parameter'; message: string };

/** The file and the options a form upload carries (other files are given with their options). */
async function readUpload(
  upload: CsvFile | FormUpload,
  options: ImportOptions,
): Promise<
  { ok: true; csv: CsvFile; options: ImportOptions } | { ok: false; refusal: FormRefusal }
> {
  if (typeof upload === 'string' || upload instanceof Uint8Array)
    return { ok: true, csv: upload, options };
  let form: FormData;
  try {
    form = await new Response(upload.form, {
      headers: { 'content-type': upload.contentType },
    }).formData();
  } catch {
    const message = 'file: send the CSV file as multipart/form-data.';
    return { ok: false, refusal: { code: 'invalid_body', message } };
  }
  const file = form.get('file');
  if (!(file instanceof Blob) || file.size === 0) {
    const message = 'file: choose a CSV file to import.';
    return { ok: false, refusal: { code: 'invalid_parameter', message } };
  }
  return {
    ok: true,
    csv: new Uint8Array(await file.arrayBuffer()),
    options: {
      ...options,
      dryRun: form.get('mode') !== 'import',
      publish: form.get('publish') === 'publish',
    },
  };
}
const NOT_UTF8 = 'file: must be UTF-8 text (save it from your spreadsheet as "CSV UTF-8").';

/**
 * Everything that refuses a file as a whole, before a row is checked: who imports (a focal point
 * of an actor that is not archived, or an admin), the options, the file's columns. The upload
 * answers such a refusal with its HTTP status before it starts streaming progress.
 */
export function prepareImport(
  userId: string,
  csv: CsvFile,
  options: ImportOptions = {},
): { ok: true; job: PreparedImport } | { ok: false; result: ImportResult } {
  const db = getDb();
  const refused = (
    status: 400 | 403 | 409,
    message: string,
    fileErrors: ImportResult['fileErrors'] = [],
  ) => ({ ok: false as const, result: refusal(status, message, options, fileErrors) });
  const principal = db.transaction((tx) => loadPrincipal(tx, userId));
  if (
    !principal ||
    (principal.role !== 'admin' &&
      !(principal.role === 'focal_point' && principal.actorId !== null))
  ) {
    return refused(403, 'Only a focal point (for its own actor) or an admin may import entries.');
  }
  const isAdmin = principal.role === 'admin';
  const actors: ActorRow[] = db
    .select({
      id: t.actors.id,
      kind: t.actors.kind,
      name: t.actors.name,
      iso3: t.actors.iso3,
      archivedAt: t.actors.archivedAt,
    })
    .from(t.actors)
    .all();
  const own = actors.find((actor) => actor.id === principal.actorId);
  if (own?.archivedAt) return refused(409, archivedReporterMessage(own.name));
  if (isAdmin && options.publish) {
    return refused(
      400,
      "publish: an admin's import goes to each reporter's review queue; only the reporter's focal point publishes.",
    );
  }
  const state: ImportResult['state'] = isAdmin
    ? 'submitted'
    : options.publish
      ? 'published'
      : 'draft';

  // An upload's bytes are read here, in the import's worker: a file of megabytes decoded (and
  // copied to the worker as text) on the app's thread would hold its event loop.
  const csvText = typeof csv === 'string' ? csv : new TextDecoder().decode(csv);
  if (typeof csv !== 'string' && csvText.includes('\uFFFD'))
    return refused(400, NOT_UTF8, [
      { line: null, column: null, message: NOT_UTF8, code: 'not_utf8', params: {} },
    ]);
  const parsed = parseCsv(csvText);
  const columns = new Set(parsed.columns);
  const fileErrors: ImportResult['fileErrors'] = parsed.problems.map((problem) => ({
    line: problem.row,
    column: null,
    message: problem.message,
    code: 'unreadable_csv',
    params: {},
  }));
  const known = [...KNOWN_COLUMNS].join(', ');
  for (const column of parsed.columns) {
    if (!KNOWN_COLUMNS.has(column))
      fileErrors.push({
        line: 1,
        column,
        message: `is not a column of an entries file; the columns are: ${known}`,
        code: 'unknown_column',
        params: { columns: known },
      });
  }
  for (const column of REQUIRED_IMPORT_COLUMNS)
    if (!columns.has(column))
      fileErrors.push({ line: 1, column, message: 'is required', code: 'required', params: {} });
  if (!columns.has('subject_id') && !columns.has('subject_iso3'))
    fileErrors.push({
      line: 1,
      column: 'subject_id',
      message: 'is required (or subject_iso3)',
      code: 'required_or',
      params: { other: 'subject_iso3' },
    });
  if (isAdmin && !columns.has('reporter_id') && !columns.has('reporter_iso3')) {
    fileErrors.push({
      line: 1,
      column: 'reporter_id',
      message:
        "is required (or reporter_iso3) in an admin's import: name the actor that reports each row",
      code: 'reporter_required',
      params: { other: 'reporter_iso3' },
    });
  }
  if (parsed.rows.length === 0)
    fileErrors.push({
      line: null,
      column: null,
      message: 'The file has no rows.',
      code: 'no_rows',
      params: {},
    });
  if (parsed.rows.length > MAX_IMPORT_ROWS)
    fileErrors.push({
      line: null,
      column: null,
      message: `The file has ${parsed.rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once.`,
      code: 'too_many_rows',
      params: { rows: parsed.rows.length, max: MAX_IMPORT_ROWS },
    });
  if (fileErrors.length > 0)
    return refused(400, 'The file cannot be read as an entries file.', fileErrors);
  return { ok: true, job: { userId, principal, isAdmin, state, rows: parsed.rows, actors } };
}

/** Imports (or, with dryRun, previews) a CSV file of progress entries for the signed-in user. */
export async function importEntriesCsv(
  userId: string,
  csv: CsvFile,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const started = await startImport(userId, csv, options);
  return started.ok ? resultOf(await started.report) : started.result;
}

/**
 * An import's result with its rows as UTF-8 JSON in slices: 100,000 rows serialised, parsed or
 * copied between threads in one step would hold the event loop for a long moment. The slices
 * are bytes so that they move between threads without a copy (a transfer), where strings are
 * copied and rebuilt on the receiving thread; the upload writes them out as they are.
 */
export interface ImportReport {
  /** The result, its `rows` left empty. */
  result: ImportResult;
  /** Each a JSON array of ImportRowResult, UTF-8, in the file's order. */
  rows: Uint8Array[];
}

const ROWS_PER_SLICE = 2_000;
const utf8 = new TextEncoder();

export function reportOf(result: ImportResult): ImportReport {
  const rows: Uint8Array[] = [];
  for (let start = 0; start < result.rows.length; start += ROWS_PER_SLICE)
    rows.push(utf8.encode(JSON.stringify(result.rows.slice(start, start + ROWS_PER_SLICE))));
  return { result: { ...result, rows: [] }, rows };
}

/** The whole result again, parsing one slice of rows per turn of the event loop. */
export async function resultOf(report: ImportReport): Promise<ImportResult> {
  const decoder = new TextDecoder();
  const rows: ImportRowResult[] = [];
  for (const slice of report.rows) {
    rows.push(...(JSON.parse(decoder.decode(slice)) as ImportRowResult[]));
    await pause();
  }
  return { ...report.result, rows };
}

/** The NDJSON line `{"type":"result","result":ImportResult}` of a report, in UTF-8 pieces. */
export function* resultLine(report: ImportReport): Generator<Uint8Array> {
  const { rows: _empty, ...head } = report.result;
  yield utf8.encode(`{"type":"result","result":${JSON.stringify(head).slice(0, -1)},"rows":[`);
  let first = true;
  for (const slice of report.rows) {
    // An empty slice is `[]`; otherwise its rows without the brackets (one byte each).
    if (slice.length <= 2) continue;
    if (!first) yield utf8.encode(',');
    yield slice.subarray(1, -1);
    first = false;
  }
  yield utf8.encode(']}}\n');
}

/** Reads a form upload (in the worker), then prepares its file: what the worker does first. */
export async function prepareUpload(
  userId: string,
  upload: CsvFile | FormUpload,
  options: ImportOptions,
): Promise<
  | { ok: true; job: PreparedImport; options: ImportOptions }
  | { ok: false; result: ImportResult; refusal?: FormRefusal }
> {
  const read = await readUpload(upload, options);
  if (!read.ok)
    return {
      ok: false,
      result: refusal(400, read.refusal.message, options),
      refusal: read.refusal,
    };
  const prepared = prepareImport(userId, read.csv, read.options);
  return prepared.ok ? { ...prepared, options: read.options } : prepared;
}

export type StartedImport =
  | { ok: false; result: ImportResult; refusal?: FormRefusal }
  | { ok: true; report: Promise<ImportReport> };

/**
 * Starts an import (or preview): answers once the file as a whole is refused or accepted (what
 * the upload answers with its HTTP status), then `report` once every row is checked and written.
 *
 * The work runs in a worker thread (import-worker.ts) on a connection of its own: reading,
 * checking and the one transaction that writes the whole file never hold this thread's event
 * loop, and requests keep being served (readers see the database as it was until the import
 * commits, under WAL). Before the worker takes the write lock it waits for its turn
 * (write-turns.ts): imports of this process write one after another, and the API's group commit
 * and this thread's other writes wait meanwhile, queued rather than waiting for the lock in
 * SQLite's busy timeout with the event loop held. An in-memory database,
 * which no second connection can see, is imported on this thread.
 */
export async function startImport(
  userId: string,
  csv: CsvFile | FormUpload,
  options: ImportOptions = {},
): Promise<StartedImport> {
  const sqlite = getDb().$client;
  if (sqlite.memory) {
    const prepared = await prepareUpload(userId, csv, options);
    if (!prepared.ok) return prepared;
    return { ok: true, report: runImport(prepared.job, prepared.options).then(reportOf) };
  }
  const { onProgress, ...plain } = options;
  const turn = new Int32Array(new SharedArrayBuffer(4));
  const worker = importWorker({ userId, csv, options: plain, turn }, sqlite.name);
  let exited = false;
  let release: (() => void) | null = null;
  return new Promise<StartedImport>((answer, fail) => {
    const report = new Promise<ImportReport>((resolve, reject) => {
      const stopped = (error: unknown) => {
        reject(error);
        fail(error);
      };
      worker.on('message', (message: ImportWorkerMessage) => {
        if (message.type === 'refused')
          answer({ ok: false, result: message.result, refusal: message.refusal });
        else if (message.type === 'accepted') answer({ ok: true, report });
        else if (message.type === 'done') {
          // Committed (or rolled back): other writes may go on while the worker checkpoints.
          release?.();
          resolve(message.report);
        } else {
          onProgress?.(message.progress);
          if (message.progress.phase !== 'writing') return;
          void importTurn().then((end) => {
            release = end;
            if (exited) end();
            Atomics.store(turn, 0, 1);
            Atomics.notify(turn, 0);
          });
        }
      });
      worker.on('error', stopped);
      worker.on('exit', (code) => {
        exited = true;
        release?.();
        stopped(new Error(`the import's worker stopped (exit code ${code}) before it answered`));
      });
    });
    // A refused file never reads its report.
    report.catch(() => undefined);
  });
}

/** What the import's worker tells this thread (import-worker.ts). */
export type ImportWorkerMessage =
  | { type: 'refused'; result: ImportResult; refusal?: FormRefusal }
  | { type: 'accepted' }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport };

export interface ImportWorkerData {
  userId: string;
  csv: CsvFile | FormUpload;
  options: Omit<ImportOptions, 'onProgress'>;
  /** Set to 1 by this thread when the worker may take the write lock. */
  turn: Int32Array;
}

function importWorker(workerData: ImportWorkerData, databaseFile: string): Worker {
  const env = { ...process.env, DATABASE_PATH: databaseFile };
  const { csv } = workerData;
  const bytes = typeof csv === 'string' ? null : csv instanceof Uint8Array ? csv : csv.form;
  // Bytes that own their whole buffer move (a view of a shared one, like a pooled Buffer, is copied).
  const owned = bytes !== null && bytes.byteLength === bytes.buffer.byteLength;
  const transferList = owned ? [bytes.buffer as ArrayBuffer] : [];
  // In the app (NEXT_RUNTIME is set), Next.js bundles the worker file named here.
  if (process.env.NEXT_RUNTIME)
    return new Worker(new URL('./import-worker.ts', import.meta.url), {
      workerData,
      transferList,
      env,
    });
  // From source (tests, scripts under tsx) the worker is TypeScript: tsx compiles it too.
  const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'import-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData,
    transferList,
    env,
    execArgv: ['--conditions=react-server'],
  });
}

/** Checks every row of a prepared file, reporting progress, then writes them all or none (or, with dryRun, rehearses it). */
export async function runImport(
  job: PreparedImport,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const db = getDb();
  const { userId, principal, isAdmin, state, actors } = job;
  const total = job.rows.length;
  const live = (actor: ActorRow) => actor.archivedAt === null;
  // A subject must be an actor of the workspace; a reporter is looked up among archived ones too, to say why it is refused.
  const byId = new Map(actors.filter(live).map((actor) => [actor.id, actor]));
  const byIso3 = new Map(
    actors
      .filter((actor) => live(actor) && actor.iso3)
      .map((actor) => [actor.iso3 as string, actor]),
  );
  const reportersById = new Map(actors.map((actor) => [actor.id, actor]));
  const reportersByIso3 = new Map(
    actors.filter((actor) => actor.iso3).map((actor) => [actor.iso3 as string, actor]),
  );
  const ownActor = principal.actorId === null ? null : (byId.get(principal.actorId) ?? null);

  // Checking: every row read and validated, in chunks, reporting progress between them.
  const checked: CheckedRow[] = [];
  for (let start = 0; start < total; start += CHECK_CHUNK) {
    for (let index = start; index < Math.min(total, start + CHECK_CHUNK); index += 1) {
      checked.push(
        checkRow(readImportRow(job.rows[index]!, index + 2), {
          byId,
          byIso3,
          reportersById,
          reportersByIso3,
          ownActor,
          isAdmin,
        }),
      );
    }
    options.onProgress?.({ phase: 'checking', done: Math.min(total, start + CHECK_CHUNK), total });
    await pause();
  }

  // Writing: one immediate transaction through the workflow's own code; rolled back on any error or a dry run.
  options.onProgress?.({ phase: 'writing', done: 0, total });
  let written = 0;
  const write = (rehearse: boolean) =>
    withImportSettings(db.$client, () =>
      settle(() =>
        db.transaction(
          (tx): WriteResult => {
            written = writeRows(tx, db.$client, userId, checked, {
              isAdmin,
              publish: Boolean(options.publish),
              requestId: options.requestId ?? null,
              oneByOne: Boolean(options.oneByOne),
              rehearse,
            });
            const keep = !options.dryRun && checked.every((row) => row.result.errors.length === 0);
            // A preview, or a file with any refused row, leaves nothing behind.
            return keep ? { ok: true, entryId: 0 } : rollBack({ ok: true, entryId: 0 });
          },
          { behavior: 'immediate' },
        ),
      ),
    );
  let outcome: WriteResult;
  try {
    // A preview rehearses the write (import-store.ts): the same rules row by row, the file's
    // entries into a stand-in of the entries table, without the triggers that keep derived data.
    outcome = write(Boolean(options.dryRun) && !options.oneByOne);
  } catch (error) {
    if (!(error instanceof RehearsalUnsupported)) throw error;
    for (const row of checked) resetWrite(row);
    outcome = write(false);
  }
  if (!outcome.ok)
    return refusal(
      outcome.status === 403 || outcome.status === 409 ? outcome.status : 400,
      outcome.message,
      options,
    );

  const rows = checked.map((row) => row.result);
  const counts = emptyCounts();
  counts.total = total;
  for (const row of rows) counts[row.outcome] += 1;
  const committed = !options.dryRun && counts.error === 0;
  counts.written = committed ? written : 0;
  // Entries made in a rolled-back transaction do not exist.
  if (!committed) for (const row of rows) if (row.outcome === 'new') row.entryId = null;
  options.onProgress?.({ phase: 'done', done: total, total });
  const refusedWith = (code: ImportErrorCode) =>
    rows.some((row) => row.errors.some((error) => error.code === code));
  return {
    ok: counts.error === 0,
    status:
      counts.error === 0
        ? 200
        : refusedWith('not_allowed_subject')
          ? 403
          : refusedWith('archived_reporter')
            ? 409
            : 400,
    message:
      counts.error > 0
        ? `${counts.error} of ${total} rows have errors: nothing was imported.`
        : committed
          ? `${counts.new} entries imported; ${counts.duplicate + counts.unchanged} rows were already on record.`
          : `${counts.new} entries would be imported; ${counts.duplicate + counts.unchanged} rows are already on record.`,
    dryRun: Boolean(options.dryRun),
    state,
    fileErrors: [],
    rows,
    counts,
  };
}

const FORBIDDEN_PREFIX = 'is not an actor you may';
const ARCHIVED_PREFIX = 'is archived:';
const archivedReporterMessage = (name: string) =>
  `Reporter: ${name} is archived; its members cannot write entries.`;
/** The row's error when it names an archived actor as its reporter (the data layer refuses it too). */
const archivedReporterError = (column: string, name: string): CellError => ({
  column,
  message: `${ARCHIVED_PREFIX} ${name} no longer reports, so no entry can be imported in its name`,
  code: 'archived_reporter',
  params: { actor: name },
});

/** The code of a cell readImportRow refused: each of its columns has one way to be wrong. */
function readErrorCode(column: string): ImportErrorCode {
  if (column === 'adverse_effects') return 'not_boolean';
  if (column === 'evidence') return 'not_json_links';
  if (column.endsWith('_iso3')) return 'not_iso3_format';
  if (column === 'id' || column === 'supersedes_id' || column.endsWith('_id'))
    return 'not_positive_integer';
  return 'invalid';
}

/** A refused entry field as a cell's error: the workflow's code and English, in the field's column. */
const fieldError = (
  field: string,
  message: string,
  code: FieldErrorCode | undefined,
): CellError => ({
  column: field === 'body' ? null : columnOfField(field),
  message,
  code: code ?? 'invalid',
  params: entryFieldParams(field, code ?? 'invalid'),
});

interface CheckContext {
  byId: Map<number, ActorRow>;
  byIso3: Map<string, ActorRow>;
  reportersById: Map<number, ActorRow>;
  reportersByIso3: Map<string, ActorRow>;
  ownActor: ActorRow | null;
  isAdmin: boolean;
}

function resolveActor(
  reference: ActorReference,
  prefix: 'subject' | 'reporter',
  context: CheckContext,
  errors: CellError[],
): ActorRow | null {
  const [ids, codes] =
    prefix === 'subject'
      ? [context.byId, context.byIso3]
      : [context.reportersById, context.reportersByIso3];
  const fromId = reference.id === null ? null : (ids.get(reference.id) ?? null);
  const fromIso3 = reference.iso3 === null ? null : (codes.get(reference.iso3) ?? null);
  if (reference.id !== null && !fromId)
    errors.push({
      column: `${prefix}_id`,
      message: 'is not an actor of this workspace',
      code: 'unknown_actor',
      params: {},
    });
  if (reference.iso3 !== null && !fromIso3)
    errors.push({
      column: `${prefix}_iso3`,
      message: 'is not the ISO3 code of a state of this workspace',
      code: 'unknown_state_iso3',
      params: {},
    });
  if (fromId && fromIso3 && fromId.id !== fromIso3.id)
    errors.push({
      column: `${prefix}_iso3`,
      message: `names another actor than ${prefix}_id`,
      code: 'other_actor',
      params: { other: `${prefix}_id` },
    });
  return fromId ?? fromIso3;
}

/** Reads one row into entry input and validates it with the form's schema; nothing is looked up but actors. */
function checkRow(row: ImportRow, context: CheckContext): CheckedRow {
  const errors: CellError[] = Object.entries(row.errors).map(([column, message]) => ({
    column,
    message,
    code: readErrorCode(column),
    params: {},
  }));
  const subject = resolveActor(row.subject, 'subject', context, errors);
  if (!subject && row.subject.id === null && row.subject.iso3 === null)
    errors.push({
      column: 'subject_id',
      message: 'is required (or subject_iso3)',
      code: 'required_or',
      params: { other: 'subject_iso3' },
    });
  let reporter: ActorRow | null;
  if (row.reporter.id === null && row.reporter.iso3 === null) {
    reporter = context.ownActor;
    if (context.isAdmin)
      errors.push({
        column: 'reporter_id',
        message: "is required (or reporter_iso3) in an admin's import",
        code: 'reporter_required',
        params: { other: 'reporter_iso3' },
      });
  } else {
    reporter = resolveActor(row.reporter, 'reporter', context, errors);
    const column = row.reporter.id !== null ? 'reporter_id' : 'reporter_iso3';
    if (reporter && !context.isAdmin && reporter.id !== context.ownActor?.id) {
      errors.push({
        column,
        message: `must be your own actor (${context.ownActor?.name ?? ''}): a focal point imports for its own actor only`,
        code: 'not_own_actor',
        params: { actor: context.ownActor?.name ?? '' },
      });
    } else if (reporter?.archivedAt) {
      errors.push(archivedReporterError(column, reporter.name));
    }
  }
  const result: ImportRowResult = {
    line: row.line,
    outcome: 'new',
    commitment: typeof row.input.commitment === 'string' ? row.input.commitment : '',
    subject: subject?.name ?? '',
    status: typeof row.input.status === 'string' ? row.input.status : '',
    asOf: typeof row.input.asOf === 'string' ? row.input.asOf : '',
    summary: typeof row.input.summary === 'string' ? row.input.summary : '',
    errors,
    entryId: null,
  };
  let input: EntryInput | null = null;
  if (subject && reporter) {
    const candidate = {
      ...row.input,
      subject: subject.id,
      idempotencyKey:
        row.idempotencyKey ?? derivedIdempotencyKey(reporter.id, subject.id, row.input),
      // The file says nothing about confidence for a self-report: an empty cell means none.
      confidence: row.input.confidence,
    };
    const parsed = parseEntryInput(candidate);
    if (parsed.ok) input = parsed.data;
    else
      for (const [field, message] of Object.entries(parsed.errors))
        errors.push(fieldError(field, message, parsed.codes?.[field]));
  }
  if (errors.length > 0) result.outcome = 'error';
  return {
    row,
    result,
    input: errors.length > 0 ? null : input,
    reporterId: reporter?.id ?? null,
    reporterName: reporter?.name ?? '',
    checkErrors: errors.length,
  };
}

/** The workflow's answer to a row, as errors in the file's columns. */
function rowErrors(result: WriteResult, row: CheckedRow): CellError[] {
  if (result.ok) return [];
  // Archived between the check and the write.
  if (result.status === 409 && result.fieldErrors?.reporter)
    return [
      archivedReporterError(
        row.row.reporter.iso3 !== null && row.row.reporter.id === null
          ? 'reporter_iso3'
          : 'reporter_id',
        row.reporterName,
      ),
    ];
  if (result.fieldErrors)
    return Object.entries(result.fieldErrors).map(([field, message]) => ({
      ...fieldError(field, message, result.fieldCodes?.[field]),
      // The workflow names its fields: "body" is one too, never the whole row.
      column: columnOfField(field),
    }));
  if (result.status === 403) {
    return [
      {
        column: row.row.subject.id !== null ? 'subject_id' : 'subject_iso3',
        message: `${FORBIDDEN_PREFIX} report on for this commitment: a state reports only on itself, and the commitment must apply to the actor (${result.message})`,
        code: 'not_allowed_subject',
        params: {},
      },
    ];
  }
  return [{ column: null, message: result.message, code: 'refused', params: {} }];
}

type ExistingEntry = typeof t.progressEntries.$inferSelect;

/** Same statement as on record: what a re-imported export row says about its own entry. */
function sameContent(
  entry: ExistingEntry,
  commitmentId: number | undefined,
  input: EntryInput,
  reporterId: number,
): boolean {
  return (
    entry.commitmentId === commitmentId &&
    entry.subjectId === input.subject &&
    entry.reporterId === reporterId &&
    entry.status === input.status &&
    entry.asOf === input.asOf &&
    entry.summary === input.summary.trim() &&
    entry.narrative === input.narrative &&
    entry.measures === JSON.stringify(input.measures) &&
    entry.evidence === JSON.stringify(input.evidence) &&
    (entry.confidence ?? null) === input.confidence &&
    entry.adverseEffects === input.adverseEffects &&
    (entry.adverseEffectsDescription ?? null) ===
      (input.adverseEffects ? input.adverseEffectsDescription : null) &&
    (entry.supersedesId ?? null) === input.supersedes
  );
}

/**
 * The store for an import that publishes: an entry created and published by the same user in the
 * same transaction was never visible as a draft, so its creation and its publication are audited
 * as ONE row, the publication's (`entry.publish`, before null, after the entry as stored), which
 * the public change log lists like any other publication. The import's own row is held until the
 * publication's arrives; `release()` writes it unmerged if the publication was refused.
 */
function auditedOnce(store: EntryStore): EntryStore & { release(): void } {
  let created: AuditRecord | null = null;
  return {
    ...store,
    audit(record) {
      if (record.action === 'entry.import' && created === null) {
        created = record;
        return;
      }
      if (
        created &&
        record.action === 'entry.publish' &&
        record.entityId === created.entityId &&
        record.userId === created.userId
      ) {
        created = null;
        store.audit({ ...record, before: undefined });
        return;
      }
      store.audit(record);
    },
    release() {
      if (created) store.audit(created);
      created = null;
    },
  };
}

/** Writes every valid row inside the caller's transaction; returns how many entries were created. */
function writeRows(
  tx: Tx,
  sqlite: Database.Database,
  userId: string,
  rows: CheckedRow[],
  options: {
    isAdmin: boolean;
    publish: boolean;
    requestId: string | null;
    oneByOne: boolean;
    rehearse: boolean;
  },
): number {
  const context = { requestId: options.requestId };
  const commitmentIds = new Map(
    tx
      .select({ id: t.commitments.id, code: t.commitments.code })
      .from(t.commitments)
      .all()
      .map((row) => [row.code, row.id]),
  );
  const keyed = new Map<string, { id: number; reporterId: number }>();
  // Every key of the file already on record, in one query (the keys as one JSON array parameter).
  const keys = rows.flatMap((row) => (row.input ? [row.input.idempotencyKey] : []));
  const entries = t.progressEntries;
  for (const entry of tx.all<{ id: number; key: string; reporterId: number }>(
    sql`SELECT ${entries.id} AS id, ${entries.idempotencyKey} AS key, ${entries.reporterId} AS reporterId FROM ${entries} WHERE ${entries.idempotencyKey} IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`,
  )) {
    keyed.set(entry.key, { id: entry.id, reporterId: entry.reporterId });
  }
  const keysNotOnRecord = new Set(keys.filter((key) => !keyed.has(key)));
  const batched = options.oneByOne
    ? null
    : importStore(tx, sqlite, { rehearse: options.rehearse, keysNotOnRecord });
  const plain = batched ?? statementStore(getDb());
  const merging = options.publish ? auditedOnce(plain) : null;
  const store = merging ?? plain;
  let written = 0;
  for (const row of rows) {
    const { input, reporterId } = row;
    if (!input || reporterId === null) continue;
    if (row.row.existingId !== null) {
      // Only the reporter's own entries are named: another actor's id reads as one that does not exist.
      const found = store.entry(row.row.existingId);
      const existing = found?.reporterId === reporterId ? found : undefined;
      if (
        existing &&
        sameContent(existing, commitmentIds.get(input.commitment), input, reporterId)
      ) {
        row.result.outcome = 'unchanged';
        row.result.entryId = existing.id;
        continue;
      }
      row.result.errors.push({
        column: 'id',
        message: existing
          ? `names entry ${existing.id}, which says something else: an entry is never edited; leave id empty to add a new one (with supersedes_id to correct it)`
          : 'is no such entry of yours; leave it empty for a new entry',
        code: existing ? 'entry_differs' : 'no_such_entry',
        params: existing ? { id: existing.id } : {},
      });
      row.result.outcome = 'error';
      continue;
    }
    const already = keyed.get(input.idempotencyKey);
    if (already) {
      if (already.reporterId === reporterId) {
        row.result.outcome = 'duplicate';
        row.result.entryId = already.id;
      } else {
        row.result.errors.push({
          column: 'idempotency_key',
          message: 'is already used by an entry of another reporter',
          code: 'key_taken',
          params: {},
        });
        row.result.outcome = 'error';
      }
      continue;
    }
    const imported = {
      reporterId,
      state: options.isAdmin ? ('submitted' as const) : ('draft' as const),
    };
    const created = createIn(store, userId, input, context, imported);
    const result =
      created.ok && options.publish ? publishIn(store, userId, created.entryId, context) : created;
    merging?.release();
    if (!result.ok) {
      row.result.errors.push(...rowErrors(result, row));
      row.result.outcome = 'error';
      continue;
    }
    keyed.set(input.idempotencyKey, { id: result.entryId, reporterId });
    row.result.entryId = result.entryId;
    written += 1;
  }
  batched?.flush();
  return written;
}
