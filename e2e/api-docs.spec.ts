import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations, queryAll, queryOne } from './fixtures';

type Document = {
  info: { title: string };
  paths: Record<string, Record<string, { operationId: string; summary: string }>>;
};

/** Follows `next` links from a first page to the end, checking the Link header says the same. */
async function walk<T>(
  request: APIRequestContext,
  first: string,
  key: string,
): Promise<{ items: T[]; total: number; pages: number }> {
  const items: T[] = [];
  let url: string | null = first;
  let total = -1;
  let pages = 0;
  while (url) {
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & {
      next: string | null;
      total: number;
    };
    items.push(...(body[key] as T[]));
    total = body.total;
    expect(response.headers()['link'] ?? null).toBe(
      body.next ? `<${body.next}>; rel="next"` : null,
    );
    url = body.next;
    pages += 1;
    expect(pages).toBeLessThan(500);
  }
  return { items, total, pages };
}

test.describe('API reference page', () => {
  // A long page of tables: axe needs time on a loaded machine.
  test.describe.configure({ timeout: 120_000 });
  test('is linked from the footer, lists every documented endpoint, and passes axe', async ({
    page,
    request,
  }) => {
    const document = (await (await request.get('/api/v1/openapi.json')).json()) as Document;
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'API' }).click();
    await expect(page).toHaveURL(/\/api-docs$/);
    await expect(page.getByRole('heading', { level: 1, name: 'API' })).toBeVisible();
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        await expect(
          page.getByRole('heading', {
            level: 4,
            name: `${method.toUpperCase()} ${path} ${operation.summary}`,
          }),
        ).toBeVisible();
      }
    }
    await expect(page.getByRole('heading', { name: 'Authentication' })).toBeVisible();
    await expect(page.getByText(/no cross-site request forgery/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'OpenAPI 3.1 document' })).toHaveAttribute(
      'href',
      '/api/v1/openapi.json',
    );
    await expectNoAxeViolations(page);
  });
});

test.describe('read API: pagination and caching', () => {
  test('actors page by page in a stable order, with next links to the end', async ({ request }) => {
    const { items, total, pages } = await walk<{ id: number }>(
      request,
      '/api/v1/actors?limit=7',
      'actors',
    );
    const expected = queryAll<{ id: number }>(
      'SELECT id FROM actors WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id',
    ).map((row) => row.id);
    expect(total).toBe(expected.length);
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(items.map((actor) => actor.id)).toEqual(expected);
  });

  test('commitments and published entries page to exactly the filtered set, each once', async ({
    request,
  }) => {
    const commitments = await walk<{ code: string }>(
      request,
      '/api/v1/commitments?limit=4&theme=trafficking',
      'commitments',
    );
    expect(commitments.items.map((commitment) => commitment.code)).toEqual(
      queryAll<{ code: string }>(
        `SELECT code FROM commitments WHERE theme = 'trafficking' AND archived_at IS NULL ORDER BY position, id`,
      ).map((row) => row.code),
    );
    const entries = await walk<{ id: number }>(
      request,
      '/api/v1/entries?limit=200&perspective=independent',
      'entries',
    );
    const expected = queryAll<{ id: number }>(
      `SELECT id FROM progress_entries WHERE state = 'published' AND perspective = 'independent' ORDER BY as_of DESC, published_at DESC, id DESC`,
    ).map((row) => row.id);
    expect(entries.total).toBe(expected.length);
    expect(entries.items.map((entry) => entry.id)).toEqual(expected);
  });

  test('reads carry a weak ETag; sending it back answers 304 with no body; another query has another tag', async ({
    request,
  }) => {
    const first = await request.get('/api/v1/summary?perspective=self');
    expect(first.status()).toBe(200);
    const etag = first.headers()['etag']!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers()['cache-control']).toBe('no-cache');
    const again = await request.get('/api/v1/summary?perspective=self', {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status()).toBe(304);
    expect(await again.body()).toHaveLength(0);
    expect(again.headers()['etag']).toBe(etag);
    // The strong form of the same tag matches too (weak comparison), and a list of tags.
    const strong = etag.replace(/^W\//, '');
    expect(
      (
        await request.get('/api/v1/summary?perspective=self', {
          headers: { 'If-None-Match': `"other", ${strong}` },
        })
      ).status(),
    ).toBe(304);
    const other = await request.get('/api/v1/summary?perspective=independent');
    expect(other.headers()['etag']).not.toBe(etag);
    expect(
      (
        await request.get('/api/v1/summary?perspective=independent', {
          headers: { 'If-None-Match': etag },
        })
      ).status(),
    ).toBe(200);
  });

  test("a commitment page names its Atom feed, of that commitment's newest entries", async ({
    page,
    request,
  }) => {
    const { code } = queryOne<{ code: string }>(
      `SELECT c.code FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
       WHERE e.state = 'published' ORDER BY e.id LIMIT 1`,
    );
    await page.goto(`/commitments/${code}`);
    const link = page.locator('link[rel="alternate"][type="application/atom+xml"]');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/api/v1/feeds/entries.atom?commitment=${code}`);
    const feed = await request.get(href);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    const entry = /<entry><id>[^<]*\/entries\/(\d+)<\/id>/g;
    const ids = [...xml.matchAll(entry)].map((match) => Number(match[1]));
    expect(ids).toEqual(
      queryAll<{ id: number }>(
        `SELECT e.id FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
         WHERE e.state = 'published' AND c.code = ?
         ORDER BY e.published_at DESC, e.id DESC LIMIT 50`,
        code,
      ).map((row) => row.id),
    );
    const refused = await request.get('/api/v1/feeds/entries.atom?round=abc');
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.parameters[0].parameter).toBe('round');
  });

  test('one error shape for an unknown resource, a bad parameter and a missing token', async ({
    request,
  }) => {
    const shapes = await Promise.all([
      request.get('/api/v1/actors/99999999'),
      request.get('/api/v1/entries?page=0'),
      request.post('/api/v1/entries', { data: {} }),
    ]);
    expect(shapes.map((response) => response.status())).toEqual([404, 400, 401]);
    for (const response of shapes) {
      const body = await response.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
  });
});
