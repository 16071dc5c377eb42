import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '@/db/client';
import { ensureMailSettings, mailChoicesOf } from '@/db/queries/outbox-settings';
import { POST } from './route';

let db: Db;
let token: string;
beforeEach(() => {
  db = openDatabase(':memory:');
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
  db.$client.exec(
    `INSERT INTO users (id, email, name, role) VALUES ('u1', 'ana@example.org', 'Ana', 'admin')`,
  );
  token = ensureMailSettings(db, 'u1').unsubscribeToken;
});

const post = (body: BodyInit, contentType = 'application/x-www-form-urlencoded') =>
  POST(
    new Request('http://localhost:3000/api/unsubscribe', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    }),
  );
const audits = () => db.$client.prepare('SELECT count(*) FROM audit_log').pluck().get();

describe('POST /api/unsubscribe', () => {
  it('turns the kind off for the token owner, audited, and leads back to the page saying so', async () => {
    const response = await post(new URLSearchParams({ token, kind: 'digest' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/unsubscribe/${token}?kind=digest&done=1`);
    expect(mailChoicesOf('u1', db)).toEqual({
      review_waiting: true,
      entry_returned: true,
      round_reminder: true,
      digest: false,
    });
    expect(audits()).toBe(1);
  });

  it('leads back to the page in the language it was shown in', async () => {
    const inFrench = await post(new URLSearchParams({ token, kind: 'digest', locale: 'fr' }));
    expect(inFrench.headers.get('location')).toBe(`/fr/unsubscribe/${token}?kind=digest&done=1`);
    // No language, or one the app does not have: the English page, unprefixed.
    const unknown = await post(new URLSearchParams({ token, kind: 'digest', locale: '//evil' }));
    expect(unknown.headers.get('location')).toBe(`/unsubscribe/${token}?kind=digest&done=1`);
  });

  it('refuses bad input with a 4xx that names the field, and changes nothing', async () => {
    const cases: [BodyInit, string, number, RegExp][] = [
      ['{"token":1}', 'application/json', 400, /^token:/],
      [
        new URLSearchParams({ kind: 'digest' }),
        'application/x-www-form-urlencoded',
        400,
        /^token:/,
      ],
      [
        new URLSearchParams({ token, kind: 'all' }),
        'application/x-www-form-urlencoded',
        400,
        /^kind:/,
      ],
      [
        new URLSearchParams({ token: 'A'.repeat(43), kind: 'digest' }),
        'application/x-www-form-urlencoded',
        404,
        /^token:/,
      ],
    ];
    for (const [body, type, status, message] of cases) {
      const response = await post(body, type);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    expect(mailChoicesOf('u1', db).digest).toBe(true);
    expect(audits()).toBe(0);
  });
});
