import 'server-only';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../client';
import * as t from '../schema';
import type { DutyBearer, SdgTarget, Theme } from '../../lib/taxonomy';
import type { CommitmentDto } from '../../lib/api-schemas';
import { SOURCE_REPORT_LANGUAGE } from '../../lib/source-language';
import { currentTranslations } from './commitment-translations';

export interface CommitmentFilters {
  theme?: Theme;
  objective?: number;
  sdg?: SdgTarget;
  dutyBearer?: DutyBearer;
  q?: string;
}

/** `instr` rather than LIKE: the user's text is matched literally, `%` and `_` included. */
export function containsText(columns: SQL[], text: string): SQL {
  const needle = text.toLowerCase();
  return sql`(${sql.join(
    columns.map((column) => sql`instr(lower(${column}), ${needle}) > 0`),
    sql` OR `,
  )})`;
}

export function listCommitments(filters: CommitmentFilters = {}): CommitmentDto[] {
  const db = getDb();
  const conditions: SQL[] = [sql`${t.commitments.archivedAt} IS NULL`];
  if (filters.theme) conditions.push(eq(t.commitments.theme, filters.theme));
  if (filters.objective !== undefined) {
    conditions.push(
      inArray(
        t.commitments.id,
        db
          .select({ id: t.commitmentObjectives.commitmentId })
          .from(t.commitmentObjectives)
          .where(eq(t.commitmentObjectives.objective, filters.objective)),
      ),
    );
  }
  if (filters.sdg) {
    conditions.push(
      inArray(
        t.commitments.id,
        db
          .select({ id: t.commitmentSdgTargets.commitmentId })
          .from(t.commitmentSdgTargets)
          .where(eq(t.commitmentSdgTargets.sdgTarget, filters.sdg)),
      ),
    );
  }
  if (filters.dutyBearer) {
    conditions.push(
      inArray(
        t.commitments.id,
        db
          .select({ id: t.commitmentDutyBearers.commitmentId })
          .from(t.commitmentDutyBearers)
          .where(eq(t.commitmentDutyBearers.dutyBearer, filters.dutyBearer)),
      ),
    );
  }
  if (filters.q)
    conditions.push(
      containsText(
        [sql`${t.commitments.code}`, sql`${t.commitments.title}`, sql`${t.commitments.text}`],
        filters.q,
      ),
    );
  const rows = db
    .select()
    .from(t.commitments)
    .innerJoin(t.sourceDocuments, eq(t.commitments.sourceId, t.sourceDocuments.id))
    .where(and(...conditions))
    .orderBy(asc(t.commitments.position), asc(t.commitments.id))
    .all();
  return withTags(
    rows.map((row) => ({ commitment: row.commitments, source: row.source_documents })),
  );
}

export function getCommitmentByCode(code: string): CommitmentDto | null {
  const row = getDb()
    .select()
    .from(t.commitments)
    .innerJoin(t.sourceDocuments, eq(t.commitments.sourceId, t.sourceDocuments.id))
    .where(eq(t.commitments.code, code))
    .get();
  if (!row) return null;
  return withTags([{ commitment: row.commitments, source: row.source_documents }])[0] ?? null;
}

type CommitmentRow = typeof t.commitments.$inferSelect;
type SourceRow = typeof t.sourceDocuments.$inferSelect;

function withTags(rows: { commitment: CommitmentRow; source: SourceRow }[]): CommitmentDto[] {
  if (rows.length === 0) return [];
  const db = getDb();
  const ids = rows.map((row) => row.commitment.id);
  const group = <V>(pairs: { id: number; value: V }[]) => {
    const byId = new Map<number, V[]>();
    for (const pair of pairs) byId.set(pair.id, [...(byId.get(pair.id) ?? []), pair.value]);
    return byId;
  };
  const dutyBearers = group(
    db
      .select({
        id: t.commitmentDutyBearers.commitmentId,
        value: t.commitmentDutyBearers.dutyBearer,
      })
      .from(t.commitmentDutyBearers)
      .where(inArray(t.commitmentDutyBearers.commitmentId, ids))
      .all(),
  );
  const rightsHolders = group(
    db
      .select({
        id: t.commitmentRightsHolders.commitmentId,
        value: t.commitmentRightsHolders.rightsHolder,
      })
      .from(t.commitmentRightsHolders)
      .where(inArray(t.commitmentRightsHolders.commitmentId, ids))
      .all(),
  );
  const objectives = group(
    db
      .select({ id: t.commitmentObjectives.commitmentId, value: t.commitmentObjectives.objective })
      .from(t.commitmentObjectives)
      .where(inArray(t.commitmentObjectives.commitmentId, ids))
      .orderBy(asc(t.commitmentObjectives.objective))
      .all(),
  );
  const paragraphs = group(
    db
      .select({ id: t.commitmentParagraphs.commitmentId, value: t.commitmentParagraphs.paragraph })
      .from(t.commitmentParagraphs)
      .where(inArray(t.commitmentParagraphs.commitmentId, ids))
      .orderBy(asc(t.commitmentParagraphs.paragraph))
      .all(),
  );
  const sdgTargets = group(
    db
      .select({ id: t.commitmentSdgTargets.commitmentId, value: t.commitmentSdgTargets.sdgTarget })
      .from(t.commitmentSdgTargets)
      .where(inArray(t.commitmentSdgTargets.commitmentId, ids))
      .all(),
  );
  const translations = currentTranslations(ids, db);
  return rows.map(({ commitment, source }) => ({
    code: commitment.code,
    title: commitment.title,
    text: commitment.text,
    language: SOURCE_REPORT_LANGUAGE,
    translations: translations.get(commitment.id) ?? {},
    paragraphs: commitment.paragraphs,
    paragraphNumbers: paragraphs.get(commitment.id) ?? [],
    theme: commitment.theme,
    dutyBearers: dutyBearers.get(commitment.id) ?? [],
    rightsHolders: rightsHolders.get(commitment.id) ?? [],
    gcmObjectives: objectives.get(commitment.id) ?? [],
    sdgTargets: (sdgTargets.get(commitment.id) ?? []).sort((a, b) =>
      a.localeCompare(b, 'en', { numeric: true }),
    ),
    source: {
      slug: source.slug,
      title: source.title,
      author: source.author,
      publishedOn: source.publishedOn,
      place: source.place,
      reference: source.reference,
      url: source.url,
    },
  }));
}
