import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import * as t from '@/db/schema';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';

// The route reads the themes' names from next-intl, which needs Next.js's request scope.
vi.mock('next-intl/server', () => ({
  getTranslations: async () => (key: string) => `Theme ${key}`,
  getRequestConfig: (config: unknown) => config,
}));

describe('GET /api/v1/summary: a view asked again, never stale after a publish', () => {
  useDemoDatabaseFile('summary-route');

  const ask = async (headers: Record<string, string> = {}) => {
    const { GET } = await import('./route');
    const response = await GET(
      new Request('http://localhost/api/v1/summary?perspective=self', { headers }),
    );
    return {
      status: response.status,
      etag: response.headers.get('etag'),
      body: response.status === 200 ? await response.text() : null,
    };
  };

  it('answers a view again from its kept body, and 304 to its ETag', async () => {
    const first = await ask();
    expect(first.status).toBe(200);
    const again = await ask();
    expect(again.etag).toBe(first.etag);
    expect(again.body).toBe(first.body);
    const revalidated = await ask({ 'If-None-Match': first.etag! });
    expect(revalidated).toMatchObject({ status: 304, etag: first.etag, body: null });
  });

  it('shows a published entry at once: a new ETag, the old one no longer answered 304, new figures', async () => {
    const before = await ask();
    const db = getDb();
    const current = db
      .select()
      .from(t.currentStatus)
      .where(eq(t.currentStatus.perspective, 'self'))
      .limit(1)
      .get()!;
    const entry = db
      .select()
      .from(t.progressEntries)
      .where(eq(t.progressEntries.id, current.entryId))
      .get()!;
    const { id: _id, ...base } = entry;
    db.insert(t.progressEntries)
      .values({
        ...base,
        idempotencyKey: 'summary-route-test:publish',
        status: entry.status === 'complete' ? 'not_started' : 'complete',
        asOf: '2026-11-20',
        publishedAt: '2026-11-21T00:00:00.000Z',
        supersedesId: null,
        supersededById: null,
        supersededAt: null,
      })
      .run();

    const revalidated = await ask({ 'If-None-Match': before.etag! });
    expect(revalidated.status).toBe(200);
    expect(revalidated.etag).not.toBe(before.etag);
    expect(revalidated.body).not.toBe(before.body);
    const byStatus = (body: string | null) => (JSON.parse(body!) as { figures: unknown }).figures;
    expect(byStatus(revalidated.body)).not.toEqual(byStatus(before.body));
    expect((await ask()).body).toBe(revalidated.body);
  });
});
