/**
 * `npm run db:backup [-- --out FILE]`: an online backup of the live database, checked with
 * PRAGMA integrity_check. `npm run db:restore -- --from FILE`: restores one (stop the app first).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath, openDatabase } from './client';
import { backupDatabase, restoreDatabase } from './maintenance';

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { out: { type: 'string' }, from: { type: 'string' } },
    strict: true,
  });
  const target = databasePath();
  if (command === 'backup') {
    openDatabase(target).$client.close(); // create and migrate if this is a first run
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const out = path.resolve(
      values.out ??
        path.join(path.dirname(target), 'backups', `${path.basename(target, '.db')}-${stamp}.db`),
    );
    const result = await backupDatabase(target, out);
    console.log(
      `Backup written to ${result.file} (${result.bytes} bytes, ${result.milliseconds} ms, integrity ok).`,
    );
    console.log(`Rows: ${JSON.stringify(result.tables)}`);
  } else if (command === 'restore') {
    if (!values.from) throw new Error('--from FILE is required: the backup to restore');
    const result = await restoreDatabase(path.resolve(values.from), target);
    console.log(
      `Restored ${values.from} into ${target} (integrity ok).${result.kept ? ` The previous database is kept at ${result.kept}.` : ''}`,
    );
    console.log(`Rows: ${JSON.stringify(result.tables)}`);
  } else {
    throw new Error('usage: tsx db/backup.ts backup [--out FILE] | restore --from FILE');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
