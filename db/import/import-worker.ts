/**
 * The CSV import's worker thread (started by csv-import.ts startImport): reads, checks and writes
 * one file on a connection of its own (getDb() in this thread opens DATABASE_PATH), so the app's
 * event loop keeps serving meanwhile. It takes the write lock only once the app's thread says it
 * is its turn, and answers only after the commit, so an acknowledged import is on disk.
 */
import 'server-only';
import { parentPort, workerData } from 'node:worker_threads';
import { getDb } from '../client';
import {
  prepareUpload,
  reportOf,
  runImport,
  type ImportWorkerData,
  type ImportWorkerMessage,
} from './csv-import';

const { userId, csv, options, turn } = workerData as ImportWorkerData;
const post = (message: ImportWorkerMessage, transfer: ArrayBuffer[] = []) =>
  parentPort!.postMessage(message, transfer);

async function main(): Promise<void> {
  // An upload's form is parsed here too (prepareUpload), off the app's thread.
  const prepared = await prepareUpload(userId, csv, options);
  if (!prepared.ok) {
    post({ type: 'refused', result: prepared.result, refusal: prepared.refusal });
    return;
  }
  post({ type: 'accepted' });
  const result = await runImport(prepared.job, {
    ...prepared.options,
    onProgress(progress) {
      post({ type: 'progress', progress });
      // The write transaction starts right after this: wait for the app's thread to make way.
      if (progress.phase === 'writing') Atomics.wait(turn, 0, 0);
    },
  });
  const report = reportOf(result);
  // The rows' bytes move to the app's thread, not copied: nothing to rebuild there.
  post(
    { type: 'done', report },
    report.rows.map((slice) => slice.buffer as ArrayBuffer),
  );
  // The commit is durable in the WAL; its pages are copied into the database file only now, after
  // the answer and still off the app's thread (the write skipped the automatic checkpoint,
  // csv-import.ts withImportSettings). Started at once, it holds the checkpoint's lock, so a
  // commit of the app's meanwhile does not try the same copy on its event loop.
  const sqlite = getDb().$client;
  sqlite.pragma('wal_checkpoint(PASSIVE)');
  sqlite.close();
}

void main();
