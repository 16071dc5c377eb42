import 'server-only';
import { and, asc, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { loadPrincipal } from './principal';
import { choicesOf, ensureMailSettings } from './outbox-settings';
import { appBaseUrl } from '../../lib/deployment';
import { layoutMail, mailWriter, type MailParts, type MailWriter } from '../../lib/mail-layout';
import type { MailKind } from '../../lib/mail';

/**
 * The outbox (README, E-mail): every message is a row, enqueued once per (kind, recipient,
 * subject key) by the unique index, in the same transaction as the write that causes it; the
 * sender (db/mail/sender.ts) claims, sends and records rows here.
 */
export type OutboxRow = typeof t.outbox.$inferSelect;

/** An absolute link into the app, from BETTER_AUTH_URL (lib/deployment.ts). */
export const appUrl = (path: string) => new URL(path, appBaseUrl()).toString();

/**
 * Queues one message for a user unless it is already queued (the unique key), the user is
 * disabled or has turned this kind off. `compose` runs only when a row will be written, with the
 * writer of the recipient's language (English when they have none) and `url`, which makes a
 * path of the app an absolute link to that language's page. Runs in the caller's transaction;
 * true when a row was added.
 */
export function enqueueMail(
  db: Db | Tx,
  message: {
    kind: MailKind;
    userId: string;
    subjectKey: string;
    compose: (writer: MailWriter, url: (path: string) => string) => MailParts;
  },
): boolean {
  const { kind, userId, subjectKey } = message;
  const queued = db
    .select({ id: t.outbox.id })
    .from(t.outbox)
    .where(
      and(
        eq(t.outbox.kind, kind),
        eq(t.outbox.userId, userId),
        eq(t.outbox.subjectKey, subjectKey),
      ),
    )
    .get();
  if (queued) return false;
  const user = db
    .select({ email: t.users.email, disabledAt: t.users.disabledAt, locale: t.users.locale })
    .from(t.users)
    .where(eq(t.users.id, userId))
    .get();
  if (!user || user.disabledAt !== null) return false;
  const settings = ensureMailSettings(db, userId);
  if (!choicesOf(settings)[kind]) return false;
  const writer = mailWriter(user.locale);
  const url = (path: string) => appUrl(writer.path(path));
  const unsubscribeUrl = url(`/unsubscribe/${settings.unsubscribeToken}?kind=${kind}`);
  const content = layoutMail(writer, kind, message.compose(writer, url), {
    unsubscribe: unsubscribeUrl,
    settings: url('/account#email'),
  });
  const inserted = db
    .insert(t.outbox)
    .values({
      kind,
      userId,
      subjectKey,
      recipient: user.email,
      subject: content.subject,
      bodyText: content.text,
      bodyHtml: content.html,
      unsubscribeUrl,
    })
    .onConflictDoNothing()
    .run();
  return inserted.changes === 1;
}

export interface OutboxPage {
  rows: OutboxRow[];
  total: number;
  page: number;
  limit: number;
}

/** The outbox, newest first, for admins only: null for anyone else. */
export function listOutbox(callerId: string, page = 1, limit = 50): OutboxPage | null {
  const db = getDb();
  const principal = db.transaction((tx) => loadPrincipal(tx, callerId));
  if (principal?.role !== 'admin') return null;
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(t.outbox)
      .get()?.n ?? 0;
  const rows = db
    .select()
    .from(t.outbox)
    .orderBy(desc(t.outbox.id))
    .limit(limit)
    .offset((page - 1) * limit)
    .all();
  return { rows, total, page, limit };
}

const pending = (now: string) =>
  and(
    isNull(t.outbox.sentAt),
    isNull(t.outbox.droppedAt),
    lte(t.outbox.nextAttemptAt, now),
    or(isNull(t.outbox.claimedUntil), lte(t.outbox.claimedUntil, now)),
  );

/**
 * Claims the next message due for sending: counts the attempt and holds the row until
 * `claimedUntil`, in one immediate transaction, so two senders (two server processes, the cron
 * job) never hold the same row at once. A claim that runs out unrecorded (a crash) frees the row.
 */
export function claimNext(db: Db, now: Date, leaseMs: number): OutboxRow | null {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const next = tx
        .select({ id: t.outbox.id })
        .from(t.outbox)
        .where(pending(at))
        .orderBy(asc(t.outbox.nextAttemptAt), asc(t.outbox.id))
        .limit(1)
        .get();
      if (!next) return null;
      return tx
        .update(t.outbox)
        .set({
          attempts: sql`${t.outbox.attempts} + 1`,
          claimedUntil: new Date(now.getTime() + leaseMs).toISOString(),
        })
        .where(eq(t.outbox.id, next.id))
        .returning()
        .get();
    },
    { behavior: 'immediate' },
  );
}

/** Records a message sent, once: a row already recorded is left as it is (and a trigger agrees). */
export function recordSent(db: Db, id: number, at: Date): boolean {
  return (
    db
      .update(t.outbox)
      .set({ sentAt: at.toISOString(), claimedUntil: null, lastError: null })
      .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)))
      .run().changes === 1
  );
}

/** Records a failed attempt: retried at `retryAt`, or given up when `retryAt` is null. */
export function recordFailure(
  db: Db,
  id: number,
  error: string,
  at: Date,
  retryAt: Date | null,
): void {
  db.update(t.outbox)
    .set({
      lastError: error.slice(0, 1000),
      claimedUntil: null,
      ...(retryAt ? { nextAttemptAt: retryAt.toISOString() } : { droppedAt: at.toISOString() }),
    })
    .where(and(eq(t.outbox.id, id), isNull(t.outbox.sentAt)))
    .run();
}

/** Whether the recipient still wants this kind (they may have turned it off since it was queued). */
export function stillWanted(db: Db, row: OutboxRow): boolean {
  const user = db
    .select({ disabledAt: t.users.disabledAt })
    .from(t.users)
    .where(eq(t.users.id, row.userId))
    .get();
  if (!user || user.disabledAt !== null) return false;
  const settings = db
    .select()
    .from(t.mailSettings)
    .where(eq(t.mailSettings.userId, row.userId))
    .get();
  return !settings || choicesOf(settings)[row.kind];
}
