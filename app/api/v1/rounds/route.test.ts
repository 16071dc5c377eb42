import { describe, expect, it } from 'vitest';
import { roundListSchema, roundResponseSchema } from '@/lib/api-schemas';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';

describe('GET /api/v1/rounds and /api/v1/rounds/{id}', () => {
  useDemoDatabaseFile('rounds-route');

  const list = async (query: string) => {
    const { GET } = await import('./route');
    const response = GET(new Request(`http://localhost/api/v1/rounds${query}`));
    return { response, body: await response.json() };
  };
  const one = async (id: string, query = '') => {
    const { GET } = await import('./[id]/route');
    const response = await GET(new Request(`http://localhost/api/v1/rounds/${id}${query}`), {
      params: Promise.resolve({ id }),
    });
    return { response, body: await response.json() };
  };

  it('lists the rounds as documented, filtered by status', async () => {
    const all = await list('');
    expect(all.response.status).toBe(200);
    expect(roundListSchema.parse(all.body).rounds).toHaveLength(2);
    for (const status of ['open', 'closed']) {
      const { body } = await list(`?status=${status}`);
      expect(body.rounds.map((round: { status: string }) => round.status)).toEqual([status]);
    }
  });

  it('pages the rounds, with the next page in the body and the Link header', async () => {
    const first = await list('?limit=1');
    const body = roundListSchema.parse(first.body);
    expect(body).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(body.rounds).toHaveLength(1);
    expect(body.next).toBe('/api/v1/rounds?limit=1&page=2');
    expect(first.response.headers.get('link')).toBe(`<${body.next}>; rel="next"`);
    const second = await list('?limit=1&page=2');
    expect(second.body.rounds[0].id).not.toBe(body.rounds[0]!.id);
    expect(second.body.next).toBeNull();
    expect(second.response.headers.get('link')).toBeNull();
  });

  it('refuses any other status, or another parameter, with 400 naming it', async () => {
    for (const [query, parameter] of [
      ['?status=pending', 'status'],
      ['?status=open&status=closed', 'status'],
      ['?state=open', 'state'],
      ['?page=0', 'page'],
      ['?page=two', 'page'],
      ['?limit=201', 'limit'],
      ['?limit=5&limit=6', 'limit'],
    ] as const) {
      const { response, body } = await list(query);
      expect(response.status, query).toBe(400);
      expect(body.error.parameters.map((p: { parameter: string }) => p.parameter)).toContain(
        parameter,
      );
    }
  });

  it('answers one round with its completion table; a bad id is 400, an unknown one 404', async () => {
    const id = String((await list('?status=open')).body.rounds[0].id);
    const { response, body } = await one(id);
    expect(response.status).toBe(200);
    const parsed = roundResponseSchema.parse(body);
    expect(parsed.completion.cells.length).toBeGreaterThan(0);
    const total = Object.values(parsed.completion.counts).reduce((sum, n) => sum + n, 0);
    expect(total).toBe(parsed.completion.cells.length);
    expect((await one('abc')).response.status).toBe(400);
    expect((await one('99999999')).response.status).toBe(404);
  });

  it('pages a round’s asked actors with their cells; the counts stay the whole table’s', async () => {
    const id = String((await list('?status=open')).body.rounds[0].id);
    const whole = roundResponseSchema.parse((await one(id, '?limit=200')).body);
    expect(whole.next).toBeNull();
    expect(whole.total).toBe(whole.completion.actors.length);
    expect(whole.total).toBeGreaterThan(3);
    const seen: typeof whole.completion.cells = [];
    const actors: number[] = [];
    let path: string | null = `?limit=3`;
    while (path) {
      const { response, body } = await one(id, path.slice(path.indexOf('?')));
      const page = roundResponseSchema.parse(body);
      expect(page.completion.actors.length).toBeLessThanOrEqual(3);
      expect(page.completion.counts).toEqual(whole.completion.counts);
      expect(page.total).toBe(whole.total);
      const shown = new Set(page.completion.actors.map((actor) => actor.id));
      expect(page.completion.cells.every((cell) => shown.has(cell.actor))).toBe(true);
      expect(response.headers.get('link')).toBe(page.next ? `<${page.next}>; rel="next"` : null);
      actors.push(...shown);
      seen.push(...page.completion.cells);
      path = page.next;
    }
    // Every actor once, in order, and every cell: the pages make up the whole table.
    expect(actors).toEqual(whole.completion.actors.map((actor) => actor.id));
    expect(seen).toEqual(whole.completion.cells);
    // By default, 20 actors a page.
    const first = roundResponseSchema.parse((await one(id)).body);
    expect(first).toMatchObject({ page: 1, limit: 20 });
  });

  it('refuses a bad page or limit of a round, or another parameter, with 400 naming it', async () => {
    const id = String((await list('')).body.rounds[0].id);
    for (const [query, parameter] of [
      ['?page=0', 'page'],
      ['?limit=0', 'limit'],
      ['?limit=lots', 'limit'],
      ['?page=1&page=2', 'page'],
      ['?by=actor', 'by'],
    ] as const) {
      const { response, body } = await one(id, query);
      expect(response.status, query).toBe(400);
      expect(body.error.parameters.map((p: { parameter: string }) => p.parameter)).toEqual([
        parameter,
      ]);
    }
  });

  it('has no write: a POST answers 405, whoever sends it', async () => {
    const { POST } = await import('./route');
    const response = POST();
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
