import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type APIResponse,
} from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import Database from 'better-sqlite3';
import {
  ENTRY_TOKEN,
  expectNoAxeViolations,
  issueToken,
  queryAll,
  queryOne,
  runTool,
} from './fixtures';
import { DEMO, signIn } from './pages/workspace';

/**
 * The public API as documented: every path and method of /api/v1/openapi.json is called, every
 * documented status is provoked, and every JSON response is checked against the documented
 * schema. Also: tokens created and revoked on the Account screen, and writes through them.
 */

type Operation = {
  operationId: string;
  responses: Record<
    string,
    { content?: Record<string, { schema: object }>; headers?: Record<string, unknown> }
  >;
};
type Document = { paths: Record<string, Record<string, Operation>> };

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let keyCounter = 0;
const freshKey = () => `e2e-api-${run}-${++keyCounter}`;

const actorId = (name: string) =>
  queryOne<{ id: number }>('SELECT id FROM actors WHERE name = ?', name).id;
/** A commitment that asks states to act, so it applies to every demo state. */
const stateCommitment = () =>
  queryOne<{ code: string }>(
    `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' AND c.archived_at IS NULL ORDER BY c.position LIMIT 1`,
  ).code;
const entryRow = (id: number) =>
  queryOne<
    | {
        state: string;
        created_by: string;
        withdrawn_at: string | null;
        superseded_by_id: number | null;
      }
    | undefined
  >(
    'SELECT state, created_by, withdrawn_at, superseded_by_id FROM progress_entries WHERE id = ?',
    id,
  );
const writeCount = () =>
  queryOne<{ n: string }>(
    `SELECT (SELECT count(*) FROM progress_entries) || ':' || (SELECT count(*) FROM audit_log) AS n`,
  ).n;

