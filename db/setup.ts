/**
 * `npm run db:setup`: creates the database if needed, applies migrations and seeds an empty one.
 * WORKSPACE=real seeds the real workspace (UN member states, UN entities, no entries);
 * anything else, or nothing, seeds the fictitious demo workspace, whose demo accounts get their
 * passwords here. It runs before every `npm run serve`, so it also refuses a deployment that
 * lacks its auth secret before the server starts.
 */
import { databasePath, openDatabase } from './client';
import { authConfigurationProblem } from '../lib/deployment';
import { seedDatabase } from '../seed';
import { seedDemoCredentials } from '../seed/demo-credentials';
import { WORKSPACE_MODES, type WorkspaceMode } from '../lib/taxonomy';

const requested = process.env.WORKSPACE ?? 'demo';
if (!(WORKSPACE_MODES as readonly string[]).includes(requested)) {
  console.error(`WORKSPACE must be one of ${WORKSPACE_MODES.join(', ')}; got "${requested}".`);
  process.exit(2);
}
const mode = requested as WorkspaceMode;
const authProblem = authConfigurationProblem();
if (authProblem) {
  console.error(authProblem);
  process.exit(2);
}
const file = databasePath();
const db = openDatabase(file);
const result = seedDatabase(db, mode);
if (result.seeded) {
  console.log(`Seeded the ${mode} workspace into ${file}: ${JSON.stringify(result.counts)}`);
} else if (result.mode !== mode && process.env.WORKSPACE) {
  console.warn(
    `${file} already holds the ${result.mode} workspace; WORKSPACE=${mode} is ignored. Use another DATABASE_PATH for a new workspace.`,
  );
} else {
  console.log(`${file} is migrated and holds the ${result.mode} workspace.`);
}
seedDemoCredentials(db)
  .then((created) => {
    if (created > 0)
      console.log(`Gave ${created} demo accounts their passwords (README: "Demo accounts").`);
  })
  .finally(() => db.$client.close());
