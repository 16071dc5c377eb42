/**
 * The CSV import as a focal point does it: files of new entries, in the entries CSV columns
 * (lib/entries-csv.ts), uploaded to the import screen's route (POST /entries/import/upload,
 * mode=import, publish=publish) one after the other, each answer's NDJSON read to its result.
 * The files are built before the clock starts; each stays under the upload's body limit.
 */
import bodyLimits from '../lib/body-limits.json';
import { REQUIRED_IMPORT_COLUMNS } from '../lib/entries-csv';
import type { Workspace } from './generate';
import { round } from './http';

// Under the proxy's limit for the upload's body (lib/body-limits.json), with room for the form.
const FILE_BYTES = bodyLimits.serverActionBytes - 64 * 1024;
const two = (n: number) => String(n).padStart(2, '0');

export function importFiles(workspace: Workspace, actorId: number, rows: number): string[] {
  const header = ['idempotency_key', ...REQUIRED_IMPORT_COLUMNS, 'subject_id'];
  const statuses = ['not_started', 'limited', 'substantial', 'complete'];
  const runId = Date.now().toString(36);
  const files: string[] = [];
  let lines: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (lines.length > 0) files.push(`${[header.join(','), ...lines].join('\n')}\n`);
    lines = [];
    bytes = 0;
  };
  for (let n = 0; n < rows; n += 1) {
    const values: Record<string, string> = {
      idempotency_key: `bench-import-${runId}-${n}`,
      commitment_code: workspace.commitmentCodes[n % workspace.commitmentCodes.length] as string,
      status: statuses[n % statuses.length] as string,
      as_of: `2025-${two(1 + (n % 12))}-${two(1 + (n % 28))}`,
      summary: `Imported benchmark row ${n}`,
      subject_id: String(actorId),
    };
    const line = header.map((column) => values[column] ?? '').join(',');
    if (bytes + line.length > FILE_BYTES) flush();
    lines.push(line);
    bytes += line.length + 1;
  }
  flush();
  return files;
}

/** Uploads the files in turn; the seconds until the last result, and the entries written. */
export async function uploadImport(
  base: string,
  cookie: string,
  files: readonly string[],
): Promise<{ seconds: number; written: number }> {
  const started = performance.now();
  let written = 0;
  for (const [index, csv] of files.entries()) {
    const form = new FormData();
    form.set('file', new File([csv], `bench-${index}.csv`, { type: 'text/csv' }));
    form.set('mode', 'import');
    form.set('publish', 'publish');
    const response = await fetch(`${base}/entries/import/upload`, {
      method: 'POST',
      headers: { cookie, origin: base },
      body: form,
      signal: AbortSignal.timeout(600_000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`the upload answered ${response.status}: ${text.slice(0, 300)}`);
    const last = JSON.parse(text.trim().split('\n').at(-1) ?? '{}') as {
      type?: string;
      result?: { ok?: boolean; counts?: { written?: number }; message?: string };
    };
    if (last.type !== 'result' || !last.result?.ok)
      throw new Error(`the import refused file ${index + 1}: ${text.slice(-300)}`);
    written += last.result.counts?.written ?? 0;
  }
  return { seconds: round((performance.now() - started) / 1000, 2), written };
}
