import { describe, expect, it, vi } from 'vitest';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';

// The route reads labels from next-intl, which needs Next.js's request scope.
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) => `Label ${key}`,
  getRequestConfig: (config: unknown) => config,
}));

/**
 * An export streams a chunk at a time and lets the event loop turn between chunks, so the server
 * answers other requests while a large export is being read (issue 19).
 */
describe('GET /api/v1/exports/{dataset}: streamed without holding the event loop', () => {
  useDemoDatabaseFile('exports-route');

  /** Reads a whole export; notes after which chunk a callback queued behind the first chunk ran. */
  async function read(file: string) {
    const { GET } = await import('./route');
    const response = await GET(new Request(`http://localhost/api/v1/exports/${file}`), {
      params: Promise.resolve({ file }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const parts: Uint8Array[] = [];
    let otherWorkRanAfter: number | null = null;
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      parts.push(part.value);
      // Another request's I/O callback would wait in the same queue as this one.
      if (parts.length === 1) setImmediate(() => (otherWorkRanAfter ??= parts.length));
    }
    return { parts, otherWorkRanAfter, text: Buffer.concat(parts).toString('utf8') };
  }

  it.each(['entries.csv', 'entries.json', 'matrix.csv', 'matrix.json'])(
    '%s: other work runs between its chunks, long before the last',
    async (file) => {
      const { parts, otherWorkRanAfter } = await read(file);
      // The head, then at least two chunks of rows (the demo spans several of each export's chunks).
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(otherWorkRanAfter).not.toBeNull();
      expect(otherWorkRanAfter!).toBeLessThan(parts.length);
    },
  );

  it('the streamed documents are whole: CSV with its BOM and header, JSON that parses with every row counted', async () => {
    for (const dataset of ['entries', 'matrix', 'commitments', 'actors', 'summary']) {
      const csv = (await read(`${dataset}.csv`)).text;
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.endsWith('\r\n')).toBe(true);
      const json = JSON.parse((await read(`${dataset}.json`)).text) as {
        meta: { count: number; columns: string[] };
        rows: Record<string, unknown>[];
      };
      expect(json.rows.length, dataset).toBe(json.meta.count);
      expect(json.rows.length, dataset).toBeGreaterThan(0);
      expect(csv.slice(1, csv.indexOf('\r\n')), dataset).toBe(json.meta.columns.join(','));
    }
  });
});
