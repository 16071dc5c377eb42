import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import { loadPrincipal } from './principal';
import { MAIL_KINDS, type MailKind } from '../../lib/mail';

/**
 * Each user's e-mail settings (README, E-mail): which kinds they receive, and the token of the
 * unsubscribe links that turns one off without signing in. Every change is audited.
 */
type SettingsRow = typeof t.mailSettings.$inferSelect;
export type MailChoices = Record<MailKind, boolean>;

const COLUMN = {
  review_waiting: 'reviewWaiting',
  entry_returned: 'entryReturned',
  round_reminder: 'roundReminder',
  digest: 'digest',
} as const satisfies Record<MailKind, keyof SettingsRow>;

export const choicesOf = (row: SettingsRow): MailChoices =>
  Object.fromEntries(MAIL_KINDS.map((kind) => [kind, row[COLUMN[kind]]])) as MailChoices;

/** A user's settings row, created with every kind on and a fresh token on first need. */
export function ensureMailSettings(db: Db | Tx, userId: string): SettingsRow {
  db.insert(t.mailSettings)
    .values({ userId, unsubscribeToken: randomBytes(32).toString('base64url') })
    .onConflictDoNothing()
    .run();
  return db.select().from(t.mailSettings).where(eq(t.mailSettings.userId, userId)).get()!;
}

/** The signed-in user's choices (every kind on until they change it). */
export function mailChoicesOf(userId: string, db: Db = getDb()): MailChoices {
  const row = db.select().from(t.mailSettings).where(eq(t.mailSettings.userId, userId)).get();
  return row
    ? choicesOf(row)
    : (Object.fromEntries(MAIL_KINDS.map((kind) => [kind, true])) as MailChoices);
}

function writeChoices(
  tx: Tx,
  before: SettingsRow,
  choices: Partial<MailChoices>,
  auditUserId: string,
  action: string,
  requestId: string | null | undefined,
): void {
  const values = Object.fromEntries(
    Object.entries(choices).map(([kind, on]) => [COLUMN[kind as MailKind], on]),
  );
  tx.update(t.mailSettings)
    .set({ ...values, updatedAt: new Date().toISOString() })
    .where(eq(t.mailSettings.userId, before.userId))
    .run();
  recordAudit(tx, {
    userId: auditUserId,
    action,
    entityType: 'mail_settings',
    entityId: before.userId,
    before: choicesOf(before),
    after: { ...choicesOf(before), ...choices },
    requestId,
  });
}

/**
 * The signed-in user turns kinds on and off from the account page: `on` lists the kinds to
 * receive, any other is off. A value that is no kind, or a disabled or unknown user, changes
 * nothing.
 */
export function updateMailChoices(
  userId: string,
  on: readonly unknown[],
  context: { requestId?: string | null } = {},
  db: Db = getDb(),
): { ok: true } | { ok: false; status: 400 | 403 } {
  if (!on.every((kind) => (MAIL_KINDS as readonly unknown[]).includes(kind)))
    return { ok: false, status: 400 };
  return db.transaction(
    (tx) => {
      if (!loadPrincipal(tx, userId)) return { ok: false, status: 403 } as const;
      const before = ensureMailSettings(tx, userId);
      const choices = Object.fromEntries(
        MAIL_KINDS.map((kind) => [kind, on.includes(kind)]),
      ) as MailChoices;
      writeChoices(tx, before, choices, userId, 'mail.settings', context.requestId);
      return { ok: true } as const;
    },
    { behavior: 'immediate' },
  );
}

/** What an unsubscribe link's page shows: whose address, nothing else. Null for a bad token. */
export function unsubscribeTarget(
  token: string,
  db: Db = getDb(),
): { email: string; choices: MailChoices } | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = db
    .select({ settings: t.mailSettings, email: t.users.email })
    .from(t.mailSettings)
    .innerJoin(t.users, eq(t.users.id, t.mailSettings.userId))
    .where(eq(t.mailSettings.unsubscribeToken, token))
    .get();
  return row ? { email: row.email, choices: choicesOf(row.settings) } : null;
}

/** Turns one kind off for the owner of an unsubscribe token; audited as that user. */
export function unsubscribe(
  token: string,
  kind: MailKind,
  context: { requestId?: string | null } = {},
  db: Db = getDb(),
): boolean {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  return db.transaction(
    (tx) => {
      const before = tx
        .select()
        .from(t.mailSettings)
        .where(eq(t.mailSettings.unsubscribeToken, token))
        .get();
      if (!before) return false;
      if (before[COLUMN[kind]])
        writeChoices(
          tx,
          before,
          { [kind]: false },
          before.userId,
          'mail.unsubscribe',
          context.requestId,
        );
      return true;
    },
    { behavior: 'immediate' },
  );
}
