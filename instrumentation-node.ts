import { authConfigurationProblem } from './lib/deployment';
import { logError } from './lib/logger';
import { getDb } from './db/client';
import { countedIndex } from './db/queries/status-index';

/** A production deployment without its auth secret refuses to start (see instrumentation.ts). */
const problem = authConfigurationProblem();
if (problem) {
  console.error(`Refusing to start: ${problem}`);
  process.exit(1);
}

// The in-memory index of counted entries (db/queries/status-index.ts) is built before the first
// request instead of during it (~2 s at 1,000,000 entries). A database that cannot be opened is
// reported here and again, as before, by the requests that need it.
try {
  countedIndex(getDb());
} catch (error) {
  logError(error, { route: 'start-up: counted-entry index' });
}
