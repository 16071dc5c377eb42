import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const TESTS = [
  'lib/**/*.test.ts',
  'db/**/*.test.ts',
  'seed/**/*.test.ts',
  'app/**/*.test.ts',
  'bench/**/*.test.ts',
];
// Files that take seconds however their databases are made (thousands of rows, password hashing,
// waits): `npm run test:unit` (and so `npm test`) runs them, `npm run test:quick` leaves them out.
const SLOW = [
  'db/status-index/status-index.test.ts',
  'db/import/csv-import.test.ts',
  'db/import/import-worker.test.ts',
  'db/import/import-crash.test.ts',
  'db/auth.test.ts',
  'db/maintenance.test.ts',
  'db/queries/admin-workspace.test.ts',
  'db/queries/api-tokens.test.ts',
  'db/queries/users.test.ts',
  'db/queries/entries-export.test.ts',
  'db/queries/matrix.test.ts',
  'db/exports/export-stream.test.ts',
  'app/api/v1/exports/[[]file]/route.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // The data layer guards itself with `server-only`; in unit tests we are the server.
      'server-only': fileURLToPath(new URL('./test/support/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'quick', include: TESTS, exclude: [...configDefaults.exclude, ...SLOW] },
      },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
    environment: 'node',
    // next-intl's ESM imports `next/server` without an extension, which only a bundler resolves:
    // let vite bundle it (proxy.ts uses its middleware).
    server: { deps: { inline: ['next-intl'] } },
    // Seeding a database takes about half a second, several on a loaded shared machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
