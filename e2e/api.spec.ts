import { expect, test, type APIResponse } from '@playwright/test';
import { queryAll, queryOne } from './fixtures';

test.describe('read API', () => {
  test('lists commitments with the same filters as the screen', async ({ request }) => {
    const all = await request.get('/api/v1/commitments');
    expect(all.status()).toBe(200);
    const body = await all.json();
    expect(body.total).toBe(queryOne<{ n: number }>('SELECT count(*) AS n FROM commitments').n);
    expect(body.commitments[0]).toMatchObject({
      code: expect.any(String),
      text: expect.any(String),
      paragraphs: expect.any(String),
    });

    const filtered = await (
      await request.get('/api/v1/commitments?theme=trafficking&objective=10')
    ).json();
    const expected = queryAll<{ code: string }>(
      `SELECT code FROM commitments c WHERE theme = 'trafficking' AND EXISTS (SELECT 1 FROM commitment_objectives o WHERE o.commitment_id = c.id AND o.objective = 10) ORDER BY position`,
    ).map((row) => row.code);
    expect(filtered.commitments.map((commitment: { code: string }) => commitment.code)).toEqual(
      expected,
    );
  });

  test('returns one commitment by code, and 404 for an unknown one', async ({ request }) => {
    const code = queryOne<{ code: string }>(
      'SELECT code FROM commitments ORDER BY position LIMIT 1',
    ).code;
    const found = await request.get(`/api/v1/commitments/${code}`);
    expect(found.status()).toBe(200);
    expect((await found.json()).commitment.code).toBe(code);
    const missing = await request.get('/api/v1/commitments/NOPE-99');
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  test('lists actors by kind and region, and one by id', async ({ request }) => {
    const states = await (await request.get('/api/v1/actors?kind=state')).json();
    expect(states.total).toBe(
      queryOne<{ n: number }>(`SELECT count(*) AS n FROM actors WHERE kind = 'state'`).n,
    );
    const region = states.actors[0].region as string;
    const inRegion = await (
      await request.get(`/api/v1/actors?kind=state&region=${encodeURIComponent(region)}`)
    ).json();
    expect(inRegion.actors.every((actor: { region: string }) => actor.region === region)).toBe(
      true,
    );
    const one = await request.get(`/api/v1/actors/${states.actors[0].id}`);
    expect((await one.json()).actor.name).toBe(states.actors[0].name);
    expect((await request.get('/api/v1/actors/999999')).status()).toBe(404);
  });

  test('returns only published entries, paginated, newest first', async ({ request }) => {
    const published = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM progress_entries WHERE state = 'published'`,
    ).n;
    const unpublished = queryAll<{ id: number }>(
      `SELECT id FROM progress_entries WHERE state <> 'published'`,
    ).map((row) => row.id);
    expect(unpublished.length).toBeGreaterThan(0);
    const seen = new Set<number>();
    let next: string | null = '/api/v1/entries?limit=200';
    let previousAsOf = '9999-12-31';
    while (next) {
      const response: APIResponse = await request.get(next);
      const body: {
        total: number;
        totalIsLowerBound: boolean;
        next: string | null;
        entries: { id: number; asOf: string }[];
      } = await response.json();
      expect(body.total).toBe(Math.min(published, 10_000));
      expect(body.totalIsLowerBound).toBe(published > 10_000);
      for (const entry of body.entries) {
        expect(entry.asOf <= previousAsOf).toBe(true);
        previousAsOf = entry.asOf;
        seen.add(entry.id);
      }
      // Past the first page, `next` and the Link header carry the cursor of the page after.
      if (body.next) expect(response.headers().link).toBe(`<${body.next}>; rel="next"`);
      next = body.next;
    }
    expect(seen.size).toBe(published);
    for (const id of unpublished) expect(seen.has(id)).toBe(false);
  });

  test('filters entries by commitment, subject, status, perspective and dates', async ({
    request,
  }) => {
    const pair = queryOne<{ code: string; subject: number }>(
      `SELECT c.code, e.subject_id AS subject FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
       WHERE e.state = 'published' GROUP BY c.code, e.subject_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const body = await (
      await request.get(
        `/api/v1/entries?commitment=${pair.code}&subject=${pair.subject}&perspective=self&from=2019-01-01&to=2026-12-31&status=`,
      )
    ).json();
    const expected = queryOne<{ n: number }>(
      `SELECT count(*) AS n FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
       WHERE c.code = ? AND e.subject_id = ? AND e.perspective = 'self' AND e.state = 'published'`,
      pair.code,
      pair.subject,
    ).n;
    expect(body.total).toBe(expected);
    for (const entry of body.entries) {
      expect(entry).toMatchObject({
        commitment: { code: pair.code },
        subject: { id: pair.subject },
        perspective: 'self',
      });
    }
    const byStatus = await (
      await request.get('/api/v1/entries?status=regressed&asOf=2024-12-31')
    ).json();
    expect(byStatus.total).toBe(
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM progress_entries WHERE state = 'published' AND status = 'regressed' AND as_of <= '2024-12-31'`,
      ).n,
    );
    for (const entry of byStatus.entries) expect(entry.status).toBe('regressed');
  });

  const badRequests: [string, string][] = [
    ['/api/v1/commitments?theme=space', 'theme'],
    ['/api/v1/commitments?objective=24', 'objective'],
    ['/api/v1/commitments?objective=abc', 'objective'],
    ['/api/v1/commitments?sdg=99.9', 'sdg'],
    ['/api/v1/commitments?dutyBearer=everyone', 'dutyBearer'],
    ['/api/v1/commitments?colour=red', 'colour'],
    ['/api/v1/commitments/not%20a%20code', 'code'],
    ['/api/v1/actors?kind=alien', 'kind'],
    ['/api/v1/actors/abc', 'id'],
    ['/api/v1/actors/-1', 'id'],
    ['/api/v1/entries?status=done', 'status'],
    ['/api/v1/entries?perspective=both', 'perspective'],
    ['/api/v1/entries?from=2021-02-30', 'from'],
    ['/api/v1/entries?to=yesterday', 'to'],
    ['/api/v1/entries?asOf=2021-13-01', 'asOf'],
    ['/api/v1/entries?from=2022-01-01&to=2021-01-01', 'to'],
    ['/api/v1/entries?subject=1e3x', 'subject'],
    ['/api/v1/entries?reporter=0', 'reporter'],
    ['/api/v1/entries?commitment=tip-01', 'commitment'],
    ['/api/v1/entries?page=0', 'page'],
    ['/api/v1/entries?page=201', 'page'],
    ['/api/v1/entries?cursor=WzEsMl0', 'cursor'],
    ['/api/v1/entries?limit=1000', 'limit'],
    ['/api/v1/entries?state=draft', 'state'],
    [`/api/v1/commitments?q=${'x'.repeat(300)}`, 'q'],
  ];
  for (const [url, parameter] of badRequests) {
    test(`refuses ${url.slice(0, 60)} with a 400 naming ${parameter}`, async ({ request }) => {
      const response = await request.get(url);
      expect(response.status()).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('invalid_parameter');
      expect(
        body.error.parameters.map((error: { parameter: string }) => error.parameter),
      ).toContain(parameter);
      expect(body.error.message).toContain(parameter);
    });
  }
});
