import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { enqueueMail } from '../queries/outbox';
import { sendPending, type MailTransport } from './sender';
import { MAX_ATTEMPTS } from '../../lib/mail';

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  db.$client.exec(
    `INSERT INTO users (id, email, name, role) VALUES ('u1', 'ana@example.org', 'Ana', 'admin')`,
  );
});

const enqueue = (subjectKey: string) =>
  enqueueMail(db, {
    kind: 'digest',
    userId: 'u1',
    subjectKey,
    compose: () => ({
      subject: subjectKey,
      paragraphs: ['P'],
      link: { label: 'L', url: 'http://x/' },
    }),
  });

const row = () =>
  db.$client
    .prepare('SELECT attempts, next_attempt_at AS next, dropped_at AS dropped FROM outbox')
    .get() as { attempts: number; next: string; dropped: string | null };

const options = (transport: MailTransport, now: () => Date) => ({
  transport,
  from: 'from@example.org',
  host: 'example.org',
  now,
});

describe('the sender', () => {
  it('backs off exponentially on each failure and gives up after the last attempt', async () => {
    enqueue('digest:2026-W49');
    const failing: MailTransport = {
      sendMail: async () => Promise.reject(new Error('connection refused')),
    };
    let clock = Date.now() + 1_000;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const report = await sendPending(
        db,
        options(failing, () => new Date(clock)),
      );
      if (attempt < MAX_ATTEMPTS) {
        expect(report).toEqual({ sent: 0, retried: 1, dropped: 0 });
        waits.push(Date.parse(row().next) - clock);
        clock = Date.parse(row().next);
      } else expect(report).toEqual({ sent: 0, retried: 0, dropped: 1 });
    }
    expect(waits.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(row()).toMatchObject({ attempts: MAX_ATTEMPTS });
    expect(row().dropped).not.toBeNull();
  });

  it('two senders at once send each message once', async () => {
    for (const week of ['W47', 'W48', 'W49']) enqueue(`digest:2026-${week}`);
    const sent: string[] = [];
    const slow: MailTransport = {
      sendMail: async (message) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sent.push(message.subject);
      },
    };
    const now = () => new Date(Date.now() + 1_000);
    const reports = await Promise.all([
      sendPending(db, options(slow, now)),
      sendPending(db, options(slow, now)),
    ]);
    expect(sent.sort()).toEqual(['digest:2026-W47', 'digest:2026-W48', 'digest:2026-W49']);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(3);
  });

  it('sends nothing of a kind the recipient turned off after it was queued', async () => {
    enqueue('digest:2026-W49');
    db.$client.exec(`UPDATE mail_settings SET digest = 0`);
    const sent: string[] = [];
    const transport: MailTransport = { sendMail: async (message) => void sent.push(message.to) };
    expect(
      await sendPending(
        db,
        options(transport, () => new Date(Date.now() + 1_000)),
      ),
    ).toEqual({
      sent: 0,
      retried: 0,
      dropped: 1,
    });
    expect(sent).toEqual([]);
  });
});
