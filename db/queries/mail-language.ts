import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import { authorizeAccount } from '../authz';
import { loadPrincipal } from './principal';
import { DEFAULT_LOCALE } from '../../lib/i18n/catalogue';
import { LOCALES, type Locale } from '../../lib/i18n/locales';

/**
 * The language a user's e-mails are written in (README, E-mail): chosen on the account page, or
 * taken from the page of their first sign-in in another language than English. NULL until then,
 * which means English. Every change is audited, in the same transaction.
 */
const isLocale = (value: unknown): value is Locale =>
  (LOCALES as readonly unknown[]).includes(value);

/** The stored language of a user's e-mails; null when they never had one (English). */
export function mailLanguageOf(userId: string, db: Db = getDb()): Locale | null {
  return (
    db.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, userId)).get()
      ?.locale ?? null
  );
}

function write(
  tx: Tx,
  userId: string,
  before: Locale | null,
  after: Locale,
  action: string,
  requestId: string | null | undefined,
  by: string | null = userId,
): void {
  tx.update(t.users)
    .set({ locale: after, updatedAt: new Date().toISOString() })
    .where(eq(t.users.id, userId))
    .run();
  recordAudit(tx, {
    userId: by,
    action,
    entityType: 'user',
    entityId: userId,
    before: { locale: before },
    after: { locale: after },
    requestId,
  });
}

export type MailLanguageResult =
  | { ok: true }
  | { ok: false; status: 400; field: 'locale' }
  | { ok: false; status: 403; reason: string };

/**
 * `callerId` sets the language of `ownerId`'s e-mails: their own only (db/authz.ts). A value that
 * is no language of the app changes nothing and names the field; so does a refusal.
 */
export function setMailLanguage(
  callerId: string,
  ownerId: string,
  locale: unknown,
  context: { requestId?: string | null } = {},
  db: Db = getDb(),
): MailLanguageResult {
  if (!isLocale(locale)) return { ok: false, status: 400, field: 'locale' };
  return db.transaction(
    (tx) => {
      const decision = authorizeAccount(
        loadPrincipal(tx, callerId),
        'account.mailLanguage',
        ownerId,
      );
      if (!decision.allowed) return { ok: false, status: 403, reason: decision.reason } as const;
      const before =
        tx.select({ locale: t.users.locale }).from(t.users).where(eq(t.users.id, ownerId)).get()
          ?.locale ?? null;
      if (before !== locale) write(tx, ownerId, before, locale, 'mail.language', context.requestId);
      return { ok: true } as const;
    },
    { behavior: 'immediate' },
  );
}

/**
 * On a successful sign-in from a page in another language than English (/fr/sign-in), a user
 * who never had a language gets that one; a chosen or earlier one is kept. English needs no
 * record: it is what NULL means. True when the language was recorded.
 */
export function adoptSignInLanguage(
  db: Db,
  userId: string,
  locale: unknown,
  context: { requestId?: string | null } = {},
): boolean {
  if (!isLocale(locale) || locale === DEFAULT_LOCALE) return false;
  return db.transaction(
    (tx) => {
      if (!authorizeAccount(loadPrincipal(tx, userId), 'account.mailLanguage', userId).allowed)
        return false;
      const unset = tx
        .select({ id: t.users.id })
        .from(t.users)
        .where(and(eq(t.users.id, userId), isNull(t.users.locale)))
        .get();
      if (!unset) return false;
      write(tx, userId, null, locale, 'mail.language.sign-in', context.requestId);
      return true;
    },
    { behavior: 'immediate' },
  );
}

/**
 * The console's way (`npm run user:create -- --locale fr`): whoever can run it can already write
 * the database file, so the audit row names no user, as the user's creation does.
 */
export function setMailLanguageFromConsole(db: Db, userId: string, locale: Locale): boolean {
  return db.transaction(
    (tx) => {
      const user = tx
        .select({ locale: t.users.locale })
        .from(t.users)
        .where(eq(t.users.id, userId))
        .get();
      if (!user) return false;
      if (user.locale !== locale)
        write(tx, userId, user.locale, locale, 'mail.language', null, null);
      return true;
    },
    { behavior: 'immediate' },
  );
}
