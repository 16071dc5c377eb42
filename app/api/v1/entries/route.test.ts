import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import * as t from '@/db/schema';
import { seedDatabase } from '@/seed';
import { issueApiToken } from '@/db/queries/api-tokens';
import { listPublishedEntries } from '@/db/queries/entries';
import { GET as listEntries, POST as createEntry } from './route';
import { POST as createBatch } from './batch/route';
import { POST as submit } from './[id]/submit/route';
import { POST as publish } from './[id]/publish/route';
import { POST as returnEntry } from './[id]/return/route';

/**
 * The write API as a client sees it, request to response (issues 16.7, 16.8, 17.7): text that is
 * not valid Unicode, prototype keys and bidirectional controls in one-line fields are refused with
 * 400 naming the field; an archived actor's members get 409 naming the reporter on every write
 * route; and after each refusal the database holds exactly what it held before.
 */
let db: Db;
const tokens = {} as Record<'aldoria' | 'bridgewellFocal' | 'bridgewellContributor', string>;
let keyCounter = 0;

const actorId = (name: string) =>
  db.select({ id: t.actors.id }).from(t.actors).where(eq(t.actors.name, name)).get()!.id;
const stateCommitment = () =>
  (
    db.$client
      .prepare(
        `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1`,
      )
      .get() as { code: string }
  ).code;
/** Every row a write changes: entries, their audit rows, current statuses. */
const contents = () =>
  JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );

function entry(overrides: Record<string, unknown> = {}) {
  keyCounter += 1;
  return {
    idempotencyKey: `route-test-${keyCounter}`,
    commitment: stateCommitment(),
    subject: actorId('Republic of Aldoria'),
    status: 'limited',
    asOf: '2026-06-30',
    summary: 'Referral mechanism adopted',
    ...overrides,
  };
}

function token(userId: string): string {
  const issued = issueApiToken(userId, 'route test', {}, db);
  if (!issued.ok) throw new Error(issued.message);
  return issued.token;
}

/** A POST with a raw JSON text body (so escapes such as \ud800 reach the server as written). */
const request = (path: string, bearer: string, body: string | null) =>
  new Request(`http://localhost/api/v1/${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${bearer}`,
      ...(body === null ? {} : { 'Content-Type': 'application/json' }),
    },
    body,
  });

async function answer(response: Response) {
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { code: string; message: string; fields?: Record<string, string> };
      entry?: { id: number; narrative: string };
    },
  };
}

const post = async (bearer: string, body: string) =>
  answer(await createEntry(request('entries', bearer, body)));
const transition = async (
  route: typeof submit,
  name: string,
  bearer: string,
  id: number,
  body: string | null = null,
) =>
  answer(
    await route(request(`entries/${id}/${name}`, bearer, body), {
      params: Promise.resolve({ id: String(id) }),
    }),
  );

beforeAll(() => {
  db = openDatabase(':memory:');
  seedDatabase(db, 'demo', '2026-11-01T00:00:00.000Z');
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  tokens.aldoria = token('demo-user-focal-aldoria');
  tokens.bridgewellFocal = token('demo-user-focal-bridgewell');
  tokens.bridgewellContributor = token('demo-user-contributor-bridgewell');
});

describe('POST /api/v1/entries: text integrity', () => {
  it('refuses a lone surrogate in any text field with 400 naming the field, and writes nothing', async () => {
    const before = contents();
    const body = JSON.stringify(entry()).slice(0, -1);
    for (const [field, json] of [
      ['summary', `${body.replace('"Referral mechanism adopted"', '"\\ud800x"')}}`],
      ['narrative', `${body},"narrative":"ok \\udfff"}`],
      [
        'evidence.0.title',
        `${body},"evidence":[{"url":"https://example.org/a","title":"\\ud83d","relation":"supports"}]}`,
      ],
    ] as const) {
      const { status, body: refused } = await post(tokens.aldoria, json);
      expect(status, field).toBe(400);
      expect(refused.error).toEqual({
        code: 'invalid_body',
        message: `Check ${field}: must be valid Unicode text: it contains a broken character (a lone surrogate)`,
        fields: {
          [field]: 'must be valid Unicode text: it contains a broken character (a lone surrogate)',
        },
      });
    }
    expect(contents()).toBe(before);
  });

  it('refuses __proto__, constructor and prototype keys with 400 naming them, and writes nothing', async () => {
    const before = contents();
    const body = JSON.stringify(entry()).slice(0, -1);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const top = await post(tokens.aldoria, `${body},"${key}":{"admin":true}}`);
      expect(top).toEqual({
        status: 400,
        body: {
          error: {
            code: 'invalid_body',
            message: `Check body: has a field named "${key}", which is not allowed`,
            fields: { body: `has a field named "${key}", which is not allowed` },
          },
        },
      });
      const nested = await post(
        tokens.aldoria,
        `${body},"evidence":[{"url":"https://example.org/a","title":"t","relation":"supports","${key}":1}]}`,
      );
      expect(nested.status).toBe(400);
      expect(nested.body.error?.fields).toEqual({
        'evidence.0': `has a field named "${key}", which is not allowed`,
      });
    }
    expect(contents()).toBe(before);
  });

  it('refuses bidirectional controls in one-line fields with 400 naming the field, and keeps them in long text', async () => {
    const before = contents();
    for (const [field, overrides] of [
      ['summary', { summary: 'Adopted \u202Eetadpu\u202C' }],
      ['summary', { summary: '\u2066Adopted' }],
      [
        'evidence.0.title',
        {
          evidence: [
            { url: 'https://example.org/a', title: 'Decree \u202Dx', relation: 'supports' },
          ],
        },
      ],
    ] as const) {
      const { status, body } = await post(tokens.aldoria, JSON.stringify(entry(overrides)));
      expect(status, field).toBe(400);
      expect(body.error?.fields).toEqual({
        [field]:
          'must not contain bidirectional control characters (U+202A to U+202E, U+2066 to U+2069)',
      });
    }
    expect(contents()).toBe(before);
    const narrative = 'A quotation: \u202Bمرسوم\u202C, shown isolated.';
    const accepted = await post(tokens.aldoria, JSON.stringify(entry({ narrative })));
    expect(accepted.status).toBe(201);
    expect(accepted.body.entry?.narrative).toBe(narrative);
  });
});

