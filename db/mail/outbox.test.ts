import { beforeEach, describe, expect, it } from 'vitest';
import { type Db } from '../client';
import { demoDatabases } from '../../test/support/demo-database';
import {
  createAndAdvanceEntry,
  createEntry,
  returnEntry,
  submitEntry,
  type WriteResult,
} from '../queries/entry-workflow';
import { enqueueMail } from '../queries/outbox';
import { unsubscribe, unsubscribeTarget, updateMailChoices } from '../queries/outbox-settings';
import { scheduleReminders } from './reminders';
import { scheduleDigests } from './digest';
import { addDays, isoWeek } from '../../lib/mail';
import { setMailLanguage } from '../queries/mail-language';

const ALDORIA_FOCAL = 'demo-user-focal-aldoria';
const ALDORIA_CONTRIBUTOR = 'demo-user-contributor-aldoria';

let db: Db;
const demoDatabase = demoDatabases();
beforeEach(() => {
  db = demoDatabase();
  (globalThis as { __commitmentTrackerDb?: Db }).__commitmentTrackerDb = db;
});

const rows = () =>
  db.$client
    .prepare(
      'SELECT kind, user_id AS userId, subject_key AS subjectKey, recipient, subject, body_text AS text, body_html AS html FROM outbox ORDER BY id',
    )
    .all() as {
    kind: string;
    userId: string;
    subjectKey: string;
    recipient: string;
    subject: string;
    text: string;
    html: string;
  }[];

const one = (sql: string, ...params: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params);

function aldoriaDraft(
  summary = 'Referral mechanism adopted',
  userId = ALDORIA_CONTRIBUTOR,
): number {
  const aldoria = one(`SELECT id FROM actors WHERE name = 'Republic of Aldoria'`) as number;
  const commitment = one(
    `SELECT c.code FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id WHERE d.duty_bearer = 'states' ORDER BY c.position LIMIT 1`,
  );
  const result: WriteResult = (
    userId === ALDORIA_FOCAL
      ? (input: unknown) => createAndAdvanceEntry(userId, input, 'publish')
      : (input: unknown) => createEntry(userId, input)
  )({
    idempotencyKey: `mail-${summary.replace(/\W+/g, '-')}`,
    commitment,
    subject: aldoria,
    status: 'substantial',
    asOf: '2026-06-30',
    summary,
    narrative: 'Adopted in June.',
    measures: ['policy'],
    evidence: [],
  });
  if (!result.ok) throw new Error(result.message);
  return result.entryId;
}

const focalPointsOfAldoria = () =>
  db.$client
    .prepare(
      `SELECT u.id FROM users u JOIN actors a ON a.id = u.actor_id WHERE a.name = 'Republic of Aldoria' AND u.role = 'focal_point' AND u.disabled_at IS NULL ORDER BY u.id`,
    )
    .pluck()
    .all() as string[];

