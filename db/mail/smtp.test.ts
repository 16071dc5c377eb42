import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { enqueueMail } from '../queries/outbox';
import { LEASE_MS, sendPending } from './sender';
import { smtpFromEnv } from './transport';

/**
 * The mail path against a real SMTP server (the `smtp-server` package) on a throw-away database
 * file: what arrives, a server that refuses then accepts, and a sender killed after the server
 * accepted a message and before it recorded it (README, E-mail: the guarantee).
 */
interface Received {
  to: string[];
  mail: ParsedMail;
}

let dir: string;
let file: string;
let db: Db;
let server: SMTPServer;
let port: number;
let received: Received[];
/** What the server does with each message's data; accepting is the default. */
let onMessage: (message: Received) => Promise<Error | null>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-mail-'));
  file = path.join(dir, 'mail.db');
  db = openDatabase(file);
  db.$client.exec(`
    INSERT INTO users (id, email, name, role) VALUES ('u1', 'ana@example.org', 'Ana', 'admin');
    INSERT INTO users (id, email, name, role) VALUES ('u2', 'ben@example.org', 'Ben', 'admin');
  `);
  received = [];
  onMessage = async () => null;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream: SMTPServerDataStream, session, callback) {
      simpleParser(stream).then(async (mail) => {
        const message = { to: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail };
        const refusal = await onMessage(message);
        if (!refusal) received.push(message);
        callback(refusal);
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({
  SMTP_URL: `smtp://127.0.0.1:${port}`,
  MAIL_FROM: 'Commitment Tracker <mail@example.org>',
  BETTER_AUTH_URL: 'https://tracker.example.org',
});

function enqueue(userId: string, subjectKey: string, summary: string) {
  enqueueMail(db, {
    kind: 'entry_returned',
    userId,
    subjectKey,
    compose: () => ({
      subject: `Returned to you: ${summary}`,
      paragraphs: [`Ana returned your entry “${summary}”, with this note:`],
      quote: 'Add the <decision> number.',
      link: { label: 'Edit it', url: 'https://tracker.example.org/entries/7/edit' },
    }),
  });
}

const outbox = () =>
  db.$client
    .prepare('SELECT id, attempts, sent_at, last_error, next_attempt_at FROM outbox ORDER BY id')
    .all() as {
    id: number;
    attempts: number;
    sent_at: string | null;
    last_error: string | null;
    next_attempt_at: string;
  }[];

const smtp = () => smtpFromEnv(env())!;

describe('the mail path against a real SMTP server', () => {
  it('delivers each queued message to its recipient with its words, once', async () => {
    enqueue('u1', 'entry:7:returned:t1', 'Referral mechanism');
    enqueue('u2', 'entry:8:returned:t1', 'Hotline opened');
    expect(await sendPending(db, smtp())).toEqual({ sent: 2, retried: 0, dropped: 0 });
    expect(received.map((message) => message.to)).toEqual([
      ['ana@example.org'],
      ['ben@example.org'],
    ]);
    const { mail } = received[0]!;
    expect(mail.subject).toBe('Returned to you: Referral mechanism');
    expect(mail.from?.text).toBe('"Commitment Tracker" <mail@example.org>');
    expect(mail.text).toContain('> Add the <decision> number.');
    expect(mail.text).toContain('Edit it: https://tracker.example.org/entries/7/edit');
    expect(mail.html).toContain('Add the &lt;decision&gt; number.');
    expect(mail.messageId).toMatch(/^<outbox-\d+@tracker\.example\.org>$/);
    expect(mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line).toMatch(
      /\/unsubscribe\/[\w-]{43}\?kind=entry_returned/,
    );
    expect(outbox().every((row) => row.sent_at !== null && row.attempts === 1)).toBe(true);
    expect(await sendPending(db, smtp())).toEqual({ sent: 0, retried: 0, dropped: 0 });
    expect(received).toHaveLength(2);
  });

  it('retries a message the server refused for now (451) after the backoff, and it arrives once', async () => {
    enqueue('u1', 'entry:7:returned:t1', 'Referral mechanism');
    let refusals = 1;
    onMessage = async () =>
      refusals-- > 0 ? Object.assign(new Error('Try again later'), { responseCode: 451 }) : null;
    const start = new Date(Date.now() + 1_000);
    const at = (ms: number) => () => new Date(start.getTime() + ms);
    expect(await sendPending(db, { ...smtp(), now: at(0) })).toEqual({
      sent: 0,
      retried: 1,
      dropped: 0,
    });
    expect(outbox()[0]).toMatchObject({
      attempts: 1,
      sent_at: null,
      next_attempt_at: new Date(start.getTime() + 60_000).toISOString(),
    });
    expect(outbox()[0]!.last_error).toMatch(/451/);
    // Not before its time.
    expect(await sendPending(db, { ...smtp(), now: at(30_000) })).toMatchObject({ sent: 0 });
    expect(await sendPending(db, { ...smtp(), now: at(60_000) })).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(outbox()[0]).toMatchObject({ attempts: 2, last_error: null });
    expect(await sendPending(db, { ...smtp(), now: at(120_000) })).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(1);
  });

  it('gives a message up at once when the server refuses it for good (550)', async () => {
    enqueue('u1', 'entry:7:returned:t1', 'Referral mechanism');
    onMessage = async () => Object.assign(new Error('No such user'), { responseCode: 550 });
    expect(await sendPending(db, smtp())).toEqual({ sent: 0, retried: 0, dropped: 1 });
    const row = db.$client.prepare('SELECT dropped_at, last_error FROM outbox').get() as {
      dropped_at: string | null;
      last_error: string;
    };
    expect(row.dropped_at).not.toBeNull();
    expect(row.last_error).toMatch(/550/);
  });

  it('a sender killed after the server accepted and before the record: received at most twice, recorded once', async () => {
    enqueue('u1', 'entry:7:returned:t1', 'Referral mechanism');
    let child: ChildProcess | null = null;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => {
      // The server has the whole message; before it answers 250, the sender dies.
      onMessage = async (message) => {
        received.push(message);
        child?.kill('SIGKILL');
        resolve(await new Promise((done) => child?.once('exit', (_code, signal) => done(signal))));
        // Counted above; what the server answers now reaches no one.
        return new Error('the sender is gone');
      };
    });
    // `npm run mail:send` itself, in one process (the tsx CLI would run it in a second one).
    child = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'db/mail/send-cli.ts'],
      { env: { ...process.env, ...env(), DATABASE_PATH: file }, stdio: 'ignore' },
    );
    expect(await exited).toBe('SIGKILL');
    expect(received).toHaveLength(1);
    const claimed = outbox()[0]!;
    expect(claimed).toMatchObject({ attempts: 1, sent_at: null });
    // Another sender cannot take it while the dead sender's claim runs...
    onMessage = async () => null;
    expect(await sendPending(db, smtp())).toMatchObject({ sent: 0 });
    // ...and sends it again once the claim has run out: the second and last delivery.
    const later = () => new Date(Date.now() + LEASE_MS + 1_000);
    expect(await sendPending(db, { ...smtp(), now: later })).toMatchObject({ sent: 1 });
    expect(await sendPending(db, { ...smtp(), now: later })).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(2);
    expect(received[1]!.mail.messageId).toBe(received[0]!.mail.messageId);
    expect(outbox()[0]).toMatchObject({ attempts: 2 });
    expect(outbox()[0]!.sent_at).not.toBeNull();
    // Recorded once: the database refuses to record it again.
    expect(() => db.$client.exec(`UPDATE outbox SET sent_at = '2030-01-01T00:00:00.000Z'`)).toThrow(
      /recorded sent never changes/,
    );
  });
});
