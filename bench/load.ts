/**
 * The load of one scenario: `concurrency` workers send requests back to back until the duration
 * has passed and at least `minRequests` have completed (or `maxRequests` have been sent). Each
 * body is read to its end and counted, never kept, so a 200 MB export costs the bench no memory.
 */
import { figuresOf, percentile, round } from './http';
import type { ServerProbe } from './server-probe';
import type { RunFigures } from './report';

export interface BenchRequest {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | FormData;
  /** Sent first and not timed (a write, so that the request measures the first view after it). */
  before?: Omit<BenchRequest, 'before'>;
}

export interface LoadOptions {
  base: string;
  concurrency: number;
  durationMs: number;
  minRequests: number;
  maxRequests: number;
  timeoutMs: number;
  /** The n-th request (distinct requests defeat any cache); null: no more requests. */
  request: (n: number) => BenchRequest | null;
  /** When given, the run lasts until it settles instead of for the duration. */
  until?: Promise<unknown>;
  /** The status that counts as success; any 2xx when absent. */
  status?: number;
  /**
   * When given, each worker sends its next request this long after its last one was sent (a
   * steady rate, as traffic arrives), not as soon as the last answer came back.
   */
  intervalMs?: number;
}

interface Sample {
  ms: number;
  firstByteMs: number;
  bytes: number;
}

export async function send(base: string, request: BenchRequest, timeoutMs: number) {
  const started = performance.now();
  const response = await fetch(`${base}${request.path}`, {
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  const firstByteMs = performance.now() - started;
  let bytes = 0;
  const reader = response.body?.getReader();
  for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read())
    bytes += chunk.value.byteLength;
  return { status: response.status, ms: performance.now() - started, firstByteMs, bytes };
}

export async function runLoad(
  options: LoadOptions,
  probe: ServerProbe | null,
): Promise<RunFigures> {
  const samples: Sample[] = [];
  let errors = 0;
  let sent = 0;
  let firstError = '';
  await probe?.reset();
  const cpuBefore = probe?.cpuMs() ?? null;
  const started = performance.now();
  let settled = false;
  const settle = () => (settled = true);
  void options.until?.then(settle, settle);
  let exhausted = false;
  const more = () =>
    !exhausted &&
    sent < options.maxRequests &&
    (options.until
      ? !settled
      : performance.now() - started < options.durationMs || sent < options.minRequests);
  const pace = async (from: number) => {
    const wait = from + (options.intervalMs ?? 0) - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
  const worker = async () => {
    let last = Number.NEGATIVE_INFINITY;
    while (more()) {
      if (options.intervalMs !== undefined) {
        await pace(last);
        if (!more()) break;
        last = performance.now();
      }
      const request = options.request(sent++);
      if (!request) {
        exhausted = true;
        break;
      }
      try {
        if (request.before) {
          const before = await send(options.base, request.before, options.timeoutMs);
          if (before.status < 200 || before.status >= 300)
            throw new Error(`the request before answered ${before.status}`);
        }
        const result = await send(options.base, request, options.timeoutMs);
        const ok =
          options.status === undefined
            ? result.status >= 200 && result.status < 300
            : result.status === options.status;
        if (ok) samples.push(result);
        else {
          errors += 1;
          firstError ||= `status ${result.status}`;
        }
      } catch (error) {
        errors += 1;
        firstError ||= String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = probe?.cpuMs() ?? null;
  const loop = (await probe?.read()) ?? null;
  const figures = figuresOf(
    samples.map((sample) => sample.ms),
    seconds,
    errors,
  );
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  if (errors > 0) console.log(`    (${errors} errors; the first: ${firstError})`);
  return {
    concurrency: options.concurrency,
    ...figures,
    bytes: Math.round(median(samples.map((sample) => sample.bytes)) || 0),
    firstByteMs: round(median(samples.map((sample) => sample.firstByteMs)) || 0),
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && samples.length > 0
        ? round((cpuAfter - cpuBefore) / samples.length, 2)
        : null,
    eventLoopMaxMs: loop?.maxMs ?? null,
    eventLoopOnCoreMs: loop?.onCoreMaxMs ?? null,
  };
}
