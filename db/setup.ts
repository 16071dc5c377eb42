/**
 * `npm run db:setup`: creates the database if needed, applies migrations and seeds an empty one.
 * WORKSPACE=real seeds the real workspace (UN member states, UN entities, no entries);
 * anything else, or nothing, seeds the fictitious demo workspace.
 */
import { databasePath, openDatabase } from './client';
import { seedDatabase } from '../seed';
import { WORKSPACE_MODES, type WorkspaceMode } from '../lib/taxonomy';

const requested = process.env.WORKSPACE ?? 'demo';
if (!(WORKSPACE_MODES as readonly string[]).includes(requested)) {
  console.error(`WORKSPACE must be one of ${WORKSPACE_MODES.join(', ')}; got "${requested}".`);
  process.exit(2);
}
const mode = requested as WorkspaceMode;
const file = databasePath();
const db = openDatabase(file);
const result = seedDatabase(db, mode);
if (result.seeded) {
  console.log(`Seeded the ${mode} workspace into ${file}: ${JSON.stringify(result.counts)}`);
} else if (result.mode !== mode && process.env.WORKSPACE) {
  console.warn(`${file} already holds the ${result.mode} workspace; WORKSPACE=${mode} is ignored. Use another DATABASE_PATH for a new workspace.`);
} else {
  console.log(`${file} is migrated and holds the ${result.mode} workspace.`);
}
db.$client.close();
