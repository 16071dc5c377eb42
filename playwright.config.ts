import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// Per-port build and database, so two runs on one machine never clobber each other.
const workDir = `e2e/.tmp/${port}`;
const databasePath = `${workDir}/e2e.db`;
// (Next adds a non-default build folder to tsconfig.json: CI's default port keeps `.next`.)
const distDir = port === 3100 ? '.next' : `.next-e2e-${port}`;
process.env.E2E_DATABASE_PATH = databasePath;

/**
 * Specs that write to the shared e2e database run after the read-only ones: `workflow`, `auth`,
 * and any spec named `*.writes.spec.ts`.
 */
const WRITING_SPECS = /((workflow|auth)\.spec|\.writes\.spec)\.ts$/;

const browserUse = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: './e2e',
  outputDir: `test-results/${port}`,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  // Generous: axe scans of large pages are slow on a loaded 2-core machine.
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      // Read-only specs first: their expected figures come from the database as it was seeded.
      testIgnore: WRITING_SPECS,
      use: browserUse,
    },
    {
      name: 'chromium-writes',
      testMatch: WRITING_SPECS,
      dependencies: ['chromium'],
      use: browserUse,
    },
  ],
  // The production build on a throw-away database seeded by the same code as development.
  webServer: {
    command: `rm -rf ${workDir} && npm run build && npm run db:setup && node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/v1/commitments`,
    // The build and seed take about 2 minutes on an idle 2-core machine; allow for a loaded one.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_PATH: databasePath,
      WORKSPACE: 'demo',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_DIST_DIR: distDir,
      // Plain http on 127.0.0.1: cookies without Secure, and an auth secret derived in the throw-away database.
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      // The specs stand in for a proxy: each simulated person sends its own X-Forwarded-For (e2e/pages/auth.ts newPerson).
      TRUST_PROXY: '1',
      // A small per-token write budget, so the API spec can provoke its 429 in ~100 requests.
      API_WRITES_PER_MINUTE: '100',
    },
  },
});
