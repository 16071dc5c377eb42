/**
 * The 100,000-row CSV import, timed in-process through the import's own function
 * (db/import/csv-import.ts importEntriesCsv, publishing at once as a focal point may), with rows in
 * the entries CSV columns (lib/entries-csv.ts). The file is built before the clock starts; its
 * preview (the same write, rolled back) is timed too, before the import.
 */
import type { Db } from '../db/client';
import { REQUIRED_IMPORT_COLUMNS } from '../lib/entries-csv';
import type { BenchOptions } from './options';
import type { Workspace } from './generate';
import { round } from './http';

export async function measureImport(
  _db: Db,
  workspace: Workspace,
  options: BenchOptions,
): Promise<
  { seconds: number; previewSeconds: number; rows: number; written: number } | { missing: string }
> {
  const { importEntriesCsv } = await import('../db/import/csv-import');
  const actorId = workspace.stakeholderIds[1] ?? workspace.actorIds[0];
  const userId = actorId === undefined ? undefined : workspace.userOfActor.get(actorId);
  if (actorId === undefined || !userId)
    return { missing: 'no actor with a focal point in the workspace' };
  const header = ['idempotency_key', ...REQUIRED_IMPORT_COLUMNS, 'subject_id'];
  const statuses = ['not_started', 'limited', 'substantial', 'complete'];
  const runId = Date.now().toString(36);
  const lines = [header.join(',')];
  for (let n = 0; n < options.importRows; n += 1) {
    const code = workspace.commitmentCodes[n % workspace.commitmentCodes.length] as string;
    const day = String(1 + (n % 28)).padStart(2, '0');
    const values: Record<string, string> = {
      idempotency_key: `bench-import-${runId}-${n}`,
      commitment_code: code,
      status: statuses[n % statuses.length] as string,
      as_of: `2025-${String(1 + (n % 12)).padStart(2, '0')}-${day}`,
      summary: `Imported benchmark row ${n}`,
      subject_id: String(actorId),
    };
    lines.push(header.map((column) => values[column] ?? '').join(','));
  }
  const csv = `${lines.join('\n')}\n`;
  const refused = (result: Awaited<ReturnType<typeof importEntriesCsv>>) =>
    `the import refused the file (${result.status}): ${result.message} ${JSON.stringify(result.fileErrors.slice(0, 2))} ${JSON.stringify(result.rows.find((row) => row.errors.length > 0)?.errors ?? [])}`;
  // As a user does: the preview (the same write, rolled back), then the import.
  const previewStarted = performance.now();
  const preview = await importEntriesCsv(userId, csv, { publish: true, dryRun: true });
  const previewSeconds = round((performance.now() - previewStarted) / 1000, 2);
  if (!preview.ok) return { missing: refused(preview) };
  const started = performance.now();
  const result = await importEntriesCsv(userId, csv, { publish: true });
  const seconds = round((performance.now() - started) / 1000, 2);
  if (!result.ok) return { missing: refused(result) };
  return { seconds, previewSeconds, rows: options.importRows, written: result.counts.written };
}
