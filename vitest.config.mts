import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // The data layer guards itself with `server-only`; in unit tests we are the server.
      'server-only': fileURLToPath(new URL('./test/support/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'seed/**/*.test.ts', 'app/**/*.test.ts'],
    environment: 'node',
    // Seeding a database takes about half a second, several on a loaded shared machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
