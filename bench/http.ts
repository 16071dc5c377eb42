/** The production server under test (`next start`), its memory, and the figures of a load. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

export interface LatencyFigures {
  requests: number;
  errors: number;
  medianMs: number;
  p95Ms: number;
  requestsPerSecond: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function figuresOf(latencies: number[], seconds: number, errors: number): LatencyFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    requestsPerSecond: round(latencies.length / seconds),
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface Server {
  child: ChildProcess;
  base: string;
  /** Peak resident memory of the server process tree so far, in MB. */
  peakRssMb: () => number;
  stop: () => Promise<void>;
}

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const all = [pid];
  for (let index = 0; index < all.length; index += 1)
    all.push(...(children.get(all[index] as number) ?? []));
  return all;
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const one of descendants(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${one}/status`, 'utf8'));
      kb += match ? Number(match[1]) : 0;
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

export async function startServer(options: {
  port: number;
  databasePath: string;
  distDir: string;
  log: string;
  env?: Record<string, string>;
}): Promise<Server> {
  const base = `http://127.0.0.1:${options.port}`;
  const out = fs.openSync(options.log, 'a');
  const child = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-p', String(options.port), '-H', '127.0.0.1'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_PATH: options.databasePath,
        NEXT_DIST_DIR: options.distDir,
        NEXT_TELEMETRY_DISABLED: '1',
        BETTER_AUTH_URL: base,
        PORT: String(options.port),
        // Capacity, not the per-token brake on runaway scripts, is what the benchmark measures.
        API_WRITES_PER_MINUTE: '1000000000',
        ...options.env,
      },
      stdio: ['ignore', out, out],
    },
  );
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, rssMb(child.pid));
  }, 250);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode}; see ${options.log}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`The server did not answer within 120 s; see ${options.log}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    child,
    base,
    peakRssMb: () => round(peak),
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
