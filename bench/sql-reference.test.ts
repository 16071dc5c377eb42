import { describe, expect, it } from 'vitest';
import { passTimes } from './sql-reference';
import { cpuMsOf } from './server-probe';

describe("reading the sqlite3 shell's timer", () => {
  it('sums each pass of the statements, the CPU time when the wall clock rounds to 0', () => {
    const output = [
      'Run Time: real 0.000 user 0.000400 sys 0.000100',
      'Run Time: real 0.003 user 0.001000 sys 0.000000',
      'Run Time: real 0.000 user 0.000300 sys 0.000000',
      'Run Time: real 0.002 user 0.001500 sys 0.000000',
    ].join('\n');
    const [first, second] = passTimes(output, 2);
    expect(first).toBeCloseTo(3.5);
    expect(second).toBeCloseTo(2.3);
  });
});

describe('server CPU from /proc/<pid>/stat', () => {
  it('adds utime and stime (clock ticks of 10 ms), even with spaces in the command name', () => {
    const stat = '4242 (next-server (v1)) S 1 4242 4242 0 -1 4194560 500 0 0 0 250 30 0 0 20 0 11';
    expect(cpuMsOf(stat)).toBe(2800);
  });
});
