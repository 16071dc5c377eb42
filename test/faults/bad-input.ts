/**
 * `npm run test:bad-input [-- --port 3251 --reuse-build]`
 *
 * Sends the generated corpus (bad-input-corpus.ts) to every route handler under app/api (found on
 * disk, every HTTP method) and to every server action in the build's manifest, signed in where a
 * route needs it, and proves: no 5xx; every refusal of a field names it; oversized bodies get 413
 * before parsing; and the database content is unchanged, table by table. Exits 1 otherwise.
 */
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  assertPortFree,
  DIST_DIR,
  ensureBuild,
  freshDatabase,
  issueToken,
  options,
  removeDir,
  ROOT,
  startServer,
  stopServer,
} from './harness';
import { tableChecksums } from './invariants';
import {
  BAD_STRINGS,
  entryBodyCases,
  FORGED_IDS,
  queryCases,
  routeHandlers,
  serverActions,
  WRONG_TYPES,
  wholeBodyCases,
  type ServerAction,
} from './bad-input-corpus';
import { BODY_LIMITS } from '../../lib/request-guards';
import { PARAMETERS } from '../../lib/query-params';

// React's client-side reply encoder, the one Next.js bundles, so forms are posted as a browser would.
const { encodeReply } = createRequire(import.meta.url)(
  'next/dist/compiled/react-server-dom-webpack/client.node.js',
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

/**
 * Tables that change by design when bad input arrives, left out of the checksum:
 * rate_limits (better-auth counts every auth request per client address, refused or not) and
 * sign_in_attempts (the per-e-mail throttle counts failed sign-ins: that is its job),
 * api_write_limits (each token's write budget, spent by refused writes too, in a table the limiter
 * creates on first use); and api_tokens.last_used_at, the time the corpus's valid token was last
 * presented.
 */
const CHANGING_BY_DESIGN = ['rate_limits', 'sign_in_attempts', 'api_write_limits'];
/** Columns that record use, refused or not: the corpus presents its valid API token with bad bodies. */
const USE_COLUMNS = { api_tokens: ['last_used_at'] };

interface Outcome {
  target: string;
  label: string;
  status: number;
  problem: string | null;
}

const outcomes: Outcome[] = [];

function flag(outcome: Outcome): void {
  if (outcome.problem)
    console.error(`  PROBLEM ${outcome.target} | ${outcome.label} -> ${outcome.problem}`);
  outcomes.push(outcome);
}

function judge(
  target: string,
  label: string,
  status: number,
  text: string,
  expect: { field?: string; mustRefuse: boolean },
): void {
  let problem: string | null = null;
  if (status >= 500) problem = `server error ${status}`;
  else if (expect.mustRefuse && status < 400) problem = `accepted (${status}) instead of refused`;
  else if (
    (status === 400 || status === 422) &&
    expect.field &&
    !text.toLowerCase().includes(expect.field.toLowerCase().split('.')[0]!)
  )
    problem = `refused without naming ${expect.field}`;
  // 405 (method) and 431 (Node's own refusal of oversized headers, before any code of ours) carry no body.
  else if (status >= 400 && text.trim() === '' && status !== 405 && status !== 431)
    problem = `refused (${status}) with an empty body`;
  else if (/SQLITE|at \w+ \(|\.ts:\d+|node_modules/.test(text)) problem = 'leaks internals';
  const outcome = {
    target,
    label,
    status,
    problem: problem ? `${problem}: ${text.slice(0, 200).replace(/\s+/g, ' ')}` : null,
  };
  flag(outcome);
}

async function send(
  url: string,
  init: RequestInit,
  retry = true,
): Promise<{ status: number; text: string; headers: Headers }> {
  try {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  } catch (error) {
    // A socket the server closed after refusing oversized headers (431) fails the next request once.
    if (retry) return send(url, init, false);
    return { status: 599, text: `no response: ${String(error)}`, headers: new Headers() };
  }
}

async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookies = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
  if (response.status !== 200 || !cookies)
    throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return cookies;
}

/** React's reply encoding of server action arguments: JSON, strings starting with $ escaped. */
function encodeArgs(args: unknown[], formAt?: number): string {
  return JSON.stringify(
    args.map((arg, index) => (index === formAt ? '$K1' : arg)),
    (_key, value) =>
      typeof value === 'string' && value.startsWith('$') && value !== '$K1' ? `$${value}` : value,
  );
}

function actionRequest(
  baseUrl: string,
  action: ServerAction,
  page: string,
  cookie: string,
  body: string | FormData | Buffer,
  contentType?: string,
): Promise<{ status: number; text: string; headers: Headers }> {
  const headers: Record<string, string> = {
    'next-action': action.id,
    accept: 'text/x-component',
    origin: baseUrl,
    cookie,
  };
  if (contentType) headers['content-type'] = contentType;
  return send(`${baseUrl}${page}`, { method: 'POST', headers, body: body as BodyInit });
}

/** A form post encoded exactly as the page's script sends it: React's own encodeReply. */
async function formOf(
  fields: Record<string, string | string[]>,
  args: unknown[],
  formAt: number,
): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  const encoded = await encodeReply(args.map((arg, index) => (index === formAt ? form : arg)));
  if (!(encoded instanceof FormData)) throw new Error('encodeReply did not produce a form');
  return encoded;
}

