import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import * as t from '@/db/schema';
import { seedDatabase } from '@/seed';
import { toCsv } from '@/lib/csv';

/**
 * The import upload as the browser meets it (issue 17.6): a refusal of the request or of the file
 * as a whole answers with its HTTP status before anything is streamed, never 200 with the refusal
 * inside the progress stream; and nothing is written by a refused upload.
 */
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock('@/db/current-user', () => ({
  getCurrentUser: async () => (signedIn.userId ? { id: signedIn.userId } : null),
}));

const { POST } = await import('./route');

let db: Db;
const ORIGIN = 'http://localhost:3000';
const contents = () =>
  JSON.stringify(
    ['progress_entries', 'audit_log', 'current_status'].map((table) =>
      db.$client.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
    ),
  );
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

async function upload(file: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([file], 'entries.csv', { type: 'text/csv' }));
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const encoded = new Response(form);
  const body = await encoded.arrayBuffer();
  const response = await POST(
    new Request(`${ORIGIN}/entries/import/upload`, {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        host: 'localhost:3000',
        'content-type': encoded.headers.get('content-type')!,
        'content-length': String(body.byteLength),
      },
      body,
    }),
  );
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

const goodFile = () =>
  toCsv(
    ['commitment_code', 'subject_id', 'status', 'as_of', 'summary', 'confidence'],
    [
      [
        stateCommitment(),
        actorId('Republic of Aldoria'),
        'complete',
        '2026-06-30',
        'Imported assessment',
        'high',
      ],
    ],
  );

beforeAll(() => {
  db = openDatabase(':memory:');
  seedDatabase(db, 'demo', '2026-11-01T00:00:00.000Z');
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});
beforeEach(() => {
  signedIn.userId = null;
});

describe('POST /entries/import/upload', () => {
  it('answers each refusal with its own status and a JSON error, before any streaming, and writes nothing', async () => {
    const before = contents();
    expect(await upload(goodFile())).toMatchObject({
      status: 401,
      type: expect.stringMatching(/^application\/json/),
    });

    signedIn.userId = 'demo-user-contributor-aldoria';
    const contributor = await upload(goodFile());
    expect(contributor).toMatchObject({
      status: 403,
      type: expect.stringMatching(/^application\/json/),
    });
    expect(JSON.parse(contributor.text).error).toEqual({
      code: 'forbidden',
      message: 'Only a focal point (for its own actor) or an admin may import entries.',
    });

    signedIn.userId = 'demo-user-focal-aldoria';
    const notAForm = await POST(
      new Request(`${ORIGIN}/entries/import/upload`, {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          host: 'localhost:3000',
          'content-type': 'text/csv',
          'content-length': '3',
        },
        body: 'a,b',
      }),
    );
    expect(notAForm.status).toBe(400);
    expect((await notAForm.json()).error.code).toBe('invalid_body');
    const noFile = await upload('', { mode: 'import' });
    expect(noFile.status).toBe(400);
    expect(JSON.parse(noFile.text).error).toEqual({
      code: 'invalid_parameter',
      message: 'file: choose a CSV file to import.',
    });

    const columns = await upload('commitment_code,status\r\nTIP-01,complete\r\n');
    expect(columns.status).toBe(400);
    const refused = JSON.parse(columns.text) as {
      error: { code: string };
      result: { fileErrors: { column: string }[] };
    };
    expect(refused.error.code).toBe('invalid_file');
    expect(refused.result.fileErrors.map((error) => error.column)).toEqual([
      'as_of',
      'summary',
      'subject_id',
    ]);

    // Latin-1 bytes, as a spreadsheet saves "CSV" without UTF-8: refused, naming the fix.
    const latin1Bytes = Buffer.from(goodFile().replace('Imported', 'Importé'), 'latin1');
    const latin1 = await upload(Uint8Array.from(latin1Bytes), { mode: 'import' });
    expect(latin1.status).toBe(400);
    expect(JSON.parse(latin1.text).error).toEqual({
      code: 'invalid_file',
      message: 'file: must be UTF-8 text (save it from your spreadsheet as "CSV UTF-8").',
    });

    signedIn.userId = 'demo-user-admin';
    expect(JSON.parse((await upload(goodFile(), { publish: 'publish' })).text)).toMatchObject({
      error: { code: 'invalid_file', message: expect.stringMatching(/^publish: /) },
    });

    db.update(t.actors)
      .set({ archivedAt: '2026-11-02T00:00:00.000Z' })
      .where(eq(t.actors.name, 'Bridgewell Migrant Rights Network (demo)'))
      .run();
    signedIn.userId = 'demo-user-focal-bridgewell';
    for (const mode of ['preview', 'import']) {
      const archived = await upload(goodFile(), { mode, publish: 'publish' });
      expect(archived.status).toBe(409);
      expect(JSON.parse(archived.text).error).toEqual({
        code: 'conflict',
        message:
          'Reporter: Bridgewell Migrant Rights Network (demo) is archived; its members cannot write entries.',
      });
    }
    db.update(t.actors)
      .set({ archivedAt: null })
      .where(eq(t.actors.name, 'Bridgewell Migrant Rights Network (demo)'))
      .run();
    expect(contents()).toBe(before);
  });

  it('streams progress and the result once the file itself is accepted; row errors are in the result', async () => {
    signedIn.userId = 'demo-user-focal-bridgewell';
    const preview = await upload(goodFile(), { mode: 'preview' });
    expect(preview).toMatchObject({
      status: 200,
      type: expect.stringMatching(/^application\/x-ndjson/),
    });
    const lines = preview.text
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as { type: string; result?: { ok: boolean; counts: { new: number } } },
      );
    expect(lines.at(-1)).toMatchObject({
      type: 'result',
      result: { ok: true, counts: { new: 1 } },
    });
    expect(lines.slice(0, -1).every((line) => line.type === 'progress')).toBe(true);
  });
});
