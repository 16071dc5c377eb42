import { describe, expect, it } from 'vitest';
import { computeSummary } from '@/db/queries/summary';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';

describe('GET /api/v1/pairs', () => {
  useDemoDatabaseFile('pairs-route');

  const get = async (query: string) => {
    const { GET } = await import('./route');
    const response = await GET(new Request(`http://localhost/api/v1/pairs${query}`));
    return { response, body: await response.json() };
  };

  it('lists the contested pairs of a view with both entries, as many as the figure, paged with a Link', async () => {
    const { response, body } = await get('?flag=contested&kind=state&limit=5');
    expect(response.status).toBe(200);
    const figures = computeSummary({ kind: 'state' }, { theme: (theme) => theme }).figures;
    expect(body.total).toBe(figures.contested);
    expect(body.total).toBeGreaterThan(5);
    expect(body.pairs).toHaveLength(5);
    for (const pair of body.pairs) {
      expect(pair.contested).toBe(true);
      expect(pair.self.entryId).toBeGreaterThan(0);
      expect(pair.independent.entryId).toBeGreaterThan(0);
    }
    expect(body.next).toBe('/api/v1/pairs?flag=contested&kind=state&limit=5&page=2');
    expect(response.headers.get('link')).toBe(`<${body.next}>; rel="next"`);
    const second = await get('?flag=contested&kind=state&limit=5&page=2');
    expect(second.body.pairs[0]).not.toEqual(body.pairs[0]);
  });

  it('refuses an unknown flag with 400 naming flag, in plain words', async () => {
    const { response, body } = await get('?flag=disputed');
    expect(response.status).toBe(400);
    expect(JSON.stringify(body)).toContain('flag');
    expect(JSON.stringify(body)).toContain(
      'must be one of: contested, stale, regressed, adverse_effects',
    );
  });

  it('refuses other bad input by name: a parameter it does not know, a bad date, a bad page', async () => {
    for (const [query, parameter] of [
      ['?colour=red', 'colour'],
      ['?asOf=2024-02-30', 'asOf'],
      ['?page=0', 'page'],
      ['?flag=contested&flag=stale', 'flag'],
    ]) {
      const { response, body } = await get(query as string);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(body), query).toContain(parameter as string);
    }
  });

  it('without a flag lists every reported pair, and past the last page nothing', async () => {
    const { body } = await get('?commitment=TIP-01');
    expect(body.flag).toBeNull();
    expect(body.total).toBeGreaterThan(0);
    expect(body.next).toBeNull();
    const beyond = await get('?commitment=TIP-01&page=99');
    expect(beyond.body.pairs).toEqual([]);
  });
});
