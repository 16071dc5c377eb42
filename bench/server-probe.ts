/**
 * What the bench reads from the serving process between scenarios: its CPU time (utime + stime
 * from /proc/<pid>/stat) and its worst event-loop delay, which instrumentation-node.ts writes to
 * BENCH_EVENT_LOOP_FILE on SIGUSR2 (and then starts counting again).
 */
import fs from 'node:fs';

interface LoopSample {
  pid: number;
  seq: number;
  maxMs: number;
  p99Ms: number;
  /** The main thread's longest time on a core between two 5 ms ticks; null off Linux. */
  onCoreMaxMs?: number | null;
}

export interface ServerProbe {
  pid: number;
  /** CPU time the process has used so far, in ms. */
  cpuMs: () => number | null;
  /** Starts a new event-loop window. */
  reset: () => Promise<void>;
  /** The worst delay since the last reset (and starts a new window). */
  read: () => Promise<LoopSample | null>;
}

/** Clock ticks per second of /proc/<pid>/stat: 100 on Linux (USER_HZ) for every architecture. */
const TICKS_PER_SECOND = 100;

export function cpuMsOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of the line (utime, stime) are 12 and 13 after the command name and state.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function readSample(file: string): LoopSample | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LoopSample;
  } catch {
    return null;
  }
}

/** Waits for the server's first sample (written as instrumentation runs) and returns the probe. */
export async function connectProbe(file: string, timeoutMs = 30_000): Promise<ServerProbe | null> {
  const deadline = Date.now() + timeoutMs;
  let sample = readSample(file);
  while (!sample && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    sample = readSample(file);
  }
  if (!sample) return null;
  const pid = sample.pid;
  const signalled = async (): Promise<LoopSample | null> => {
    const before = readSample(file)?.seq ?? -1;
    try {
      process.kill(pid, 'SIGUSR2');
    } catch {
      return null;
    }
    // The server answers once its event loop is free: after the requests still queued in it.
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      const next = readSample(file);
      if (next && next.seq > before) return next;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  };
  return {
    pid,
    cpuMs: () => {
      try {
        return cpuMsOf(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return null;
      }
    },
    reset: async () => {
      await signalled();
    },
    read: signalled,
  };
}
