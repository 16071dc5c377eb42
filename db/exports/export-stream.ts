import 'server-only';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { getDb } from '../client';
import { todayUtc } from '../../lib/dates';
import type { SummaryLabels } from '../queries/summary';
import {
  DATASETS,
  isStreamed,
  textChunks,
  type ChunkLimits,
  type DatasetName,
  type StreamedName,
} from './datasets';

export type ExportFormat = 'csv' | 'json';

/**
 * The rows of one export as bytes of its document, a chunk at a time: `next()` is null after the
 * last; `close()` when the client goes away first.
 */
export interface ExportRows {
  asOf: string;
  /** Counted for JSON only (its `meta` tells it): null for CSV. */
  count: number | null;
  next(): Promise<Uint8Array | null>;
  close(): void;
}

/** On the app's thread a chunk takes a few milliseconds at most: other requests wait that long. */
const IN_PROCESS: ChunkLimits = { chars: 64 * 1024, ms: 8 };
/** In a worker thread nothing else waits: a chunk is as large as the app's. */
export const IN_WORKER: ChunkLimits = { chars: 64 * 1024, ms: Infinity };
/** Chunks the worker makes before the client asks: it never waits on the network, holds little. */
export const AHEAD = 4;

/**
 * Opens an export of a dataset with its parameters. Every entry and the whole matrix are read and
 * written in a worker thread (export-worker.ts) on a read-only connection of its own, so this
 * thread's event loop only passes bytes on; the worker makes a few chunks ahead of the client and
 * then waits for it to take them. The small datasets, and any dataset of an in-memory database
 * (which no second connection can see), are written on this thread a short chunk a turn.
 */
export async function openExport(
  name: DatasetName,
  format: ExportFormat,
  filters: Record<string, unknown>,
  labels: SummaryLabels,
): Promise<ExportRows> {
  const sqlite = getDb().$client;
  if (isStreamed(name) && !sqlite.memory) return inWorker({ name, format, filters }, sqlite.name);
  const dataset = DATASETS[name];
  const cursor = dataset.open(filters, { labels, counted: format === 'json' });
  const nextText = textChunks(cursor, dataset.columns, format, IN_PROCESS);
  const encoder = new TextEncoder();
  let closed = false;
  return {
    asOf: cursor.asOf,
    count: cursor.count,
    async next() {
      // Each chunk waits a turn of the event loop. Without this, while the socket takes each write
      // at once, the read-pull-write chain runs on promise callbacks alone and no other request is
      // served until the export ends.
      await new Promise((resolve) => setImmediate(resolve));
      const text = closed ? null : nextText();
      return text === null ? null : encoder.encode(text);
    },
    close() {
      closed = true;
      cursor.close();
    },
  };
}

export interface ExportWorkerData {
  name: StreamedName;
  format: ExportFormat;
  filters: Record<string, unknown>;
}

/** What the worker tells this thread, which answers 'more' for each chunk taken, or 'cancel'. */
export type ExportWorkerMessage =
  { type: 'opened'; count: number | null } | { type: 'chunk'; bytes: Uint8Array } | { type: 'end' };

export type ExportWorkerRequest = 'more' | 'cancel';

function inWorker(data: ExportWorkerData, databaseFile: string): Promise<ExportRows> {
  const worker = exportWorker(data, databaseFile);
  const ready: (Uint8Array | null)[] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const request = (message: ExportWorkerRequest) => worker.postMessage(message);
  return new Promise((resolve, reject) => {
    const stopped = (error: unknown) => {
      failure ??= error;
      reject(error);
      wake?.();
    };
    const rows: ExportRows = {
      // As the worker's dataset dates it (db/exports/datasets.ts), known before it starts.
      asOf: typeof data.filters.asOf === 'string' ? data.filters.asOf : todayUtc(),
      count: null,
      async next() {
        while (ready.length === 0 && !failure) await new Promise<void>((go) => (wake = go));
        if (ready.length === 0) throw failure;
        const bytes = ready.shift()!;
        if (bytes) request('more');
        return bytes;
      },
      close() {
        if (!ended) request('cancel');
        ended = true;
      },
    };
    // A CSV document needs no count: its head goes out while the worker starts. JSON waits for it.
    if (data.format === 'csv') resolve(rows);
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'opened') {
        rows.count = message.count;
        resolve(rows);
      } else {
        if (message.type === 'end') ended = true;
        ready.push(message.type === 'chunk' ? message.bytes : null);
        wake?.();
      }
    });
    worker.on('error', stopped);
    worker.on('exit', (code) => {
      if (!ended)
        stopped(new Error(`the export's worker stopped (exit code ${code}) before the end`));
    });
  });
}

/** Started the way the import starts its worker (db/import/csv-import.ts importWorker). */
function exportWorker(workerData: ExportWorkerData, databaseFile: string): Worker {
  const env = { ...process.env, DATABASE_PATH: databaseFile };
  // In the app (NEXT_RUNTIME is set), Next.js bundles the worker file named here.
  if (process.env.NEXT_RUNTIME)
    return new Worker(new URL('./export-worker.ts', import.meta.url), { workerData, env });
  // From source (tests, scripts under tsx) the worker is TypeScript: tsx compiles it too.
  const source = path.join(path.dirname(fileURLToPath(import.meta.url)), 'export-worker.ts');
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, {
    eval: true,
    workerData,
    env,
    execArgv: ['--conditions=react-server'],
  });
}
