import 'server-only';
import type { NextResponse } from 'next/server';
import type { z } from 'zod';
import { authenticateApiToken, hashApiToken } from '@/db/queries/api-tokens';
import { afterImports } from '@/db/import/write-turns';
import { appWriteLimiter } from '@/db/queries/api-write-limit';
import { MAX_BODY_BYTES } from '@/lib/api-schemas';
import { fieldErrors } from '@/lib/entry-input';
import { textIntegrityErrors } from '@/lib/text-integrity';
import { apiError, invalidBody, type ApiError } from './respond';

/**
 * The guard clauses of every write: a bearer token (never a cookie, so a cross-site request
 * cannot write), a rate limit per token, a JSON body under the size limit read before parsing.
 */
export type Guarded<T> = { ok: true; value: T } | { ok: false; response: NextResponse<ApiError> };

const CHALLENGE = 'Bearer realm="commitment-tracker-api"';

export function authenticate(request: Request): Guarded<{ userId: string; tokenKey: string }> {
  const header = request.headers.get('authorization');
  if (!header) {
    return {
      ok: false,
      response: apiError(
        'unauthorized',
        'Send a personal API token as "Authorization: Bearer <token>" (create one under Account).',
        { headers: { 'WWW-Authenticate': CHALLENGE } },
      ),
    };
  }
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  const userId = match ? authenticateApiToken(match[1]) : null;
  if (!match || !userId) {
    return {
      ok: false,
      response: apiError(
        'unauthorized',
        'The API token is not valid: it is unknown, revoked, or its user is disabled.',
        {
          headers: { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` },
        },
      ),
    };
  }
  return { ok: true, value: { userId, tokenKey: hashApiToken(match[1]!) } };
}

/**
 * Writes per token per minute: generous for a delegation's sync script, a brake on a runaway
 * loop. API_WRITES_PER_MINUTE changes it (the benchmark lifts it to measure capacity).
 */
export const WRITES_PER_MINUTE = writesPerMinute(process.env.API_WRITES_PER_MINUTE);

export function writesPerMinute(setting: string | undefined): number {
  const value = Number(setting);
  return setting !== undefined && Number.isSafeInteger(value) && value > 0 ? value : 1_200;
}

/**
 * Counts `writes` more against the token's budget of this minute, shared by every server process
 * (db/queries/api-write-limit.ts); refused with 429 and Retry-After when that goes over it. The
 * count is a write to the database, so it waits its turn behind an import like the forms' writes
 * do: otherwise it would wait for the import's lock in SQLite's busy timeout, holding the event loop.
 */
export async function rateLimit(
  tokenKey: string,
  writes = 1,
  limiter = appWriteLimiter(WRITES_PER_MINUTE),
): Promise<Guarded<null>> {
  const spent = await afterImports(async () => (await limiter)(tokenKey, writes));
  if (spent.ok) return { ok: true, value: null };
  const retryAfter = spent.retryAfterSeconds;
  return {
    ok: false,
    response: apiError(
      'rate_limited',
      `At most ${WRITES_PER_MINUTE} writes a minute per token; retry in ${retryAfter} s.`,
      { headers: { 'Retry-After': String(retryAfter) } },
    ),
  };
}

const tooLarge = () =>
  apiError('payload_too_large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);

/**
 * The JSON body, refused before parsing when it is too large (by Content-Length, and by the bytes
 * actually received) or not JSON, and after parsing when any string in it is not well-formed
 * Unicode (a lone surrogate such as `"\ud800"`) or any key is `__proto__`, `constructor` or
 * `prototype`: a 400 naming the field. `optional`: an empty body reads as `{}` (submit, publish).
 */
export async function readJsonBody(
  request: Request,
  { optional = false } = {},
): Promise<Guarded<unknown>> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > MAX_BODY_BYTES)
    return { ok: false, response: tooLarge() };
  const bytes = await readLimited(request);
  if (bytes === null) return { ok: false, response: tooLarge() };
  if (bytes.length === 0 && optional) return { ok: true, value: {} };
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      response: apiError(
        'unsupported_media_type',
        'Send the body as JSON with "Content-Type: application/json".',
      ),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, response: apiError('invalid_json', 'The body is not valid UTF-8.') };
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return {
      ok: false,
      response: apiError(
        'invalid_json',
        `The body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`,
      ),
    };
  }
  const broken = textIntegrityErrors(value);
  return broken ? { ok: false, response: invalidBody(broken) } : { ok: true, value };
}

/** Reads at most MAX_BODY_BYTES, stopping (and cancelling the upload) as soon as there are more. */
async function readLimited(request: Request): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A short id tying an audit row to the API request that caused it. */
export function requestId(): string {
  return `api:${crypto.randomUUID()}`;
}

/**
 * The guard clauses of a write with a body, in order: the token, one write against its budget,
 * the JSON body, then the body parsed by `schema` (a 400 naming each field at fault).
 */
export async function guardedWrite<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<Guarded<{ userId: string; tokenKey: string; body: z.output<S> }>> {
  const caller = authenticate(request);
  if (!caller.ok) return caller;
  const limited = await rateLimit(caller.value.tokenKey);
  if (!limited.ok) return limited;
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, response: invalidBody(fieldErrors(parsed.error)) };
  return { ok: true, value: { ...caller.value, body: parsed.data } };
}
