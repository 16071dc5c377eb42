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
  const one = async (id: string) => {
    const { GET } = await import('./[id]/route');
    const response = await GET(new Request(`http://localhost/api/v1/rounds/${id}`), {
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

  it('refuses any other status, or another parameter, with 400 naming it', async () => {
    for (const [query, parameter] of [
      ['?status=pending', 'status'],
      ['?status=open&status=closed', 'status'],
      ['?state=open', 'state'],
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

  it('has no write: a POST answers 405, whoever sends it', async () => {
    const { POST } = await import('./route');
    const response = POST();
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});