describe('the outbox', () => {
  it('a submission queues "waiting for your review" for each focal point, once per submission', () => {
    const id = aldoriaDraft();
    expect(rows()).toEqual([]);
    expect(submitEntry(ALDORIA_CONTRIBUTOR, id).ok).toBe(true);
    const queued = rows();
    expect(queued.map((row) => row.userId)).toEqual(focalPointsOfAldoria());
    expect(queued[0]).toMatchObject({
      kind: 'review_waiting',
      recipient: 'focal.aldoria@demo.example',
      subject: 'To review: Referral mechanism adopted',
    });
    expect(queued[0]!.text).toContain(`/entries/${id}/review`);
    expect(queued[0]!.text).toMatch(
      /Stop these e-mails: http:\/\/\S+\/unsubscribe\/[\w-]{43}\?kind=review_waiting/,
    );
    // Returned and submitted again: news again, under a new subject key.
    expect(returnEntry(ALDORIA_FOCAL, id, 'Add the decision number.').ok).toBe(true);
    expect(submitEntry(ALDORIA_CONTRIBUTOR, id).ok).toBe(true);
    expect(rows().filter((row) => row.kind === 'review_waiting')).toHaveLength(2 * queued.length);
  });

  it('enqueues a message once per kind, recipient and subject key, however often it is asked', () => {
    const message = {
      kind: 'digest' as const,
      userId: ALDORIA_FOCAL,
      subjectKey: 'digest:2026-W49',
      compose: () => ({ subject: 'S', paragraphs: ['P'], link: { label: 'L', url: 'http://x/' } }),
    };
    expect(enqueueMail(db, message)).toBe(true);
    expect(enqueueMail(db, message)).toBe(false);
    expect(enqueueMail(db, { ...message, subjectKey: 'digest:2026-W50' })).toBe(true);
    expect(rows()).toHaveLength(2);
    // The database itself refuses a second row with the same key, whoever writes it.
    expect(() =>
      db.$client.exec(
        `INSERT INTO outbox (kind, user_id, subject_key, recipient, subject, body_text, body_html, unsubscribe_url)
         VALUES ('digest', '${ALDORIA_FOCAL}', 'digest:2026-W49', 'x@example.org', 's', 't', 'h', 'u')`,
      ),
    ).toThrow(/UNIQUE/);
  });

  it('a return queues "returned to you" for the author, with the note escaped in the HTML', () => {
    const id = aldoriaDraft();
    submitEntry(ALDORIA_CONTRIBUTOR, id);
    const note = 'Add the <b>decision</b> number & date.';
    expect(returnEntry(ALDORIA_FOCAL, id, note).ok).toBe(true);
    const returned = rows().filter((row) => row.kind === 'entry_returned');
    expect(returned).toHaveLength(1);
    expect(returned[0]).toMatchObject({
      userId: ALDORIA_CONTRIBUTOR,
      recipient: 'contributor.aldoria@demo.example',
      subject: 'Returned to you: Referral mechanism adopted',
    });
    expect(returned[0]!.text).toContain(`> ${note}`);
    expect(returned[0]!.html).toContain('Add the &lt;b&gt;decision&lt;/b&gt; number &amp; date.');
    expect(returned[0]!.html).not.toContain('<b>decision');
  });

  it('refuses a choice that is no kind of e-mail, and changes nothing', () => {
    const settings = () => one(`SELECT count(*) FROM mail_settings`);
    const before = settings();
    expect(updateMailChoices(ALDORIA_FOCAL, ['digest', 'everything'])).toEqual({
      ok: false,
      status: 400,
    });
    expect(settings()).toBe(before);
    expect(one(`SELECT count(*) FROM audit_log WHERE action = 'mail.settings'`)).toBe(0);
  });

  it('queues nothing of a kind its recipient turned off, on the account page or by the link', () => {
    for (const focal of focalPointsOfAldoria())
      expect(updateMailChoices(focal, ['digest']).ok).toBe(true);
    submitEntry(ALDORIA_CONTRIBUTOR, aldoriaDraft());
    expect(rows()).toEqual([]);
    expect(one(`SELECT count(*) FROM audit_log WHERE action = 'mail.settings'`)).toBe(
      focalPointsOfAldoria().length,
    );

    const token = one(
      `SELECT unsubscribe_token FROM mail_settings WHERE user_id = ?`,
      ALDORIA_FOCAL,
    ) as string;
    expect(unsubscribeTarget(token)).toMatchObject({ email: 'focal.aldoria@demo.example' });
    expect(unsubscribeTarget('not-a-token')).toBeNull();
    expect(unsubscribe(token, 'digest')).toBe(true);
    expect(unsubscribeTarget(token)?.choices.digest).toBe(false);
    expect(one(`SELECT count(*) FROM audit_log WHERE action = 'mail.unsubscribe'`)).toBe(1);
    expect(unsubscribe('A'.repeat(43), 'digest')).toBe(false);
  });
});

