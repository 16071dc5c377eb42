import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { xmlText } from '@/lib/atom';
import { useDemoDatabaseFile } from '@/test/support/demo-database-file';

// The route reads its titles from next-intl, which needs Next.js's request scope.
vi.mock('next-intl/server', () => ({
  getTranslations:
    async () =>
    (key: string, values: Record<string, string> = {}) =>
      [key, ...Object.values(values)].join(' '),
  getRequestConfig: (config: unknown) => config,
}));

describe('GET /api/v1/feeds/entries.atom', () => {
  useDemoDatabaseFile('feed-route');

  const get = async (query: string, headers: Record<string, string> = {}) => {
    const { GET } = await import('./route');
    const response = await GET(
      new Request(`http://localhost/api/v1/feeds/entries.atom${query}`, { headers }),
    );
    return { response, text: await response.text() };
  };
  /** The entry ids of a feed, in its order, read from the entries' ids (their pages' URLs). */
  const ids = (xml: string) =>
    [...xml.matchAll(/<entry><id>[^<]*\/entries\/(\d+)<\/id>/g)].map((match) => Number(match[1]));
  const expected = (where: string, ...params: unknown[]) =>
    getDb()
      .$client.prepare(
        `SELECT e.id FROM progress_entries e JOIN commitments c ON c.id = e.commitment_id
         WHERE e.state = 'published' AND ${where}
         ORDER BY e.published_at DESC, e.id DESC LIMIT 50`,
      )
      .all(...params)
      .map((row) => (row as { id: number }).id);
  const someEntry = () =>
    getDb()
      .$client.prepare(
        `SELECT c.code, e.subject_id AS subject FROM progress_entries e
         JOIN commitments c ON c.id = e.commitment_id WHERE e.state = 'published' LIMIT 1`,
      )
      .get() as { code: string; subject: number };

  it('answers Atom with the 50 latest published entries, latest publication first', async () => {
    const { response, text } = await get('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(text).toMatch(/<link rel="self" href="[^"]*\/api\/v1\/feeds\/entries\.atom"/);
    expect(text).toMatch(/<link rel="alternate" href="[^"]*\/changes" type="text\/html"\/>/);
    expect(ids(text)).toEqual(expected('1'));
    expect(ids(text)).toHaveLength(50);
  });

  it('narrows to one commitment and to one actor, each feed with its own id and page', async () => {
    const { code, subject } = someEntry();
    const byCommitment = await get(`?commitment=${code}`);
    expect(ids(byCommitment.text)).toEqual(expected('c.code = ?', code));
    expect(byCommitment.text).toMatch(
      new RegExp(`<id>[^<]*/api/v1/feeds/entries\\.atom\\?commitment=${code}</id>`),
    );
    expect(byCommitment.text).toContain(`/commitments/${code}" type="text/html"`);
    const bySubject = await get(`?subject=${subject}`);
    expect(ids(bySubject.text)).toEqual(expected('e.subject_id = ?', subject));
    expect(bySubject.text).toContain(`/actors/${subject}" type="text/html"`);
    const both = await get(`?subject=${subject}&commitment=${code}`);
    expect(ids(both.text)).toEqual(expected('c.code = ? AND e.subject_id = ?', code, subject));
    expect(ids(both.text).length).toBeGreaterThan(0);
  });

  it('narrows to a round: its commitments, the actors it asks, as-of dates in it', async () => {
    const { listRounds, getRound, getRoundCompletion } = await import('@/db/queries/rounds');
    for (const { id } of listRounds()) {
      const round = getRound(id)!;
      const asked = getRoundCompletion(round).actors.map((actor) => actor.id);
      const codes = round.commitments.map((commitment) => commitment.code);
      const want = expected(
        `e.as_of BETWEEN ? AND ? AND c.code IN (${codes.map(() => '?').join(',')})
         AND e.subject_id IN (${asked.map(() => '?').join(',')})`,
        round.opensOn,
        round.dueOn,
        ...codes,
        ...asked,
      );
      const { response, text } = await get(`?round=${id}`);
      expect(response.status).toBe(200);
      expect(ids(text)).toEqual(want);
      expect(want.length).toBeGreaterThan(0);
      expect(text).toContain(`/rounds/${id}" type="text/html"`);
    }
  });

  it('titles each entry with actor, commitment and status, its reporter as author', async () => {
    const { text } = await get('');
    const id = ids(text)[0]!;
    const row = getDb()
      .$client.prepare(
        `SELECT s.name AS subject, r.name AS reporter, c.code, e.status, e.published_at AS at
         FROM progress_entries e JOIN actors s ON s.id = e.subject_id
         JOIN actors r ON r.id = e.reporter_id JOIN commitments c ON c.id = e.commitment_id
         WHERE e.id = ?`,
      )
      .get(id) as { subject: string; reporter: string; code: string; status: string; at: string };
    const entry = /<entry>.*?<\/entry>/s.exec(text)![0];
    const title = `entryTitle ${row.subject} ${row.code} ${row.status}`;
    expect(entry).toContain(`<title>${xmlText(title)}</title>`);
    expect(entry).toContain(`<author><name>${xmlText(row.reporter)}</name></author>`);
    expect(entry).toContain(`<updated>${row.at}</updated>`);
    expect(entry).toMatch(new RegExp(`<link rel="alternate" href="[^"]*/entries/${id}"`));
  });

  it('puts an entry dated in the past but published now at the top, updated when published', async () => {
    const sqlite = getDb().$client;
    const { actorId, userId, commitmentId } = sqlite
      .prepare(
        `SELECT u.actor_id AS actorId, u.id AS userId, e.commitment_id AS commitmentId
         FROM users u JOIN progress_entries e ON e.reporter_id = u.actor_id
         WHERE u.role = 'focal_point' AND e.state = 'published' AND e.subject_id = u.actor_id
         LIMIT 1`,
      )
      .get() as { actorId: number; userId: string; commitmentId: number };
    const publishedAt = new Date().toISOString();
    const id = sqlite
      .prepare(
        `INSERT INTO progress_entries (idempotency_key, commitment_id, subject_id, reporter_id,
           status, as_of, summary, state, created_by, published_at)
         VALUES ('backdated-feed-entry', ?, ?, ?, 'limited', '2019-01-01', 'Backdated', 'published',
           ?, ?) RETURNING id`,
      )
      .pluck()
      .get(commitmentId, actorId, actorId, userId, publishedAt) as number;
    const { text } = await get('');
    expect(ids(text)[0]).toBe(id);
    expect(/<entry>.*?<\/entry>/s.exec(text)![0]).toContain(`<updated>${publishedAt}</updated>`);
    expect(text).toMatch(new RegExp(`^<updated>${publishedAt}</updated>$`, 'm'));
    const bySubject = await get(`?subject=${actorId}`);
    expect(ids(bySubject.text)[0]).toBe(id);
  });

  it('refuses a bad or unknown value, or another parameter, with 400 naming it', async () => {
    for (const [query, parameter] of [
      ['?commitment=tip 1', 'commitment'],
      ['?commitment=ZZZ-99', 'commitment'],
      ['?subject=abc', 'subject'],
      ['?subject=99999999', 'subject'],
      ['?round=0', 'round'],
      ['?round=99999999', 'round'],
      ['?round=1&round=2', 'round'],
      ['?status=complete', 'status'],
    ] as const) {
      const { response, text } = await get(query);
      expect(response.status, query).toBe(400);
      const body = JSON.parse(text) as { error: { parameters: { parameter: string }[] } };
      expect(
        body.error.parameters.map((p) => p.parameter),
        query,
      ).toEqual([parameter]);
    }
  });

  it('carries a weak ETag; sending it back answers 304 with no body', async () => {
    const first = await get('?round=1');
    const tag = first.response.headers.get('etag')!;
    expect(tag).toMatch(/^W\/"/);
    const again = await get('?round=1', { 'If-None-Match': tag });
    expect(again.response.status).toBe(304);
    expect(again.text).toBe('');
    const other = await get('?round=2', { 'If-None-Match': tag });
    expect(other.response.status).toBe(200);
  });
});
