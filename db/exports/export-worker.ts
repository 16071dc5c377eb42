/**
 * An export's worker thread (started by export-stream.ts openExport): reads every row of a large
 * dataset and writes its document's text on connections of its own (getDb() in this thread opens
 * DATABASE_PATH; the dataset's cursor reads one snapshot on a read-only one), so the app's event
 * loop only passes the bytes on. It keeps AHEAD chunks made and makes one more for each taken.
 */
import 'server-only';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { getDb } from '../client';
import { STREAMED, textChunks } from './datasets';
import {
  AHEAD,
  IN_WORKER,
  type ExportWorkerData,
  type ExportWorkerMessage,
  type ExportWorkerRequest,
} from './export-stream';

/**
 * A lower priority for this thread only (on Linux a nice value is a thread's): when the cores are
 * busy, the scheduler runs the app's thread, which answers requests, before the export's rows.
 */
const NICE = 5;
os.setPriority(NICE);

const { name, format, filters } = workerData as ExportWorkerData;
const port = parentPort!;
const post = (message: ExportWorkerMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

const dataset = STREAMED[name];
const cursor = dataset.open(filters, { counted: format === 'json' });
const nextText = textChunks(cursor, dataset.columns, format, IN_WORKER);
const encoder = new TextEncoder();
let ended = false;

function end(): void {
  if (ended) return;
  ended = true;
  cursor.close();
  getDb().$client.close();
  port.close();
}

function send(): void {
  if (ended) return;
  try {
    const text = nextText();
    if (text === null) {
      post({ type: 'end' });
      return end();
    }
    // The bytes move to the app's thread, not copied (an encoded string owns its whole buffer).
    const bytes = encoder.encode(text);
    post({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    end();
    throw error;
  }
}

post({ type: 'opened', count: cursor.count });
for (let chunk = 0; chunk < AHEAD; chunk += 1) send();
port.on('message', (request: ExportWorkerRequest) => (request === 'cancel' ? end() : send()));
