import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { demoDatabases } from '../../test/support/demo-database';

/**
 * A server killed (SIGKILL) while its import's worker writes, or right after the import answered
 * while the worker copies the WAL into the database: the file is all or nothing, an answered
 * import is all there, and a write acknowledged before the import is still there after the
 * restart.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROWS = 10_000;
let dir: string;

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const script = (csvFile: string) => `
import fs from 'node:fs';
import { groupCommit } from ${JSON.stringify(path.join(ROOT, 'db/group-commit.ts'))};
import { createAndAdvanceEntry } from ${JSON.stringify(path.join(ROOT, 'db/queries/entry-workflow.ts'))};
import { importEntriesCsv } from ${JSON.stringify(path.join(ROOT, 'db/import/csv-import.ts'))};
async function main() {
  const acknowledged = await groupCommit(() => createAndAdvanceEntry('demo-user-focal-bravonia', {
    idempotencyKey: 'before-crash', commitment: process.env.CODE, subject: Number(process.env.BRAVONIA),
    status: 'limited', asOf: '2026-10-31', summary: 'Acknowledged before the crash',
  }, 'publish'));
  console.log('acknowledged ' + JSON.stringify(acknowledged));
  const result = await importEntriesCsv('demo-user-focal-aldoria', fs.readFileSync(${JSON.stringify(csvFile)}, 'utf8'), {
    publish: true,
    onProgress: (progress) => { if (progress.phase === 'writing') console.log('writing'); },
  });
  console.log('finished ' + result.message);
  // Kept alive until killed: the import's worker may still be checkpointing.
  setInterval(() => {}, 1000);
}
void main();
`;

it.each([
  ['while writing', 'writing', 300],
  ['right after it answered', 'finished', 0],
] as const)(
  'loses nothing acknowledged and keeps all or none of a file whose import was killed %s',
  async (_, signal, delay) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-crash-'));
    const file = path.join(dir, 'app.db');
    const seeded = demoDatabases()();
    fs.writeFileSync(file, seeded.$client.serialize());
    seeded.$client.close();
    const db = new Database(file);
    const one = (sql: string) => db.prepare(sql).pluck().get() as number | string;
    const codes = db
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position`,
      )
      .pluck()
      .all() as string[];
    const aldoria = one(`SELECT id FROM actors WHERE name = 'Republic of Aldoria'`);
    const bravonia = one(`SELECT id FROM actors WHERE name = 'Kingdom of Bravonia'`);
    const entries = one('SELECT count(*) FROM progress_entries') as number;
    db.close();
    const csvFile = path.join(dir, 'import.csv');
    const lines = ['idempotency_key,commitment_code,subject_id,status,as_of,summary'];
    for (let n = 0; n < ROWS; n += 1)
      lines.push(
        `crash-row-${n},${codes[n % codes.length]},${aldoria},limited,2025-06-15,Row ${n}`,
      );
    fs.writeFileSync(csvFile, `${lines.join('\n')}\n`);
    const scriptFile = path.join(dir, 'run.ts');
    fs.writeFileSync(scriptFile, script(csvFile));

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', scriptFile],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_PATH: file, CODE: codes[0], BRAVONIA: String(bravonia) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const killed = new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Killed a moment into the write transaction, or as soon as the import has answered.
        if (output.includes(signal)) setTimeout(() => child.kill('SIGKILL'), delay);
      });
    });
    await killed;
    expect(output, errors).toMatch(/acknowledged \{"ok":true/);
    expect(output).toContain(signal);

    const after = new Database(file);
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (sql: string) => after.prepare(sql).pluck().get() as number;
      expect(
        count(`SELECT count(*) FROM progress_entries WHERE idempotency_key = 'before-crash'`),
      ).toBe(1);
      const imported = count(
        `SELECT count(*) FROM progress_entries WHERE idempotency_key LIKE 'crash-%'`,
      );
      // All or nothing; nothing unless the import had finished before the kill.
      expect(imported, output).toBe(output.includes('finished') ? ROWS : 0);
      if (output.includes('finished'))
        expect(output).toContain(`finished ${ROWS} entries imported`);
      expect(count('SELECT count(*) FROM progress_entries')).toBe(entries + 1 + imported);
    } finally {
      after.close();
    }
  },
  120_000,
);