describe('the write API for members of an archived actor', () => {
  it('answers 409 naming the reporter on create, batch, submit, publish and return, and writes nothing', async () => {
    const bridgewell = 'Bridgewell Migrant Rights Network (demo)';
    const assessment = (overrides: Record<string, unknown> = {}) =>
      JSON.stringify(entry({ confidence: 'high', ...overrides }));
    const draft = (await post(tokens.bridgewellContributor, assessment())).body.entry!.id;
    const submitted = (await post(tokens.bridgewellContributor, assessment({ action: 'submit' })))
      .body.entry!.id;
    db.update(t.actors)
      .set({ archivedAt: '2026-11-02T00:00:00.000Z' })
      .where(eq(t.actors.name, bridgewell))
      .run();
    const before = contents();
    const conflict = {
      code: 'conflict',
      message: `Reporter: ${bridgewell} is archived; its members cannot write entries.`,
    };

    for (const action of ['draft', 'submit', 'publish'])
      expect(await post(tokens.bridgewellFocal, assessment({ action }))).toEqual({
        status: 409,
        body: { error: conflict },
      });
    expect(
      await answer(
        await createBatch(
          request(
            'entries/batch',
            tokens.bridgewellFocal,
            JSON.stringify({ entries: [JSON.parse(assessment({ action: 'publish' }))] }),
          ),
        ),
      ),
    ).toEqual({
      status: 409,
      body: { error: { ...conflict, message: `entries.0: ${conflict.message}` } },
    });
    expect(await transition(submit, 'submit', tokens.bridgewellContributor, draft)).toEqual({
      status: 409,
      body: { error: conflict },
    });
    expect(await transition(publish, 'publish', tokens.bridgewellFocal, submitted)).toEqual({
      status: 409,
      body: { error: conflict },
    });
    expect(
      await transition(
        returnEntry,
        'return',
        tokens.bridgewellFocal,
        submitted,
        JSON.stringify({ note: 'Add a source.' }),
      ),
    ).toEqual({ status: 409, body: { error: conflict } });
    expect(contents()).toBe(before);
  });
});

describe('GET /api/v1/entries: pages by cursor', () => {
  const get = async (query: string) => {
    const response = await listEntries(new Request(`http://localhost/api/v1/entries?${query}`));
    return {
      status: response.status,
      link: response.headers.get('Link'),
      body: await response.json(),
    };
  };

  it('follows next (and Link) from the first page to the last, each published entry once, in order', async () => {
    const all = listPublishedEntries({ perspective: 'self', limit: 100_000 }).entries.map(
      (entry) => entry.id,
    );
    expect(all.length).toBeGreaterThan(200);
    const seen: number[] = [];
    let page = await get('perspective=self&limit=97');
    expect(page.body).toMatchObject({ page: 1, total: all.length, totalIsLowerBound: false });
    for (;;) {
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(all.length);
      seen.push(...page.body.entries.map((entry: { id: number }) => entry.id));
      if (!page.body.next) break;
      expect(page.link).toBe(`<${page.body.next}>; rel="next"`);
      expect(page.body.next).toBe(
        `/api/v1/entries?perspective=self&limit=97&cursor=${page.body.nextCursor}`,
      );
      page = await get(page.body.next.split('?')[1]!);
      expect(page.body.page).toBeNull();
    }
    expect(page.link).toBeNull();
    expect(page.body.nextCursor).toBeNull();
    expect(seen).toEqual(all);
  });

  it('refuses a cursor it did not give, a page with a cursor and a page past the counted rows, naming each', async () => {
    const { body } = await get('limit=1');
    const forged = Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url');
    for (const [query, parameter] of <[string, string][]>[
      ['cursor=not*base64', 'cursor'],
      [`cursor=${forged}`, 'cursor'],
      [`cursor=${Buffer.from('{').toString('base64url')}`, 'cursor'],
      [`cursor=${body.nextCursor}&page=2`, 'page'],
      ['page=201', 'page'],
      ['page=10001&limit=1', 'page'],
    ]) {
      const refused = await get(query);
      expect(refused.status, query).toBe(400);
      expect(refused.body.error.code).toBe('invalid_parameter');
      expect(refused.body.error.parameters.map((p: { parameter: string }) => p.parameter)).toEqual([
        parameter,
      ]);
      expect(refused.body.error.message).toMatch(new RegExp(`^${parameter} [a-z]`));
    }
    expect((await get('page=200')).status).toBe(200);
    expect((await get('page=10000&limit=1')).status).toBe(200);
  });
});