describe('the reminder scheduler', () => {
  function roundDue(dueOn: string): number {
    const id = db.$client
      .prepare(
        `INSERT INTO reporting_rounds (title, opens_on, due_on, asks) VALUES ('Regional review 2027', '2026-01-01', ?, 'all_states') RETURNING id`,
      )
      .pluck()
      .get(dueOn) as number;
    db.$client.exec(
      `INSERT INTO reporting_round_commitments (round_id, commitment_id)
       SELECT ${id}, c.id FROM commitments c JOIN commitment_duty_bearers d ON d.commitment_id = c.id
       WHERE d.duty_bearer = 'states' AND c.archived_at IS NULL ORDER BY c.position LIMIT 2`,
    );
    return id;
  }

  it('reminds focal points of states that have not reported, once per stage, on the right days', () => {
    db.$client.exec(`UPDATE reporting_rounds SET closed_at = '2026-11-01T00:00:00.000Z'`);
    const id = roundDue('2026-12-15');
    expect(scheduleReminders(db, '2026-12-07', 7)).toBe(0);
    const early = scheduleReminders(db, '2026-12-08', 7);
    expect(early).toBeGreaterThan(0);
    expect(scheduleReminders(db, '2026-12-09', 7)).toBe(0);
    const reminders = rows();
    expect(new Set(reminders.map((row) => row.subjectKey))).toEqual(
      new Set([`round:${id}:due-in-7`]),
    );
    const aldoria = reminders.find((row) => row.recipient === 'focal.aldoria@demo.example');
    expect(aldoria?.subject).toBe('Regional review 2027: due on December 15, 2026');
    expect(aldoria?.text).toContain(`/rounds/${id}`);
    // Only focal points: no contributor, no admin.
    const roles = db.$client
      .prepare(`SELECT DISTINCT u.role FROM outbox o JOIN users u ON u.id = o.user_id`)
      .pluck()
      .all();
    expect(roles).toEqual(['focal_point']);
    expect(scheduleReminders(db, '2026-12-15', 7)).toBe(early);
    expect(scheduleReminders(db, '2026-12-16', 7)).toBe(0);
    expect(rows().filter((row) => row.subjectKey === `round:${id}:due`)[0]?.subject).toBe(
      'Regional review 2027: due today',
    );
  });

  it('reminds no one of a closed round', () => {
    db.$client.exec(`UPDATE reporting_rounds SET closed_at = '2026-11-01T00:00:00.000Z'`);
    const id = roundDue('2026-12-15');
    db.$client.exec(
      `UPDATE reporting_rounds SET closed_at = '2026-12-01T00:00:00.000Z' WHERE id = ${id}`,
    );
    expect(scheduleReminders(db, '2026-12-10', 7)).toBe(0);
  });
});

describe('the weekly digest', () => {
  it('lists last week’s published entries on what each follower follows, once per week', () => {
    const id = aldoriaDraft('Hotline opened', ALDORIA_FOCAL);
    const entry = db.$client
      .prepare(
        'SELECT commitment_id AS commitment, subject_id AS subject FROM progress_entries WHERE id = ?',
      )
      .get(id) as { commitment: number; subject: number };
    // The demo's own followers end their follows: this test's are the only ones.
    db.$client.exec(`UPDATE follows SET ended_at = 1 WHERE ended_at IS NULL`);
    const follow = db.$client.prepare(
      `INSERT INTO follows (user_id, target_kind, target_id, started_at, ended_at) VALUES (?, ?, ?, 0, ?)`,
    );
    follow.run('demo-user-focal-bravonia', 'commitment', entry.commitment, null);
    follow.run('demo-user-admin', 'actor', entry.subject, null);
    // An ended follow and one of something else bring nothing.
    follow.run('demo-user-focal-bridgewell', 'actor', entry.subject, 1);
    follow.run('demo-user-contributor-bridgewell', 'commitment', entry.commitment + 1, null);
    const publishedWeek = isoWeek(new Date().toISOString().slice(0, 10));
    const nextWeek = addDays(publishedWeek.monday, 7);
    expect(scheduleDigests(db, nextWeek)).toBe(2);
    expect(scheduleDigests(db, addDays(nextWeek, 3))).toBe(0);
    const digests = rows().filter((row) => row.subjectKey === `digest:${publishedWeek.week}`);
    expect(digests.map((row) => row.userId).sort()).toEqual([
      'demo-user-admin',
      'demo-user-focal-bravonia',
    ]);
    expect(digests[0]).toMatchObject({
      subjectKey: `digest:${publishedWeek.week}`,
      subject: `What you follow: 1 new entry in week ${publishedWeek.week}`,
    });
    expect(digests[0]!.text).toContain('Hotline opened');
    expect(digests[0]!.text).toContain(`/entries/${id}`);
  });
});

