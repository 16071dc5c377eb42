import { readFileSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { authConfigurationProblem } from './lib/deployment';
import { log, logError } from './lib/logger';
import { trustedProxyHops } from './lib/client-address';
import { getDb } from './db/client';
import { countedIndex } from './db/status-index/status-index';
import { startMailTimer } from './db/mail/timer';

/** A production deployment without its auth secret refuses to start (see instrumentation.ts). */
const problem = authConfigurationProblem();
if (problem) {
  console.error(`Refusing to start: ${problem}`);
  process.exit(1);
}

// Without a proxy of the operator's own, X-Forwarded-For is whatever the client wrote
// (lib/client-address.ts): only the per-account sign-in delay still holds.
if (process.env.NODE_ENV === 'production' && trustedProxyHops() === 0) {
  log({
    level: 'warn',
    route: 'start-up',
    message:
      'TRUST_PROXY is not set: a client can name its own address, so the per-address sign-in limit does not hold. Run behind a reverse proxy that sets X-Forwarded-For and set TRUST_PROXY (README, Deployment).',
  });
}

// The in-memory index of counted entries (db/status-index/) is built before the first
// request instead of during it. A database that cannot be opened is reported here and again, as
// before, by the requests that need it.
try {
  countedIndex(getDb());
} catch (error) {
  logError(error, { route: 'start-up: counted-entry index' });
}

// With SMTP_URL set, the outbox is sent (and reminders queued) every minute (README, E-mail).
startMailTimer();

// The bench (bench/server-probe.ts) asks the serving process for the worst event-loop delay of a
// scenario: only when BENCH_EVENT_LOOP_FILE is set, SIGUSR2 writes the delay seen since the last
// signal to that file as JSON and starts again. Nothing of it exists in a normal start.
const eventLoopFile = process.env.BENCH_EVENT_LOOP_FILE;
if (eventLoopFile) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  // A delay also counts time the thread was ready but waiting for a core on a loaded machine; the
  // main thread's own CPU time between two ticks (Linux schedstat) is what one request held.
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  const onCoreNs = () => {
    try {
      return Number(readFileSync(schedstat, 'utf8').split(' ')[0]);
    } catch {
      return Number.NaN;
    }
  };
  let lastOnCore = onCoreNs();
  let maxOnCoreNs = 0;
  setInterval(() => {
    const now = onCoreNs();
    maxOnCoreNs = Math.max(maxOnCoreNs, now - lastOnCore);
    lastOnCore = now;
  }, 5).unref();
  let seq = 0;
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const report = () => {
    const sample = {
      pid: process.pid,
      seq: seq++,
      maxMs: ms(delay.max),
      p99Ms: ms(delay.percentile(99)),
      onCoreMaxMs: Number.isNaN(lastOnCore) ? null : ms(maxOnCoreNs),
    };
    writeFileSync(eventLoopFile, JSON.stringify(sample));
    delay.reset();
    maxOnCoreNs = 0;
  };
  report();
  process.on('SIGUSR2', report);
}
