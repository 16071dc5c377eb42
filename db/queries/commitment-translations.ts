import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import * as t from '../schema';
import { recordAudit } from '../audit';
import {
  adminWrite,
  invalidInput,
  notFound,
  positiveId,
  type AdminWriteContext,
  type AdminWriteResult,
} from './admin-write';
import { commitmentTranslationInputSchema } from '../../lib/admin-input';
import { isTranslationLocale, type TranslationLocale } from '../../lib/source-language';
import type { CommitmentTranslationsDto } from '../../lib/api-schemas';

/**
 * Translations of a commitment's title and text (docs/design.md#translations), shown beside the
 * verbatim original, never in its place. Only admins add them (db/authz.ts
 * `commitment.translate`); nothing is changed or deleted: a new wording is a new version with who
 * and when, and the current translation of a language is its highest version.
 */
export interface TranslationVersionDto {
  locale: TranslationLocale;
  version: number;
  title: string;
  text: string;
  addedAt: string;
  /** The admin who added it, by name. */
  addedBy: string;
}

function latest(tx: Tx, commitmentId: number, locale: TranslationLocale) {
  return tx
    .select()
    .from(t.commitmentTranslations)
    .where(
      and(
        eq(t.commitmentTranslations.commitmentId, commitmentId),
        eq(t.commitmentTranslations.locale, locale),
      ),
    )
    .orderBy(desc(t.commitmentTranslations.version))
    .get();
}

/** What the audit log keeps of a version. */
const audited = (row: typeof t.commitmentTranslations.$inferSelect) => ({
  locale: row.locale,
  version: row.version,
  title: row.title,
  text: row.text,
});

/**
 * Adds a language's translation of a commitment, or a new version of it. The same wording as the
 * current version adds nothing (a repeated submit). `id` in the result is the commitment's.
 */
export function saveCommitmentTranslation(
  userId: string | null | undefined,
  rawCommitmentId: unknown,
  input: unknown,
  context: AdminWriteContext = {},
  db: Db = getDb(),
): AdminWriteResult {
  return adminWrite(db, userId, 'commitment.translate', (tx, principal) => {
    const commitmentId = positiveId(rawCommitmentId);
    const commitment =
      commitmentId === null
        ? undefined
        : tx
            .select({ id: t.commitments.id })
            .from(t.commitments)
            .where(eq(t.commitments.id, commitmentId))
            .get();
    if (!commitment) return notFound('The commitment');
    const parsed = commitmentTranslationInputSchema.safeParse(input);
    if (!parsed.success) return invalidInput(parsed.error, 'a translation');
    const { locale, title, text } = parsed.data;
    const before = latest(tx, commitment.id, locale);
    if (before && before.title === title && before.text === text)
      return { ok: true, id: commitment.id };
    const after = tx
      .insert(t.commitmentTranslations)
      .values({
        commitmentId: commitment.id,
        locale,
        version: (before?.version ?? 0) + 1,
        title,
        text,
        createdBy: principal.userId,
      })
      .returning()
      .get();
    recordAudit(tx, {
      userId: principal.userId,
      action: 'commitment.translate',
      entityType: 'commitment',
      entityId: commitment.id,
      before: before ? audited(before) : undefined,
      after: audited(after),
      requestId: context.requestId,
    });
    return { ok: true, id: commitment.id };
  });
}

/** The current translations of each commitment, by language (none: an empty object). */
export function currentTranslations(
  commitmentIds: readonly number[],
  db: Db = getDb(),
): Map<number, CommitmentTranslationsDto> {
  const result = new Map<number, CommitmentTranslationsDto>(commitmentIds.map((id) => [id, {}]));
  if (commitmentIds.length === 0) return result;
  // Every version, oldest first: the last one read of each language is its current translation.
  const rows = db
    .select({
      commitmentId: t.commitmentTranslations.commitmentId,
      locale: t.commitmentTranslations.locale,
      version: t.commitmentTranslations.version,
      title: t.commitmentTranslations.title,
      text: t.commitmentTranslations.text,
      addedAt: t.commitmentTranslations.createdAt,
    })
    .from(t.commitmentTranslations)
    .where(inArray(t.commitmentTranslations.commitmentId, [...commitmentIds]))
    .orderBy(
      asc(t.commitmentTranslations.commitmentId),
      asc(t.commitmentTranslations.locale),
      asc(t.commitmentTranslations.version),
    )
    .all();
  for (const { commitmentId, locale, ...translation } of rows)
    if (isTranslationLocale(locale)) result.get(commitmentId)![locale] = translation;
  return result;
}

/** Every version of a commitment's translations, newest first in each language, for the admin screen. */
export function translationHistory(
  commitmentId: number,
  db: Db = getDb(),
): TranslationVersionDto[] {
  return db
    .select({
      locale: t.commitmentTranslations.locale,
      version: t.commitmentTranslations.version,
      title: t.commitmentTranslations.title,
      text: t.commitmentTranslations.text,
      addedAt: t.commitmentTranslations.createdAt,
      addedBy: t.users.name,
    })
    .from(t.commitmentTranslations)
    .innerJoin(t.users, eq(t.commitmentTranslations.createdBy, t.users.id))
    .where(eq(t.commitmentTranslations.commitmentId, commitmentId))
    .orderBy(asc(t.commitmentTranslations.locale), desc(t.commitmentTranslations.version))
    .all()
    .filter((row): row is TranslationVersionDto => isTranslationLocale(row.locale));
}