describe('e-mails in the recipient’s language', () => {
  /** French puts a no-break space before a colon; the assertions are written with plain ones. */
  const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');
  const setLocale = (userId: string, locale: string | null) =>
    db.$client.prepare('UPDATE users SET locale = ? WHERE id = ?').run(locale, userId);

  it('writes "waiting for your review" in French for a French focal point, and in English for one without a language', () => {
    const [french, ...others] = focalPointsOfAldoria();
    setLocale(french!, 'fr');
    const id = aldoriaDraft();
    expect(submitEntry(ALDORIA_CONTRIBUTOR, id).ok).toBe(true);
    const queued = rows();
    const inFrench = queued.find((row) => row.userId === french)!;
    expect(plain(inFrench.subject)).toBe('À examiner : Referral mechanism adopted');
    expect(inFrench.text).toContain('a soumis pour examen une entrée de');
    expect(inFrench.text).toContain(`/fr/entries/${id}/review`);
    expect(plain(inFrench.text)).toMatch(
      /Ne plus recevoir ces courriels : http:\/\/\S+\/fr\/unsubscribe\/[\w-]{43}\?kind=review_waiting/,
    );
    expect(plain(inFrench.text)).toMatch(
      /Tous vos paramètres de courriel : http:\/\/\S+\/fr\/account#email/,
    );
    expect(inFrench.html).toContain('<html lang="fr" dir="ltr">');
    // Each recipient in their own language: the others have none, so English, unprefixed.
    for (const userId of others) {
      const inEnglish = queued.find((row) => row.userId === userId)!;
      expect(inEnglish.subject).toBe('To review: Referral mechanism adopted');
      expect(inEnglish.html).toContain('<html lang="en" dir="ltr">');
      expect(inEnglish.text).toMatch(new RegExp(`http://[^/\\s]+/entries/${id}/review`));
    }
  });

  it('writes an Arabic recipient’s e-mail right to left, with the Arabic pages’ links', () => {
    setLocale(ALDORIA_CONTRIBUTOR, 'ar');
    const id = aldoriaDraft();
    submitEntry(ALDORIA_CONTRIBUTOR, id);
    expect(returnEntry(ALDORIA_FOCAL, id, 'Add the decision number.').ok).toBe(true);
    const returned = rows().find((row) => row.kind === 'entry_returned')!;
    expect(returned.subject).toBe('أُعيد إليك: Referral mechanism adopted');
    expect(returned.html).toContain('<html lang="ar" dir="rtl">');
    expect(returned.text).toContain(`/ar/entries/${id}/edit`);
    // The reviewer's own words stay as written.
    expect(returned.text).toContain('> Add the decision number.');
  });

  it('sends a round’s reminders to each focal point in their language, dates written out in it', () => {
    db.$client.exec(`UPDATE reporting_rounds SET closed_at = '2026-11-01T00:00:00.000Z'`);
    db.$client.exec(
      `INSERT INTO reporting_rounds (title, opens_on, due_on, asks) VALUES ('Regional review 2027', '2026-01-01', '2026-12-15', 'all_states')`,
    );
    db.$client.exec(
      `INSERT INTO reporting_round_commitments (round_id, commitment_id)
       SELECT (SELECT max(id) FROM reporting_rounds), c.id FROM commitments c
       JOIN commitment_duty_bearers d ON d.commitment_id = c.id
       WHERE d.duty_bearer = 'states' AND c.archived_at IS NULL ORDER BY c.position LIMIT 2`,
    );
    setLocale(ALDORIA_FOCAL, 'fr');
    // Every other state's focal point in Chinese but one, left without a language.
    const others = db.$client
      .prepare(
        `SELECT u.id FROM users u JOIN actors a ON a.id = u.actor_id
         WHERE u.role = 'focal_point' AND a.kind = 'state' AND u.id <> ? ORDER BY u.id`,
      )
      .pluck()
      .all(ALDORIA_FOCAL) as string[];
    for (const userId of others.slice(1)) setLocale(userId, 'zh');
    expect(scheduleReminders(db, '2026-12-08', 7)).toBeGreaterThan(2);
    const subjects = new Map(rows().map((row) => [row.userId, row.subject]));
    expect(plain(subjects.get(ALDORIA_FOCAL))).toBe(
      'Regional review 2027 : échéance le 15 décembre 2026',
    );
    const inChinese = others.slice(1).filter((userId) => subjects.has(userId));
    expect(inChinese.length).toBeGreaterThan(0);
    for (const userId of inChinese)
      expect(subjects.get(userId)).toBe('Regional review 2027：截止日期为 2026年12月15日');
    if (subjects.has(others[0]!))
      expect(subjects.get(others[0]!)).toBe('Regional review 2027: due on December 15, 2026');
  });

  it('writes the weekly digest in the follower’s language: words, status, dates and count', () => {
    const id = aldoriaDraft('Hotline opened', ALDORIA_FOCAL);
    const commitment = one('SELECT commitment_id FROM progress_entries WHERE id = ?', id);
    db.$client.exec(`UPDATE follows SET ended_at = 1 WHERE ended_at IS NULL`);
    const follow = db.$client.prepare(
      `INSERT INTO follows (user_id, target_kind, target_id, started_at) VALUES (?, 'commitment', ?, 0)`,
    );
    follow.run('demo-user-focal-bravonia', commitment);
    follow.run('demo-user-admin', commitment);
    setLocale('demo-user-focal-bravonia', 'fr');
    const publishedWeek = isoWeek(new Date().toISOString().slice(0, 10));
    expect(scheduleDigests(db, addDays(publishedWeek.monday, 7))).toBe(2);
    const digests = new Map(rows().map((row) => [row.userId, row]));
    const french = digests.get('demo-user-focal-bravonia')!;
    expect(plain(french.subject)).toBe(
      `Ce que vous suivez : 1 nouvelle entrée pendant la semaine ${publishedWeek.week}`,
    );
    const frenchDay = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' });
    expect(plain(french.text)).toContain(
      `Publiées du ${frenchDay.format(new Date(`${publishedWeek.monday}T00:00:00Z`))} au`,
    );
    expect(plain(french.text)).toContain('Progrès importants : Hotline opened');
    expect(french.text).toContain(`/fr/entries/${id}`);
    expect(french.html).toContain('<html lang="fr" dir="ltr">');
    const english = digests.get('demo-user-admin')!;
    expect(english.subject).toBe(`What you follow: 1 new entry in week ${publishedWeek.week}`);
    expect(english.html).toContain('<html lang="en" dir="ltr">');
  });
});

