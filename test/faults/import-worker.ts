/**
 * Runs one CSV import in its own process (as the import screen's server code would), so the
 * concurrency run has a second writer process holding a long write transaction beside the server.
 * Usage: DATABASE_PATH=... tsx --conditions=react-server test/faults/import-worker.ts <user id> <csv file>
 * Prints the import's counts as JSON.
 */
import fs from 'node:fs';
import { importEntriesCsv } from '../../db/import/csv-import';

async function main(): Promise<void> {
  const [userId, csvFile] = process.argv.slice(2);
  if (!userId || !csvFile) throw new Error('usage: import-worker.ts <user id> <csv file>');
  const result = await importEntriesCsv(userId, fs.readFileSync(csvFile, 'utf8'), {
    publish: true,
    requestId: 'concurrency-import',
  });
  console.log(
    JSON.stringify({
      ok: result.ok,
      counts: result.counts,
      message: result.ok ? null : result.message,
      errors: result.ok ? [] : result.rows.filter((row) => row.outcome === 'error').slice(0, 3),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
