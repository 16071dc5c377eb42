import { authConfigurationProblem } from './lib/deployment';
import { logError } from './lib/logger';
import { getDb } from './db/client';
import { countedIndex } from './db/status-index/status-index';
import { dataVersion } from './db/queries/data-version';
import { todayUtc } from './lib/dates';
import { frontDoor } from './lib/server/front-door';
import { installFrontDoor } from './lib/server/registry';
import { PageCache } from './lib/server/page-cache';

/** A production deployment without its auth secret refuses to start (see instrumentation.ts). */
const problem = authConfigurationProblem();
if (problem) {
  console.error(`Refusing to start: ${problem}`);
  process.exit(1);
}

// The in-memory index of counted entries (db/status-index/) is built before the first
// request instead of during it (~2 s at 1,000,000 entries). A database that cannot be opened is
// reported here and again, as before, by the requests that need it.
try {
  countedIndex(getDb());
} catch (error) {
  logError(error, { route: 'start-up: counted-entry index' });
}

/**
 * The overview, rendered once per data version for visitors who are not signed in and replayed
 * with a fresh nonce (lib/server/page-cache.ts), through the production server's front door
 * (lib/server/serve.mjs). 32 MiB holds ~300 views of ~110 kB.
 */
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

installFrontDoor(
  frontDoor(new PageCache({ paths: ['/'], version: dataVersion, today: todayUtc, budgetBytes: PAGE_CACHE_BYTES }), (error) =>
    logError(error, { route: 'front door' }),
  ),
);