async function main(): Promise<number> {
  const opts = options({ port: 3251, 'reuse-build': false, keep: false });
  await assertPortFree(opts.port);
  ensureBuild(opts['reuse-build']);
  const database = freshDatabase('bad-input');
  const readonly = new Database(database.file, { readonly: true });
  const one = <T>(sql: string, ...params: unknown[]) => readonly.prepare(sql).get(...params) as T;
  const aldoria = one<{ id: number }>(
    `SELECT id FROM actors WHERE name LIKE 'Republic of Aldoria%'`,
  ).id;
  const bravonia = one<{ id: number }>(
    `SELECT id FROM actors WHERE name LIKE 'Kingdom of Bravonia%'`,
  ).id;
  const commitment = one<{ code: string }>(
    `SELECT code FROM commitments ORDER BY code LIMIT 1`,
  ).code;
  const foreignEntry = one<{ id: number }>(
    `SELECT id FROM progress_entries WHERE reporter_id = ? AND state = 'published' LIMIT 1`,
    bravonia,
  ).id;
  const foreignDraft =
    one<{ id: number } | undefined>(
      `SELECT id FROM progress_entries WHERE reporter_id = ? AND state <> 'published' LIMIT 1`,
      bravonia,
    )?.id ?? foreignEntry;
  const someUser = one<{ id: string }>(`SELECT id FROM users WHERE role = 'admin' LIMIT 1`).id;
  readonly.close();

  const token = issueToken(database.file, 'focal.aldoria@demo.example', 'bad-input test');
  const server = await startServer(database.file, opts.port);
  const base = server.baseUrl;
  let failed = false;
  try {
    const focal = await signIn(base, 'focal.aldoria@demo.example', 'aldoria-focal-2017');
    const admin = await signIn(base, 'admin@demo.example', 'vienna-admin-2017');
    const before = tableChecksums(database.file, CHANGING_BY_DESIGN, USE_COLUMNS);
    const snapshot = path.join(database.dir, 'before.db');
    await new Database(database.file, { readonly: true }).backup(snapshot);

    const entryBase = {
      idempotencyKey: 'bad-input-0001',
      commitment,
      subject: aldoria,
      status: 'limited',
      asOf: '2025-01-15',
      summary: 'A valid summary',
      narrative: '',
      confidence: null,
    };
    const entryCases = entryBodyCases(entryBase, { foreignSubject: bravonia, foreignEntry });
    const ids = {
      id: [
        String(foreignDraft),
        ...FORGED_IDS.map((forged) => String(forged.value)),
        '%00',
        'null',
        '1%2F..%2F..',
      ],
      code: ['NOPE-99', "TIP-01' OR 1=1", '%3Cscript%3E'],
      all: ['sign-up/email', 'delete-user', '..%2F..%2Fv1', 'sign-in/email'],
    };

    // Route handlers, every method, every path parameter forged.
    const routes = routeHandlers(ROOT);
    for (const template of routes) {
      const segments = [...template.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((match) => match[1]!);
      const urls =
        segments.length === 0
          ? [template]
          : (ids[segments[0] as keyof typeof ids] ?? ids.id).map((value) =>
              template
                .replace(/\[(?:\.\.\.)?\w+\]/, value)
                .replace(/\[(?:\.\.\.)?\w+\]/g, 'publish'),
            );
      // The first URL gets the whole corpus; every forged path parameter gets a read and a write.
      const [first, ...forged] = urls;
      for (const url of forged) {
        const get = await send(`${base}${url}`, {});
        judge(`GET ${template}`, `path ${url}`, get.status, get.text, {
          mustRefuse: !template.startsWith('/api/auth'),
          field: template.startsWith('/api/auth') ? undefined : segments[0],
        });
        const post = await send(`${base}${url}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            origin: base,
          },
          body: '{}',
        });
        judge(`POST ${template}`, `path ${url}`, post.status, post.text, { mustRefuse: true });
      }
      const url = first!;
      const get = await send(`${base}${url}`, {});
      // (The first id is a real one: an actor or commitment answers; another actor's draft entry does not.)
      judge(`GET ${template}`, `path ${url}`, get.status, get.text, {
        mustRefuse: template.startsWith('/api/v1/entries/'),
        field: segments[0],
      });
      for (const query of queryCases(Object.keys(PARAMETERS))) {
        const response = await send(`${base}${url}?${query.search}`, {});
        judge(`GET ${template}`, query.label, response.status, response.text, {
          mustRefuse:
            query.mustRefuse && !template.startsWith('/api/auth') && template !== '/api/health',
          field: query.parameter,
        });
      }
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const auth of [
          `Bearer ${token}`,
          null,
          'Bearer ct_forgedforgedforgedforgedforgedforgedforged0',
        ]) {
          for (const body of wholeBodyCases()) {
            if (auth !== `Bearer ${token}` && method !== 'POST') continue;
            const headers: Record<string, string> = { origin: base };
            if (auth) headers.authorization = auth;
            if (body.contentType) headers['content-type'] = body.contentType;
            const response = await send(`${base}${url}`, {
              method,
              headers,
              body: body.body as BodyInit,
            });
            judge(
              `${method} ${template}`,
              `${body.label}${auth === null ? ' (no token)' : auth.includes(token) ? '' : ' (forged token)'}`,
              response.status,
              response.text,
              { mustRefuse: true, field: 'body' },
            );
          }
        }
        const huge = await send(`${base}${url}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ summary: 'z'.repeat(BODY_LIMITS.api + 10) }),
        });
        judge(`${method} ${template}`, 'body over the limit', huge.status, huge.text, {
          mustRefuse: true,
        });
        if (huge.status !== 413)
          flag({
            target: `${method} ${template}`,
            label: 'body over the limit',
            status: huge.status,
            problem: `expected 413, got ${huge.status}`,
          });
        if (method !== 'POST') continue;
        // An entry's cases alone, and as the second entry of a batch behind a valid one (all or nothing).
        const batch = template === '/api/v1/entries/batch';
        for (const entryCase of template === '/api/v1/entries' || batch ? entryCases : []) {
          for (const action of ['publish', 'draft']) {
            const entry = { action, ...(entryCase.body as object) };
            const body = batch
              ? {
                  entries: [
                    { ...entryBase, idempotencyKey: 'bad-input-batch-0001', action },
                    entry,
                  ],
                }
              : entry;
            const response = await send(`${base}${url}`, {
              method,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            judge(
              `POST ${template}`,
              `${entryCase.label} (${action})`,
              response.status,
              response.text,
              { mustRefuse: true, field: entryCase.field },
            );
          }
        }
      }
      console.log(`  ${template}: ${outcomes.length} requests so far`);
    }

    // Server actions, from the build's manifest.
    const actions = serverActions(path.join(ROOT, DIST_DIR));
    for (const action of actions) {
      console.log(`  action ${action.name}: ${outcomes.length} requests so far`);
      const adminOnly = /User|withdraw/.test(action.name);
      // Signing out takes no input, so a body that decodes is a real sign-out: it is tried signed
      // out, or it would end the session the other actions are tried with.
      const cookie = action.name === 'signOut' ? '' : adminOnly ? admin : focal;
      const page = action.page.replace(/\[\w+\]/g, String(foreignEntry));
      const target = `action ${action.name} (${action.file})`;
      const malformed: [string, string | Buffer, string][] = [
        ['unparsable arguments', '[', 'text/plain;charset=UTF-8'],
        ['arguments not a list', '{"a":1}', 'text/plain;charset=UTF-8'],
        ['reference to a missing form', '["$K99"]', 'text/plain;charset=UTF-8'],
        ['reference to a missing chunk', '["$@999","$Q1","$T"]', 'text/plain;charset=UTF-8'],
        [
          'invalid UTF-8',
          Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]),
          'text/plain;charset=UTF-8',
        ],
        [
          'multipart without arguments',
          '--x\r\nContent-Disposition: form-data; name="9"\r\n\r\nv\r\n--x--\r\n',
          'multipart/form-data; boundary=x',
        ],
        [
          'broken multipart',
          '--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[',
          'multipart/form-data; boundary=x',
        ],
      ];
      for (const [label, body, type] of malformed) {
        const response = await actionRequest(base, action, page, cookie, body, type);
        judge(target, label, response.status, response.text, { mustRefuse: false });
      }
      const huge = await actionRequest(
        base,
        action,
        page,
        cookie,
        'z'.repeat(BODY_LIMITS.page + 10),
        'text/plain;charset=UTF-8',
      );
      judge(target, 'body over the limit', huge.status, huge.text, { mustRefuse: true });
      if (huge.status !== 413)
        flag({
          target,
          label: 'body over the limit',
          status: huge.status,
          problem: `expected 413, got ${huge.status}`,
        });
      const crossOrigin = await send(`${base}${page}`, {
        method: 'POST',
        headers: {
          'next-action': action.id,
          origin: 'https://elsewhere.example',
          cookie,
          'content-type': 'text/plain',
        },
        body: '[]',
      });
      judge(target, 'cross-origin', crossOrigin.status, crossOrigin.text, { mustRefuse: true });
      if (crossOrigin.status !== 403)
        flag({
          target,
          label: 'cross-origin',
          status: crossOrigin.status,
          problem: `expected 403, got ${crossOrigin.status}`,
        });
      // Signing out is a valid request whatever it is sent: only malformed encodings are tried on it.
      if (action.name === 'signOut') continue;
      for (const bad of [
        ...FORGED_IDS,
        ...WRONG_TYPES,
        ...BAD_STRINGS.slice(0, 8),
        { label: 'entry of another actor', value: foreignDraft },
      ]) {
        const response = await actionRequest(
          base,
          action,
          page,
          cookie,
          encodeArgs([bad.value, bad.value, bad.value]),
          'text/plain;charset=UTF-8',
        );
        judge(target, `every argument ${bad.label}`, response.status, response.text, {
          mustRefuse: false,
        });
      }
      const forms = actionForms(action.name, { aldoria, commitment, someUser });
      for (const form of forms) {
        const response = await actionRequest(
          base,
          action,
          page,
          cookie,
          await formOf(form.fields, form.args, form.formAt),
        );
        const said = `${response.text} ${decodeURIComponent(response.headers.get('x-action-redirect') ?? response.headers.get('location') ?? '')}`;
        judge(target, form.label, response.status, said, { mustRefuse: false });
        const named = said.toLowerCase().includes(form.field.toLowerCase());
        if (response.status < 500 && !named)
          flag({
            target,
            label: form.label,
            status: response.status,
            problem: `the answer does not name ${form.field}: ${said.slice(0, 700)}`,
          });
      }
    }

    const after = tableChecksums(database.file, CHANGING_BY_DESIGN, USE_COLUMNS);
    const changed = Object.keys({ ...before, ...after }).filter(
      (table) => before[table] !== after[table],
    );
    const problems = outcomes.filter((outcome) => outcome.problem);
    const byStatus = outcomes.reduce<Record<number, number>>(
      (counts, outcome) => ({ ...counts, [outcome.status]: (counts[outcome.status] ?? 0) + 1 }),
      {},
    );
    if (changed.length > 0)
      console.error(`  tables changed by refused input: ${changed.join(', ')}`);
    for (const line of changedRows(snapshot, database.file, changed)) console.error(`    ${line}`);
    console.log(
      `Bad input: ${outcomes.length} requests to ${routes.length} route handlers and ${actions.length} server actions; statuses ${JSON.stringify(byStatus)}; ${problems.length} problems; database ${changed.length === 0 ? `unchanged (${Object.keys(after).length} tables checksummed; not ${CHANGING_BY_DESIGN.join(', ')})` : 'CHANGED'}.`,
    );
    failed = problems.length > 0 || changed.length > 0;
  } finally {
    await stopServer(server);
    const errorLines = server.stderr.filter((line) => line.startsWith('{'));
    console.log(`Server logged ${errorLines.length} structured error lines.`);
    if (!opts.keep) removeDir(database.dir);
  }
  return failed ? 1 : 0;
}