function entryBody(subject: number, overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: freshKey(),
    commitment: stateCommitment(),
    subject,
    status: 'substantial',
    asOf: '2026-06-30',
    summary: 'Referral mechanism adopted (via the API)',
    narrative: 'Logged by an end-to-end test through the public API.',
    measures: ['policy'],
    evidence: [{ url: 'https://example.org/decision', title: 'Decision', relation: 'supports' }],
    ...overrides,
  };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test.describe('write API and the documented contract', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });

  let api: APIRequestContext;
  let document: Document;
  let validateAgainst: (path: string, method: string, status: string, body: unknown) => void;
  const tokens = {} as Record<'focal' | 'contributor' | 'admin' | 'bravonia' | 'burst', string>;

  test.beforeAll(async ({ baseURL }) => {
    // Five runs of the token:create script: slow on a loaded machine.
    test.setTimeout(240_000);
    api = await playwrightRequest.newContext({ baseURL });
    tokens.focal = await issueToken(DEMO.aldoriaFocal.email, `e2e focal ${run}`);
    tokens.contributor = await issueToken(DEMO.aldoriaContributor.email, `e2e contributor ${run}`);
    tokens.admin = await issueToken(DEMO.admin.email, `e2e admin ${run}`);
    tokens.bravonia = await issueToken(DEMO.bravoniaFocal.email, `e2e bravonia ${run}`);
    tokens.burst = await issueToken(DEMO.aldoriaFocal.email, `e2e burst ${run}`);

    const served = await api.get('/api/v1/openapi.json');
    expect(served.status()).toBe(200);
    document = (await served.json()) as Document;
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as never);
    expect(result.valid).toBe(true);
    const resolved = validator.resolveRefs() as unknown as Document;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    validateAgainst = (path, method, status, body) => {
      const schema =
        resolved.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
      expect(schema, `${method} ${path} ${status} documents a JSON body`).toBeDefined();
      const validate = ajv.compile(schema!);
      expect(
        validate(body),
        `${method} ${path} ${status}: ${ajv.errorsText(validate.errors)}`,
      ).toBe(true);
    };
  });

  test.afterAll(async () => {
    await api.dispose();
  });

  test('every documented path, method and status answers as documented', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const bravonia = actorId('Kingdom of Bravonia');
    const published = queryOne<{ id: number }>(
      `SELECT id FROM progress_entries WHERE state = 'published' ORDER BY id LIMIT 1`,
    ).id;
    const someActor = queryOne<{ id: number }>('SELECT id FROM actors ORDER BY id LIMIT 1').id;
    const someRound = queryOne<{ id: number }>('SELECT id FROM reporting_rounds LIMIT 1').id;
    const someCode = stateCommitment();
    const huge = JSON.stringify({ ...entryBody(aldoria), narrative: 'x'.repeat(300 * 1024) });

    const post = (
      url: string,
      token: string | null,
      data?: unknown,
      headers: Record<string, string> = {},
    ) =>
      api.post(url, {
        headers: {
          ...(token ? bearer(token) : {}),
          ...(data === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(data === undefined
          ? {}
          : { data: typeof data === 'string' ? data : JSON.stringify(data) }),
      });
    const newDraft = async (
      token: string,
      overrides: Record<string, unknown> = {},
      action = 'draft',
    ) => {
      const response = await post('/api/v1/entries', token, {
        ...entryBody(aldoria, overrides),
        action,
      });
      expect(response.status(), await response.text()).toBe(201);
      return ((await response.json()) as { entry: { id: number } }).entry.id;
    };
    /** 304: the ETag of a 200 sent back as If-None-Match. */
    const revalidated = async (url: string) => {
      const first = await api.get(url);
      expect(first.status()).toBe(200);
      const etag = first.headers()['etag'];
      expect(etag).toMatch(/^W\/".+"$/);
      return api.get(url, { headers: { 'If-None-Match': etag! } });
    };

    // Cases that change state run in order; the retry and conflict reuse one key.
    const createKey = freshKey();
    const createBody = { ...entryBody(aldoria), idempotencyKey: createKey, action: 'draft' };
    const batchBody = {
      entries: [
        entryBody(aldoria, { action: 'publish' }),
        entryBody(aldoria, { action: 'submit', status: 'limited' }),
      ],
    };

    // Rate limit: one token, asked until it is over its budget (calls that write nothing).
    const untilLimited = async (call: () => Promise<APIResponse>) => {
      let last = await call();
      for (let i = 0; i < 125 && last.status() !== 429; i += 1) last = await call();
      return last;
    };
    const burst = () =>
      untilLimited(() =>
        post('/api/v1/entries', tokens.burst, 'not json', { 'Content-Type': 'text/plain' }),
      );

    const transitionCases = (
      transition: 'submit' | 'publish' | 'return' | 'withdraw',
      cases: Record<string, () => Promise<APIResponse>>,
    ) => ({
      ...cases,
      401: () => post(`/api/v1/entries/${published}/${transition}`, null, {}),
      404: () =>
        post(
          `/api/v1/entries/99999999/${transition}`,
          tokens.admin,
          transition === 'withdraw'
            ? { reason: 'x' }
            : transition === 'return'
              ? { note: 'x' }
              : {},
        ),
      413: () => post(`/api/v1/entries/${published}/${transition}`, tokens.admin, huge),
      415: () =>
        api.post(`/api/v1/entries/${published}/${transition}`, {
          headers: { ...bearer(tokens.admin), 'Content-Type': 'text/plain' },
          data: 'reason=x',
        }),
      429: () =>
        untilLimited(() => post(`/api/v1/entries/${published}/${transition}`, tokens.burst, {})),
    });

    const CASES: Record<string, Record<string, () => Promise<APIResponse>>> = {
      listCommitments: {
        200: () => api.get('/api/v1/commitments?limit=3'),
        304: () => revalidated('/api/v1/commitments?theme=trafficking'),
        400: () => api.get('/api/v1/commitments?theme=space'),
      },
      getCommitment: {
        200: () => api.get(`/api/v1/commitments/${someCode}`),
        304: () => revalidated(`/api/v1/commitments/${someCode}`),
        400: () => api.get('/api/v1/commitments/not-a-code'),
        404: () => api.get('/api/v1/commitments/NOPE-99'),
      },
      listActors: {
        200: () => api.get('/api/v1/actors?limit=5&page=2'),
        304: () => revalidated('/api/v1/actors?kind=state'),
        400: () => api.get('/api/v1/actors?kind=alien'),
      },
      getActor: {
        200: () => api.get(`/api/v1/actors/${someActor}`),
        304: () => revalidated(`/api/v1/actors/${someActor}`),
        400: () => api.get('/api/v1/actors/abc'),
        404: () => api.get('/api/v1/actors/99999999'),
      },
      listEntries: {
        200: () => api.get('/api/v1/entries?limit=2'),
        304: () => revalidated('/api/v1/entries?status=complete'),
        400: () => api.get('/api/v1/entries?limit=1000'),
      },
      getEntry: {
        200: () => api.get(`/api/v1/entries/${published}`),
        304: () => revalidated(`/api/v1/entries/${published}`),
        400: () => api.get('/api/v1/entries/0'),
        404: () => api.get('/api/v1/entries/99999999'),
      },
      createEntry: {
        201: () => post('/api/v1/entries', tokens.contributor, createBody),
        200: () => post('/api/v1/entries', tokens.contributor, createBody),
        400: () =>
          post('/api/v1/entries', tokens.contributor, {
            ...entryBody(aldoria),
            status: 'done',
            asOf: '2099-01-01',
            reporter: 3,
          }),
        401: () => post('/api/v1/entries', null, entryBody(aldoria)),
        403: () => post('/api/v1/entries', tokens.focal, entryBody(bravonia)),
        409: () => post('/api/v1/entries', tokens.focal, createBody),
        413: () => post('/api/v1/entries', tokens.contributor, huge),
        415: () =>
          api.post('/api/v1/entries', {
            headers: {
              ...bearer(tokens.contributor),
              'Content-Type': 'application/x-www-form-urlencoded',
            },
            data: 'summary=x',
          }),
        429: burst,
      },
      createEntries: {
        201: () => post('/api/v1/entries/batch', tokens.focal, batchBody),
        200: () => post('/api/v1/entries/batch', tokens.focal, batchBody),
        400: () =>
          post('/api/v1/entries/batch', tokens.focal, {
            entries: [
              entryBody(aldoria, { action: 'publish' }),
              { ...entryBody(aldoria), status: 'done' },
            ],
          }),
        401: () => post('/api/v1/entries/batch', null, { entries: [entryBody(aldoria)] }),
        403: () =>
          post('/api/v1/entries/batch', tokens.focal, {
            entries: [entryBody(aldoria, { action: 'publish' }), entryBody(bravonia)],
          }),
        409: () =>
          post('/api/v1/entries/batch', tokens.contributor, {
            entries: [entryBody(aldoria), batchBody.entries[0]],
          }),
        413: () =>
          post(
            '/api/v1/entries/batch',
            tokens.focal,
            JSON.stringify({ entries: [JSON.parse(huge)] }),
          ),
        415: () =>
          api.post('/api/v1/entries/batch', {
            headers: { ...bearer(tokens.focal), 'Content-Type': 'text/csv' },
            data: 'summary\nx',
          }),
        429: () => untilLimited(() => post('/api/v1/entries/batch', tokens.burst, {})),
      },
      submitEntry: transitionCases('submit', {
        200: async () =>
          post(`/api/v1/entries/${await newDraft(tokens.contributor)}/submit`, tokens.contributor),
        400: async () =>
          post(`/api/v1/entries/${await newDraft(tokens.contributor)}/submit`, tokens.contributor, {
            state: 'submitted',
          }),
        403: async () =>
          post(`/api/v1/entries/${await newDraft(tokens.contributor)}/submit`, tokens.focal),
      }),
      publishEntry: transitionCases('publish', {
        200: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.contributor, {}, 'submit')}/publish`,
            tokens.focal,
            {},
          ),
        400: async () =>
          post(`/api/v1/entries/${await newDraft(tokens.focal)}/publish`, tokens.focal, {
            approvedBy: 'me',
          }),
        403: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.contributor, {}, 'submit')}/publish`,
            tokens.contributor,
          ),
        409: async () => {
          const original = await newDraft(tokens.focal, { status: 'complete' }, 'publish');
          const first = await newDraft(tokens.focal, { supersedes: original });
          const second = await newDraft(tokens.focal, { supersedes: original });
          expect((await post(`/api/v1/entries/${first}/publish`, tokens.focal)).status()).toBe(200);
          return post(`/api/v1/entries/${second}/publish`, tokens.focal);
        },
      }),
      returnEntry: transitionCases('return', {
        200: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.contributor, {}, 'submit')}/return`,
            tokens.focal,
            { note: 'Please add the decision number.' },
          ),
        400: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.contributor, {}, 'submit')}/return`,
            tokens.focal,
            { note: '   ' },
          ),
        403: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.contributor, {}, 'submit')}/return`,
            tokens.contributor,
            { note: 'Not mine to return.' },
          ),
      }),
      withdrawEntry: transitionCases('withdraw', {
        200: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.focal, {}, 'publish')}/withdraw`,
            tokens.admin,
            { reason: 'Logged by a test.' },
          ),
        400: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.focal, {}, 'publish')}/withdraw`,
            tokens.admin,
            {},
          ),
        403: async () =>
          post(
            `/api/v1/entries/${await newDraft(tokens.focal, {}, 'publish')}/withdraw`,
            tokens.focal,
            { reason: 'Only admins withdraw.' },
          ),
      }),
      getSummary: {
        200: () => api.get('/api/v1/summary?perspective=independent'),
        304: () => revalidated('/api/v1/summary?asOf=2024-12-31'),
        400: () => api.get('/api/v1/summary?asOf=2024-02-30'),
      },
      getMatrix: {
        200: () => api.get('/api/v1/matrix?kind=state'),
        304: () => revalidated('/api/v1/matrix?asOf=2024-12-31'),
        400: () => api.get('/api/v1/matrix?perspective=both'),
      },
      listPairs: {
        200: () => api.get('/api/v1/pairs?flag=contested&kind=state'),
        304: () => revalidated('/api/v1/pairs?flag=stale&asOf=2024-12-31'),
        400: () => api.get('/api/v1/pairs?flag=disputed'),
      },
      ...Object.fromEntries(
        (['commitments', 'actors', 'entries', 'matrix', 'summary'] as const).map((dataset) => [
          `export${dataset[0]!.toUpperCase()}${dataset.slice(1)}`,
          {
            200: async () => {
              const csv = await api.get(`/api/v1/exports/${dataset}.csv`);
              expect(csv.status()).toBe(200);
              expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
              expect(csv.headers()['content-disposition']).toMatch(
                /^attachment; filename=".+\.csv"$/,
              );
              return api.get(`/api/v1/exports/${dataset}.json`);
            },
            400: () => api.get(`/api/v1/exports/${dataset}.json?colour=red`),
            404: () => api.get(`/api/v1/exports/${dataset}.xml`),
          },
        ]),
      ),
      listRounds: {
        200: () => api.get('/api/v1/rounds?status=closed'),
        304: () => revalidated('/api/v1/rounds'),
        400: () => api.get('/api/v1/rounds?status=pending'),
      },
      getRound: {
        200: () => api.get(`/api/v1/rounds/${someRound}`),
        304: () => revalidated(`/api/v1/rounds/${someRound}`),
        400: () => api.get('/api/v1/rounds/abc'),
        404: () => api.get('/api/v1/rounds/99999999'),
      },
      getEntriesFeed: {
        200: () => api.get(`/api/v1/feeds/entries.atom?round=${someRound}`),
        304: () => revalidated(`/api/v1/feeds/entries.atom?commitment=${someCode}`),
        400: () => api.get('/api/v1/feeds/entries.atom?subject=99999999'),
      },
      getOpenApi: {
        200: () => api.get('/api/v1/openapi.json'),
      },
    };

    const documented: string[] = [];
    const exercised: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const cases = CASES[operation.operationId];
        expect(
          cases,
          `a case for every documented operation (${operation.operationId})`,
        ).toBeDefined();
        // Create (201) before its retry (200).
        const statuses = Object.keys(operation.responses).sort((a, b) =>
          a === '201' ? -1 : b === '201' ? 1 : Number(a) - Number(b),
        );
        for (const status of statuses) {
          documented.push(`${operation.operationId} ${status}`);
          const call = cases![status];
          if (!call) continue;
          const response = await call();
          exercised.push(`${operation.operationId} ${status}`);
          expect(
            response.status(),
            `${method.toUpperCase()} ${path} should answer ${status}: ${await response.text()}`,
          ).toBe(Number(status));
          const spec = operation.responses[status]!;
          for (const header of Object.keys(spec.headers ?? {})) {
            if (header === 'Link' && status === '200' && !(await response.json()).next) continue;
            expect(
              response.headers()[header.toLowerCase()],
              `${operation.operationId} ${status} sends ${header}`,
            ).toBeTruthy();
          }
          if (spec.content?.['application/json'])
            validateAgainst(path, method, status, await response.json());
          else if (spec.content?.['application/atom+xml'])
            expect(await response.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
          else expect(await response.body()).toHaveLength(0);
        }
      }
    }
    expect(exercised).toEqual(documented);
    // No case for a status the document does not promise.
    const caseKeys = Object.entries(CASES).flatMap(([operationId, cases]) =>
      Object.keys(cases).map((status) => `${operationId} ${status}`),
    );
    expect(caseKeys.filter((key) => !documented.includes(key))).toEqual([]);
    if (
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM progress_entries WHERE idempotency_key = ?`,
        createKey,
      ).n !== 1
    )
      throw new Error('the retried create made a duplicate');
  });

  test('create and publish in one step is one transaction; a refusal writes nothing', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const before = writeCount();
    const refused = await api.post('/api/v1/entries', {
      headers: { ...bearer(tokens.contributor), 'Content-Type': 'application/json' },
      data: JSON.stringify({ ...entryBody(aldoria), action: 'publish' }),
    });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    expect(writeCount()).toBe(before);

    const response = await api.post('/api/v1/entries', {
      headers: { ...bearer(tokens.focal), 'Content-Type': 'application/json' },
      data: JSON.stringify({ ...entryBody(aldoria), action: 'publish' }),
    });
    expect(response.status()).toBe(201);
    const { entry } = await response.json();
    expect(entry).toMatchObject({
      state: 'published',
      reporter: { id: aldoria },
      subject: { id: aldoria },
      perspective: 'self',
    });
    expect(entryRow(entry.id)).toMatchObject({
      state: 'published',
      created_by: 'demo-user-focal-aldoria',
    });
    expect(
      queryAll<{ action: string; request_id: string }>(
        `SELECT action, request_id FROM audit_log WHERE entity_type = 'progress_entry' AND entity_id = ? ORDER BY id`,
        String(entry.id),
      ).map((row) => row.action),
    ).toEqual(['entry.create', 'entry.publish']);
    // Published means public: the read API shows it at once, and its list ETag has moved.
    expect((await api.get(`/api/v1/entries/${entry.id}`)).status()).toBe(200);
  });

  test('a batch is one transaction: an entry refused leaves nothing of it, and the error names that entry', async () => {
    const aldoria = actorId('Republic of Aldoria');
    const send = (token: string, entries: unknown[]) =>
      api.post('/api/v1/entries/batch', {
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        data: JSON.stringify({ entries }),
      });
    const before = writeCount();
    const refused = await send(tokens.focal, [
      entryBody(aldoria, { action: 'publish' }),
      entryBody(aldoria, { action: 'publish', asOf: '2099-12-31', summary: '' }),
    ]);
    expect(refused.status()).toBe(400);
    const { error } = await refused.json();
    expect(Object.keys(error.fields).sort()).toEqual(['entries.1.asOf', 'entries.1.summary']);
    expect(writeCount()).toBe(before);

    const response = await send(tokens.focal, [
      entryBody(aldoria, { action: 'publish', status: 'complete' }),
      entryBody(aldoria, { action: 'draft' }),
    ]);
    expect(response.status()).toBe(201);
    const { entries } = (await response.json()) as {
      entries: { id: number; state: string; status: string }[];
    };
    expect(entries.map((entry) => [entry.state, entry.status])).toEqual([
      ['published', 'complete'],
      ['draft', 'substantial'],
    ]);
    expect(entries.map((entry) => entryRow(entry.id)?.state)).toEqual(['published', 'draft']);
    // Published means public at once; the draft stays private.
    expect((await api.get(`/api/v1/entries/${entries[0]!.id}`)).status()).toBe(200);
    expect((await api.get(`/api/v1/entries/${entries[1]!.id}`)).status()).toBe(404);
  });

  test('bad input is refused field by field, and nothing is written', async () => {
    const before = writeCount();
    const response = await api.post('/api/v1/entries', {
      headers: { ...bearer(tokens.contributor), 'Content-Type': 'application/json' },
      data: JSON.stringify({
        idempotencyKey: 'short',
        commitment: 'tip-1',
        subject: 'x',
        status: 'done',
        asOf: '2021-02-30',
        summary: '',
        evidence: [{ url: 'ftp://x', title: '', relation: 'maybe' }],
        action: 'shout',
        reporter: 1,
      }),
    });
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_body');
    expect(Object.keys(error.fields).sort()).toEqual(
      [
        'action',
        'asOf',
        'commitment',
        'evidence.0.relation',
        'evidence.0.title',
        'evidence.0.url',
        'idempotencyKey',
        'reporter',
        'status',
        'subject',
        'summary',
      ].sort(),
    );
    for (const field of Object.keys(error.fields)) expect(error.message).toContain(field);
    const broken = await api.post('/api/v1/entries', {
      headers: { ...bearer(tokens.contributor), 'Content-Type': 'application/json' },
      data: Buffer.from('{"summary": '),
    });
    expect(broken.status()).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
    expect(writeCount()).toBe(before);
  });

  test('broken text, prototype keys and bidirectional controls in one-line fields are refused by field, and nothing is written', async () => {
    const before = writeCount();
    const send = (url: string, body: string) =>
      api.post(url, {
        headers: { ...bearer(tokens.focal), 'Content-Type': 'application/json' },
        data: body,
      });
    const valid = JSON.stringify(entryBody(actorId('Republic of Aldoria'))).slice(0, -1);
    const cases: [string, string, string][] = [
      ['/api/v1/entries', `${valid},"summary":"\\ud800x"}`, 'summary'],
      ['/api/v1/entries', `${valid},"narrative":"\\udfff"}`, 'narrative'],
      [
        '/api/v1/entries/batch',
        `{"entries":[${valid},"summary":"ok \\ud83d"}]}`,
        'entries.0.summary',
      ],
      ['/api/v1/entries', `${valid},"__proto__":{"admin":true}}`, 'body'],
      ['/api/v1/entries', `${valid},"constructor":1}`, 'body'],
      [
        '/api/v1/entries',
        `${valid},"evidence":[{"url":"https://example.org","title":"t","relation":"supports","prototype":1}]}`,
        'evidence.0',
      ],
      [
        '/api/v1/entries',
        JSON.stringify(
          entryBody(actorId('Republic of Aldoria'), { summary: 'Adopted \u202Eetadpu\u202C' }),
        ),
        'summary',
      ],
      [
        '/api/v1/entries/batch',
        JSON.stringify({
          entries: [
            entryBody(actorId('Republic of Aldoria'), {
              evidence: [{ url: 'https://example.org', title: '\u2067x', relation: 'supports' }],
            }),
          ],
        }),
        'entries.0.evidence.0.title',
      ],
    ];
    for (const [url, body, field] of cases) {
      const response = await send(url, body);
      expect(response.status(), `${url} ${body.slice(-60)}`).toBe(400);
      const { error } = (await response.json()) as {
        error: { code: string; message: string; fields: Record<string, string> };
      };
      expect(error.code).toBe('invalid_body');
      expect(Object.keys(error.fields)).toEqual([field]);
      expect(error.message).toContain(field);
      validateAgainst(url, 'post', '400', { error });
    }
    expect(
      (await send('/api/v1/entries', `${valid},"__proto__":1}`).then((response) => response.json()))
        .error.message,
    ).toContain('"__proto__"');
    expect(writeCount()).toBe(before);
    // Long text keeps its bidirectional controls (shown isolated).
    const narrative = 'Quoted: \u202Bمرسوم\u202C.';
    const kept = await send(
      '/api/v1/entries',
      JSON.stringify(entryBody(actorId('Republic of Aldoria'), { narrative })),
    );
    expect(kept.status()).toBe(201);
    expect(((await kept.json()) as { entry: { narrative: string } }).entry.narrative).toBe(
      narrative,
    );
  });

  test("an archived actor's members are refused with 409 naming it on create, batch and every transition, and nothing is written", async () => {
    // An actor of this run's own, so no other spec sees it archived.
    const name = `E2E Archived Network ${run}`;
    const database = new Database(process.env.E2E_DATABASE_PATH!);
    database.pragma('busy_timeout = 30000');
    const archivedId = Number(
      database.prepare(`INSERT INTO actors (kind, name) VALUES ('cso', ?)`).run(name)
        .lastInsertRowid,
    );
    const email = `focal.${run}@archived.example`;
    await runTool(
      'db/user-create.ts',
      [
        '--email',
        email,
        '--name',
        'Archived Focal',
        '--role',
        'focal_point',
        '--actor',
        String(archivedId),
      ],
      { PASSWORD: `archived-focal-${run}-long-enough` },
    );
    const token = await issueToken(email, `e2e archived ${run}`);
    const post = (url: string, data: unknown) =>
      api.post(url, {
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        data: JSON.stringify(data),
      });
    const assessment = (action: string) => ({
      ...entryBody(actorId('Republic of Aldoria'), { confidence: 'medium' }),
      action,
    });
    const ids: number[] = [];
    for (const action of ['draft', 'submit']) {
      const response = await post('/api/v1/entries', assessment(action));
      expect(response.status(), await response.text()).toBe(201);
      ids.push(((await response.json()) as { entry: { id: number } }).entry.id);
    }
    database
      .prepare('UPDATE actors SET archived_at = ? WHERE id = ?')
      .run(new Date().toISOString(), archivedId);
    database.close();

    const before = writeCount();
    const refused = async (response: APIResponse, prefix = '') => {
      expect(response.status()).toBe(409);
      expect(await response.json()).toEqual({
        error: {
          code: 'conflict',
          message: `${prefix}Reporter: ${name} is archived; its members cannot write entries.`,
        },
      });
    };
    for (const action of ['draft', 'submit', 'publish'])
      await refused(await post('/api/v1/entries', assessment(action)));
    await refused(
      await post('/api/v1/entries/batch', { entries: [assessment('publish')] }),
      'entries.0: ',
    );
    await refused(await post(`/api/v1/entries/${ids[0]}/submit`, {}));
    await refused(await post(`/api/v1/entries/${ids[0]}/publish`, {}));
    await refused(await post(`/api/v1/entries/${ids[1]}/publish`, {}));
    await refused(await post(`/api/v1/entries/${ids[1]}/return`, { note: 'Add a source.' }));
    expect(writeCount()).toBe(before);
    expect(ids.map((id) => entryRow(id)?.state)).toEqual(['draft', 'submitted']);
  });

  test('a method a resource does not have answers 405 in the same error shape', async () => {
    for (const [method, url] of [
      ['PUT', '/api/v1/commitments'],
      ['DELETE', '/api/v1/entries'],
      ['PATCH', '/api/v1/actors/1'],
      ['GET', '/api/v1/entries/1/publish'],
    ] as const) {
      const response = await api.fetch(url, { method });
      expect(response.status(), `${method} ${url}`).toBe(405);
      expect(response.headers()['allow']).toBeTruthy();
      expect((await response.json()).error.code).toBe('method_not_allowed');
    }
  });

  test('a token created on Account writes, a cookie never does, and a revoked token stops working', async ({
    page,
    baseURL,
  }) => {
    await signIn(page, DEMO.aldoriaFocal, '/account');
    const name = `Monthly report ${run}`;
    await page.getByLabel('Token name').fill(name);
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByLabel('Your new API token');
    await expect(shown).toHaveValue(ENTRY_TOKEN);
    const token = await shown.inputValue();
    await expect(
      page.getByRole('status').filter({ hasText: `Token "${name}" created` }),
    ).toBeVisible();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(token.slice(0, 9));
    await expect(row).toContainText('Active');
    await expect(row).toContainText('never');
    expect(
      queryOne<{ n: number }>(
        'SELECT count(*) AS n FROM api_tokens WHERE token_hash LIKE ? OR prefix = ?',
        `%${token}%`,
        token,
      ).n,
    ).toBe(0);
    await expectNoAxeViolations(page);

    // The browser's session cookie does not write: only a bearer token does.
    const withCookie = await page.request.post('/api/v1/entries', {
      headers: { 'Content-Type': 'application/json', Origin: baseURL! },
      data: JSON.stringify(entryBody(actorId('Republic of Aldoria'))),
    });
    expect(withCookie.status()).toBe(401);
    expect(withCookie.headers()['www-authenticate']).toMatch(/^Bearer/);

    const created = await api.post('/api/v1/entries', {
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      data: JSON.stringify(entryBody(actorId('Republic of Aldoria'))),
    });
    expect(created.status()).toBe(201);
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText('never');

    await page.getByRole('button', { name: `Revoke token ${name}` }).click();
    await expect(
      page.getByRole('status').filter({ hasText: `Token "${name}" revoked` }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
    await expect(page.getByRole('button', { name: `Revoke token ${name}` })).toHaveCount(0);

    const refused = await api.post('/api/v1/entries', {
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      data: JSON.stringify(entryBody(actorId('Republic of Aldoria'))),
    });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['www-authenticate']).toContain('invalid_token');
    expect((await refused.json()).error.code).toBe('unauthorized');
    expect(
      queryOne<{ n: number }>(
        `SELECT count(*) AS n FROM audit_log WHERE action IN ('api_token.issue', 'api_token.revoke') AND user_id = 'demo-user-focal-aldoria' AND entity_id = (SELECT CAST(id AS TEXT) FROM api_tokens WHERE name = ?)`,
        name,
      ).n,
    ).toBe(2);
  });
});
