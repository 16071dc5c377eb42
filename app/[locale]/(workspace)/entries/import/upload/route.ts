import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/db/current-user';
import { BODY_LIMITS } from '@/lib/request-guards';
import {
  resultLine,
  startImport,
  type ImportProgress,
  type ImportResult,
} from '@/db/import/csv-import';

/**
 * POST a multipart form (file, mode=preview|import, publish=draft|publish) from the import page.
 * A refusal of the request or the file as a whole answers with its status before anything is
 * streamed: 401 (signed out), 403 (not a focal point or admin, or cross-origin), 409 (the
 * importer's actor is archived), 413, 400 (no file, not UTF-8, unreadable columns: with the
 * result listing the file's errors), as `{ error: { code, message }, result? }`. Otherwise 200
 * with NDJSON: `{ type: 'progress', phase, done, total }` lines while the file is checked and
 * written, then one `{ type: 'result', result }` line (db/import/csv-import.ts ImportResult), whose
 * rows carry their own errors.
 *
 * The body is limited to MAX_UPLOAD_BYTES (the page limit proxy.ts enforces, lib/body-limits.json),
 * below the 10 MB Next.js buffers for proxy.ts: a larger
 * body would reach this handler cut short, so it is refused by its declared length first.
 */
const MAX_UPLOAD_BYTES = BODY_LIMITS.page;

function refuse(status: number, code: string, message: string, result?: ImportResult) {
  return NextResponse.json(
    { error: { code, message }, ...(result ? { result } : {}) },
    { status, headers: { 'Cache-Control': 'no-store' } },
  );
}

const REFUSAL_CODES: Record<ImportResult['status'], string> = {
  200: 'ok',
  400: 'invalid_file',
  403: 'forbidden',
  409: 'conflict',
};

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function POST(request: Request) {
  if (!sameOrigin(request))
    return refuse(403, 'cross_origin', 'Refused: the request must come from this site.');
  const user = await getCurrentUser();
  if (!user) return refuse(401, 'unauthenticated', 'Sign in to import entries.');
  const declared = Number(request.headers.get('content-length') ?? 'NaN');
  if (!Number.isFinite(declared) || declared > MAX_UPLOAD_BYTES) {
    return refuse(
      413,
      'too_large',
      `file: must be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split it into several files.`,
    );
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType))
    return refuse(400, 'invalid_body', 'file: send the CSV file as multipart/form-data.');
  // The form (file, mode, publish) is parsed in the import's worker, and the file read as UTF-8
  // there: parsing megabytes of multipart body here would hold the event loop.
  const form = { form: new Uint8Array(await request.arrayBuffer()), contentType };
  const encoder = new TextEncoder();
  // Set as the stream below is made, before the worker's next message is handled.
  let sendProgress: (progress: ImportProgress) => void = () => {};
  const started = await startImport(user.id, form, {
    requestId: request.headers.get('x-request-id'),
    onProgress: (progress) => sendProgress(progress),
  });
  if (!started.ok && started.refusal)
    return refuse(400, started.refusal.code, started.refusal.message);
  if (!started.ok)
    return refuse(
      started.result.status,
      REFUSAL_CODES[started.result.status],
      started.result.message,
      started.result,
    );

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const sendMessage = (message: unknown) => send(`${JSON.stringify(message)}\n`);
      sendProgress = (progress) => sendMessage({ type: 'progress', ...progress });
      try {
        // The result line in pieces: its rows come as slices of JSON bytes, never serialised whole.
        for (const piece of resultLine(await started.report)) controller.enqueue(piece);
      } catch (error) {
        console.error('import failed', error);
        sendMessage({
          type: 'error',
          message: 'The import failed unexpectedly; nothing was written.',
        });
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