interface ActionForm {
  label: string;
  field: string;
  args: unknown[];
  formAt: number;
  fields: Record<string, string | string[]>;
}

/** Rows that differ between the snapshot and now, a few per changed table, to say what changed. */
function changedRows(beforeFile: string, afterFile: string, tables: string[]): string[] {
  const lines: string[] = [];
  const dump = (file: string, table: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return new Set(
        (db.prepare(`SELECT * FROM "${table}"`).all() as object[]).map((row) =>
          JSON.stringify(row),
        ),
      );
    } finally {
      db.close();
    }
  };
  for (const table of tables) {
    const [was, is] = [dump(beforeFile, table), dump(afterFile, table)];
    for (const row of [...was].filter((row) => !is.has(row)).slice(0, 3))
      lines.push(`${table} - ${row.slice(0, 300)}`);
    for (const row of [...is].filter((row) => !was.has(row)).slice(0, 3))
      lines.push(`${table} + ${row.slice(0, 300)}`);
  }
  return lines;
}

/** Form posts for the actions that take a form: each wrong in one named field. */
function actionForms(
  name: string,
  context: { aldoria: number; commitment: string; someUser: string },
): ActionForm[] {
  const forms: ActionForm[] = [];
  if (name === 'saveEntry') {
    const valid = {
      idempotencyKey: 'bad-input-form-0001',
      commitment: context.commitment,
      subject: String(context.aldoria),
      status: 'limited',
      asOf: '2025-01-15',
      summary: 'A valid summary',
      narrative: '',
    };
    const wrong: [string, string | string[]][] = [
      ['summary', ''],
      ['summary', 'y'.repeat(301)],
      ['status', 'finished'],
      ['status', "' OR 1=1 --"],
      ['asOf', '2024-02-30'],
      ['asOf', '9999-12-31'],
      ['asOf', '<script>'],
      ['subject', '99999999'],
      ['subject', '1 OR 1=1'],
      ['commitment', "TIP-01'; DROP TABLE entries; --"],
      ['commitment', 'NOPE-99'],
      ['idempotencyKey', 'x'],
      ['measures', ['prayer']],
      ['confidence', 'certain'],
      ['evidence.0.url', 'javascript:alert(1)'],
      ['state', 'published'],
      ['reporterId', '2'],
    ];
    for (const [field, value] of wrong) {
      forms.push({
        label: `form ${field} = ${JSON.stringify(value).slice(0, 40)}`,
        field: field.split('.')[0]!,
        args: [null, { errors: {} }, null],
        formAt: 2,
        fields: { ...valid, [field]: value },
      });
    }
  }
  if (name === 'createUserAction') {
    const valid = {
      email: 'new.person@example.org',
      name: 'New Person',
      role: 'contributor',
      actor: '1',
    };
    for (const [field, value] of [
      ['email', 'not-an-email'],
      ['email', "x' OR 1=1@example.org"],
      ['name', ''],
      ['role', 'superuser'],
      ['actor', '99999999'],
      ['actor', '<script>'],
    ] as const) {
      forms.push({
        label: `form ${field} = ${value}`,
        field,
        args: [{}, null],
        formAt: 1,
        fields: { ...valid, [field]: value },
      });
    }
  }
  if (name === 'disableUserAction') {
    for (const value of ['', 'no-such-user', "' OR 1=1 --"])
      forms.push({
        label: `form userId = ${JSON.stringify(value)}`,
        field: 'error',
        args: [null],
        formAt: 0,
        fields: { userId: value },
      });
  }
  if (name === 'changePassword') {
    forms.push({
      label: 'form newPassword too short',
      field: 'newPassword',
      args: [{}, null],
      formAt: 1,
      fields: {
        currentPassword: 'wrong-password-1',
        newPassword: 'short',
        confirmPassword: 'short',
      },
    });
    forms.push({
      label: 'form confirmPassword mismatch',
      field: 'confirmPassword',
      args: [{}, null],
      formAt: 1,
      fields: {
        currentPassword: 'wrong-password-1',
        newPassword: 'a-long-enough-passphrase-2026',
        confirmPassword: 'other',
      },
    });
    forms.push({
      label: 'form currentPassword missing',
      field: 'currentPassword',
      args: [{}, null],
      formAt: 1,
      fields: {
        newPassword: 'a-long-enough-passphrase-2026',
        confirmPassword: 'a-long-enough-passphrase-2026',
      },
    });
  }
  if (name === 'saveMailLanguageAction') {
    for (const value of ['', 'de', 'en-US', "fr' OR 1=1 --", '<script>'])
      forms.push({
        label: `form locale = ${JSON.stringify(value)}`,
        field: 'locale',
        args: [null],
        formAt: 0,
        fields: { locale: value },
      });
  }
  if (name === 'returnAction' || name === 'withdrawAction') {
    const field = name === 'returnAction' ? 'note' : 'reason';
    for (const value of ['', ' ', 'a\u0000b'])
      forms.push({
        label: `form ${field} = ${JSON.stringify(value)}`,
        field,
        args: [99_999_999, null],
        formAt: 1,
        fields: { [field]: value },
      });
  }
  void context.someUser;
  return forms;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