describe('the language of a user’s e-mails', () => {
  const localeOf = (userId: string) => one('SELECT locale FROM users WHERE id = ?', userId);
  const audits = () => one(`SELECT count(*) FROM audit_log WHERE action = 'mail.language'`);

  it('is set by its owner, with an audit row', () => {
    expect(setMailLanguage(ALDORIA_FOCAL, ALDORIA_FOCAL, 'ru')).toEqual({ ok: true });
    expect(localeOf(ALDORIA_FOCAL)).toBe('ru');
    expect(audits()).toBe(1);
  });

  it('refuses a value that is no language of the app, naming the field, and changes nothing', () => {
    for (const bad of ['de', 'FR', '', null, ['fr'], "fr' OR 1=1 --"])
      expect(setMailLanguage(ALDORIA_FOCAL, ALDORIA_FOCAL, bad)).toEqual({
        ok: false,
        status: 400,
        field: 'locale',
      });
    expect(localeOf(ALDORIA_FOCAL)).toBeNull();
    expect(audits()).toBe(0);
  });

  it('cannot be changed for another user, not even by an admin', () => {
    for (const caller of [ALDORIA_CONTRIBUTOR, 'demo-user-admin'])
      expect(setMailLanguage(caller, ALDORIA_FOCAL, 'fr')).toMatchObject({
        ok: false,
        status: 403,
      });
    expect(localeOf(ALDORIA_FOCAL)).toBeNull();
    expect(audits()).toBe(0);
  });
});
