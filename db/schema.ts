/**
 * The domain schema of docs/design.md. Constraints live here, in the database, not only in code:
 * foreign keys, CHECKs on every enumeration, unique codes. Triggers that keep the audit log and
 * published entries immutable are in a hand-written migration (db/migrations/0001_triggers.sql).
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';
import { STATUS_KEYS } from '../lib/status-scale';
import { ROUND_ASKS } from '../lib/round-completion';
import { MAIL_KINDS } from '../lib/mail';
import { LOCALES } from '../lib/i18n/locales';
import {
  ACTOR_KINDS,
  CONFIDENCE_LEVELS,
  DUTY_BEARERS,
  ENTRY_STATES,
  RIGHTS_HOLDERS,
  ROLES,
  THEMES,
  WORKSPACE_MODES,
} from '../lib/taxonomy';

/** `column IN ('a', 'b', ...)` for a CHECK; values come from our own constants, never from input. */
function inList(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((value) => `'${value}'`).join(', ')})`;
}
const oneOf = (column: string, values: readonly string[]): SQL => sql.raw(inList(column, values));

const isoTimestamp = (name: string) => text(name);
const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** One row: which kind of workspace this database holds, so the demo notice can never be wrong. */
export const workspace = sqliteTable(
  'workspace',
  {
    id: integer('id').primaryKey(),
    mode: text('mode', { enum: WORKSPACE_MODES }).notNull(),
    seededAt: isoTimestamp('seeded_at').notNull(),
  },
  () => [
    check('workspace_single_row', sql.raw(`"id" = 1`)),
    check('workspace_mode', oneOf('mode', WORKSPACE_MODES)),
  ],
);

export const sourceDocuments = sqliteTable(
  'source_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    author: text('author').notNull(),
    publishedOn: text('published_on').notNull(),
    place: text('place').notNull(),
    reference: text('reference'),
    url: text('url'),
    createdAt: createdAt(),
    archivedAt: isoTimestamp('archived_at'),
  },
  () => [
    uniqueIndex('source_documents_slug_unique').on(sql`"slug"`),
    check('source_documents_published_on_date', sql.raw(`date("published_on") IS "published_on"`)),
  ],
);

export const gcmObjectives = sqliteTable(
  'gcm_objectives',
  {
    number: integer('number').primaryKey(),
    title: text('title').notNull(),
  },
  () => [check('gcm_objectives_number_range', sql.raw(`"number" BETWEEN 1 AND 23`))],
);

export const sdgTargets = sqliteTable('sdg_targets', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
});

export const commitments = sqliteTable(
  'commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    sourceId: integer('source_id')
      .notNull()
      .references(() => sourceDocuments.id),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** Citation as printed, e.g. "13-14". */
    paragraphs: text('paragraphs').notNull(),
    theme: text('theme', { enum: THEMES }).notNull(),
    position: integer('position').notNull(),
    createdAt: createdAt(),
    archivedAt: isoTimestamp('archived_at'),
  },
  (table) => [
    uniqueIndex('commitments_code_unique').on(table.code),
    index('commitments_theme_idx').on(table.theme),
    check('commitments_theme', oneOf('theme', THEMES)),
    check('commitments_code_format', sql.raw(`"code" GLOB '[A-Z][A-Z]*-[0-9][0-9]*'`)),
  ],
);

/** The paragraph numbers a commitment cites, one row each, so coverage of the source is a query. */
export const commitmentParagraphs = sqliteTable(
  'commitment_paragraphs',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    paragraph: integer('paragraph').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.paragraph] }),
    check('commitment_paragraphs_positive', sql.raw(`"paragraph" > 0`)),
  ],
);

export const commitmentDutyBearers = sqliteTable(
  'commitment_duty_bearers',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    dutyBearer: text('duty_bearer', { enum: DUTY_BEARERS }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.dutyBearer] }),
    check('commitment_duty_bearers_value', oneOf('duty_bearer', DUTY_BEARERS)),
  ],
);

export const commitmentRightsHolders = sqliteTable(
  'commitment_rights_holders',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    rightsHolder: text('rights_holder', { enum: RIGHTS_HOLDERS }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.rightsHolder] }),
    check('commitment_rights_holders_value', oneOf('rights_holder', RIGHTS_HOLDERS)),
  ],
);

export const commitmentObjectives = sqliteTable(
  'commitment_objectives',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    objective: integer('objective')
      .notNull()
      .references(() => gcmObjectives.number),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.objective] }),
    index('commitment_objectives_objective_idx').on(table.objective),
  ],
);

export const commitmentSdgTargets = sqliteTable(
  'commitment_sdg_targets',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    sdgTarget: text('sdg_target')
      .notNull()
      .references(() => sdgTargets.code),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.sdgTarget] }),
    index('commitment_sdg_targets_target_idx').on(table.sdgTarget),
  ],
);

/**
 * A translation of a commitment's title and text into one of the UN's six languages, shown beside
 * the verbatim original, never in its place (docs/design.md#translations). Append-only: a change
 * is a new version, and the current translation of a (commitment, locale) is its highest version
 * (triggers refuse UPDATE and DELETE).
 */
export const commitmentTranslations = sqliteTable(
  'commitment_translations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    locale: text('locale', { enum: LOCALES }).notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [
    uniqueIndex('commitment_translations_version_unique').on(
      table.commitmentId,
      table.locale,
      table.version,
    ),
    check('commitment_translations_locale', oneOf('locale', LOCALES)),
    check('commitment_translations_version_positive', sql.raw(`"version" > 0`)),
    check(
      'commitment_translations_not_empty',
      sql.raw(`length(trim("title")) > 0 AND length(trim("text")) > 0`),
    ),
  ],
);

export const actors = sqliteTable(
  'actors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ACTOR_KINDS }).notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** ISO 3166-1 alpha-3, real states only. */
    iso3: text('iso3'),
    /** UN M49 region, sub-region and intermediate region names (states). */
    region: text('region'),
    subRegion: text('sub_region'),
    intermediateRegion: text('intermediate_region'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    archivedAt: isoTimestamp('archived_at'),
  },
  (table) => [
    uniqueIndex('actors_iso3_unique').on(table.iso3),
    uniqueIndex('actors_name_unique').on(table.name),
    index('actors_kind_idx').on(table.kind),
    index('actors_region_idx').on(table.region),
    check('actors_kind', oneOf('kind', ACTOR_KINDS)),
    check(
      'actors_iso3_format',
      sql.raw(`"iso3" IS NULL OR ("kind" = 'state' AND "iso3" GLOB '[A-Z][A-Z][A-Z]')`),
    ),
    check('actors_demo_has_no_iso3', sql.raw(`"is_demo" = 0 OR "iso3" IS NULL`)),
    check('actors_is_demo_bool', sql.raw(`"is_demo" IN (0, 1)`)),
  ],
);

/**
 * People who sign in. better-auth uses this table as its `user` model (db/auth.ts); `role`,
 * `actor_id`, `is_demo` and `disabled_at` are ours, and no request to better-auth can set them.
 * better-auth writes Dates; its drizzle adapter stores them in these text columns as ISO 8601.
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    emailVerified: integer('email_verified', { mode: 'boolean' }).notNull().default(false),
    /** better-auth's profile picture URL; unused by the app, present so better-auth's schema matches. */
    image: text('image'),
    role: text('role', { enum: ROLES }).notNull(),
    actorId: integer('actor_id').references(() => actors.id),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    disabledAt: isoTimestamp('disabled_at'),
    /** The language of the user's e-mails (README, E-mail); NULL until chosen: English. */
    locale: text('locale', { enum: LOCALES }),
    createdAt: createdAt(),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  () => [
    uniqueIndex('users_email_unique').on(sql`lower("email")`),
    check('users_role', oneOf('role', ROLES)),
    check('users_member_has_actor', sql.raw(`"role" = 'admin' OR "actor_id" IS NOT NULL`)),
    check('users_locale', oneOf('locale', LOCALES)),
  ],
);

/**
 * One dated statement about one commitment and one actor. Append-only: the content of a published
 * entry never changes (trigger); a correction is a new entry that supersedes it.
 */
export const progressEntries = sqliteTable(
  'progress_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Client-supplied key: a retry after a lost response never makes a duplicate. */
    idempotencyKey: text('idempotency_key').notNull(),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => actors.id),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => actors.id),
    perspective: text('perspective', { enum: ['self', 'independent'] })
      .notNull()
      .generatedAlwaysAs(
        sql.raw(`CASE WHEN "subject_id" = "reporter_id" THEN 'self' ELSE 'independent' END`),
        {
          mode: 'stored',
        },
      ),
    status: text('status', { enum: STATUS_KEYS }).notNull(),
    asOf: text('as_of').notNull(),
    summary: text('summary').notNull(),
    narrative: text('narrative').notNull().default(''),
    /** JSON array of measure keys (lib/taxonomy MEASURES). */
    measures: text('measures').notNull().default('[]'),
    /** JSON array of { url, title, relation }. */
    evidence: text('evidence').notNull().default('[]'),
    confidence: text('confidence', { enum: CONFIDENCE_LEVELS }),
    adverseEffects: integer('adverse_effects', { mode: 'boolean' }).notNull().default(false),
    adverseEffectsDescription: text('adverse_effects_description'),
    supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => progressEntries.id),
    state: text('state', { enum: ENTRY_STATES }).notNull(),
    returnNote: text('return_note'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    approvedBy: text('approved_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    submittedAt: isoTimestamp('submitted_at'),
    returnedAt: isoTimestamp('returned_at'),
    publishedAt: isoTimestamp('published_at'),
    /** Set once, when a correction that supersedes this entry is published. */
    supersededById: integer('superseded_by_id').references(
      (): AnySQLiteColumn => progressEntries.id,
    ),
    supersededAt: isoTimestamp('superseded_at'),
    withdrawnAt: isoTimestamp('withdrawn_at'),
    withdrawnBy: text('withdrawn_by').references(() => users.id),
    withdrawalReason: text('withdrawal_reason'),
  },
  (table) => [
    uniqueIndex('progress_entries_idempotency_key_unique').on(table.idempotencyKey),
    index('progress_entries_public_pair_idx').on(
      table.commitmentId,
      table.subjectId,
      table.perspective,
      table.asOf,
      table.publishedAt,
    ),
    // One index per filter of the published list, each then in the list's order (as_of,
    // published_at, and the rowid id last), so a page and a capped count read only the rows they
    // need (db/queries/entries.ts; db/queries/entries-list.test.ts holds the plans).
    index('progress_entries_subject_idx').on(
      table.subjectId,
      table.state,
      table.asOf,
      table.publishedAt,
    ),
    index('progress_entries_reporter_idx').on(
      table.reporterId,
      table.state,
      table.asOf,
      table.publishedAt,
    ),
    // An actor's independent assessments of others (its page): most of a heavy reporter's
    // entries are self-reports, which the reporter index alone would read and skip.
    index('progress_entries_reporter_perspective_idx').on(
      table.reporterId,
      table.perspective,
      table.state,
      table.asOf,
      table.publishedAt,
    ),
    // An actor's entries in one perspective: few independent assessments of an actor of
    // 100,000 self-reports, which the subject index alone would read and skip.
    index('progress_entries_subject_perspective_idx').on(
      table.subjectId,
      table.perspective,
      table.state,
      table.asOf,
      table.publishedAt,
    ),
    // A person's own entries by state, most recently changed first (my entries, home).
    index('progress_entries_author_idx').on(table.createdBy, table.state, table.updatedAt),
    index('progress_entries_commitment_idx').on(
      table.commitmentId,
      table.state,
      table.asOf,
      table.publishedAt,
    ),
    index('progress_entries_state_idx').on(table.state, table.asOf, table.publishedAt),
    // Entries by publication time: the whole feed's order (db/queries/feed-entries.ts), so an
    // entry dated in the past but published today is still new to a feed reader.
    index('progress_entries_published_idx').on(table.publishedAt),
    index('progress_entries_perspective_idx').on(
      table.state,
      table.perspective,
      table.asOf,
      table.publishedAt,
    ),
    index('progress_entries_status_idx').on(
      table.state,
      table.status,
      table.asOf,
      table.publishedAt,
    ),
    // A status in one perspective, which the status index alone would read and skip by half.
    index('progress_entries_status_perspective_idx').on(
      table.state,
      table.status,
      table.perspective,
      table.asOf,
      table.publishedAt,
    ),
    check('progress_entries_status', oneOf('status', STATUS_KEYS)),
    check('progress_entries_state', oneOf('state', ENTRY_STATES)),
    check(
      'progress_entries_confidence',
      sql.raw(`"confidence" IS NULL OR ${inList('confidence', CONFIDENCE_LEVELS)}`),
    ),
    check(
      'progress_entries_as_of_date',
      sql.raw(`date("as_of") IS "as_of" AND "as_of" >= '1990-01-01'`),
    ),
    check('progress_entries_summary_present', sql.raw(`length(trim("summary")) > 0`)),
    check(
      'progress_entries_measures_json',
      sql.raw(`json_valid("measures") AND json_type("measures") = 'array'`),
    ),
    check(
      'progress_entries_evidence_json',
      sql.raw(`json_valid("evidence") AND json_type("evidence") = 'array'`),
    ),
    check(
      'progress_entries_self_report_has_no_confidence',
      sql.raw(`"subject_id" <> "reporter_id" OR "confidence" IS NULL`),
    ),
    check(
      'progress_entries_adverse_effects_described',
      sql.raw(
        `"adverse_effects" = 0 OR length(trim(coalesce("adverse_effects_description", ''))) > 0`,
      ),
    ),
    check('progress_entries_adverse_effects_bool', sql.raw(`"adverse_effects" IN (0, 1)`)),
    check(
      'progress_entries_published_has_time',
      sql.raw(`"state" <> 'published' OR "published_at" IS NOT NULL`),
    ),
    check(
      'progress_entries_returned_has_note',
      sql.raw(`"state" <> 'returned' OR length(trim(coalesce("return_note", ''))) > 0`),
    ),
    check(
      'progress_entries_withdrawal_complete',
      sql.raw(
        `("withdrawn_at" IS NULL AND "withdrawn_by" IS NULL AND "withdrawal_reason" IS NULL) OR ("state" = 'published' AND "withdrawn_at" IS NOT NULL AND "withdrawn_by" IS NOT NULL AND length(trim(coalesce("withdrawal_reason", ''))) > 0)`,
      ),
    ),
    check(
      'progress_entries_not_self_superseding',
      sql.raw(`"supersedes_id" IS NULL OR "supersedes_id" <> "id"`),
    ),
  ],
);

/**
 * Personal API tokens for programs that write through /api/v1. Only a SHA-256 of the token is
 * kept (the token is 256 random bits, so a fast hash is enough); the prefix identifies it on
 * screen. A token acts as its user, through the same rules; revoking is final, never a delete.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: isoTimestamp('last_used_at'),
    revokedAt: isoTimestamp('revoked_at'),
  },
  (table) => [
    uniqueIndex('api_tokens_hash_unique').on(table.tokenHash),
    index('api_tokens_user_idx').on(table.userId),
    check('api_tokens_name_length', sql.raw(`length(trim("name")) BETWEEN 1 AND 100`)),
  ],
);

/**
 * A reporting round (docs/design.md#reporting-rounds): the commitments it covers, whom it asks
 * and from when to when. Edited, closed and archived by admins, never deleted (trigger).
 */
export const reportingRounds = sqliteTable(
  'reporting_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    opensOn: text('opens_on').notNull(),
    dueOn: text('due_on').notNull(),
    asks: text('asks', { enum: ROUND_ASKS }).notNull(),
    /** The UN M49 region whose states it asks (`asks` = region). */
    region: text('region'),
    note: text('note'),
    createdAt: createdAt(),
    closedAt: isoTimestamp('closed_at'),
    archivedAt: isoTimestamp('archived_at'),
  },
  () => [
    check('reporting_rounds_asks', oneOf('asks', ROUND_ASKS)),
    check(
      'reporting_rounds_dates',
      sql.raw(
        `date("opens_on") IS "opens_on" AND date("due_on") IS "due_on" AND "due_on" >= "opens_on"`,
      ),
    ),
    check('reporting_rounds_region', sql.raw(`("asks" = 'region') = ("region" IS NOT NULL)`)),
  ],
);

export const reportingRoundCommitments = sqliteTable(
  'reporting_round_commitments',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => reportingRounds.id),
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.commitmentId] })],
);

/** The listed actors of a round that asks a list. */
export const reportingRoundActors = sqliteTable(
  'reporting_round_actors',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => reportingRounds.id),
    actorId: integer('actor_id')
      .notNull()
      .references(() => actors.id),
  },
  (table) => [primaryKey({ columns: [table.roundId, table.actorId] })],
);

export const FOLLOW_TARGET_KINDS = ['commitment', 'actor'] as const;

/**
 * A user following a commitment or an actor (the weekly digest, the account page). Never deleted:
 * unfollowing sets `ended_at`, so at most one row per target is active (partial unique index).
 */
export const follows = sqliteTable(
  'follows',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    targetKind: text('target_kind', { enum: FOLLOW_TARGET_KINDS }).notNull(),
    targetId: integer('target_id').notNull(),
    /** Milliseconds since the epoch. */
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (table) => [
    uniqueIndex('follows_active_unique')
      .on(table.userId, table.targetKind, table.targetId)
      .where(sql.raw(`"ended_at" IS NULL`)),
    check('follows_target_kind', oneOf('target_kind', FOLLOW_TARGET_KINDS)),
  ],
);

/** The audit rows of the public change log: each publication, correction and withdrawal. */
export const PUBLIC_CHANGES =
  `"entity_type" = 'progress_entry' AND ` +
  `"action" IN ('entry.publish', 'entry.supersede', 'entry.withdraw')`;

/** Every write: who, when, what, before and after. Append-only (triggers). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** Null for the system (seed, migrations). */
    userId: text('user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before'),
    after: text('after'),
    requestId: text('request_id'),
  },
  (table) => [
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
    index('audit_log_at_idx').on(table.at),
    // The public change log in its order (at, then the rowid id): its pages and its capped count
    // read this index alone (db/queries/entries.ts listPublicChanges).
    index('audit_log_public_changes_idx').on(table.at).where(sql.raw(PUBLIC_CHANGES)),
    check('audit_log_before_json', sql.raw(`"before" IS NULL OR json_valid("before")`)),
    check('audit_log_after_json', sql.raw(`"after" IS NULL OR json_valid("after")`)),
  ],
);

/**
 * Read model: the current status of each (commitment, subject, perspective), kept by triggers in
 * the same transaction as every publish, supersede and withdraw (db/migrations/0001_triggers.sql),
 * so the overview's cost follows actors x commitments, not the number of entries. The subject index
 * covers what the matrix reads of a page of actors, so a page never reads the table.
 */
export const currentStatus = sqliteTable(
  'current_status',
  {
    commitmentId: integer('commitment_id')
      .notNull()
      .references(() => commitments.id),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => actors.id),
    perspective: text('perspective', { enum: ['self', 'independent'] }).notNull(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => progressEntries.id),
    status: text('status', { enum: STATUS_KEYS }).notNull(),
    asOf: text('as_of').notNull(),
    publishedAt: text('published_at').notNull(),
    adverseEffects: integer('adverse_effects', { mode: 'boolean' }).notNull(),
    // The entry's reporter and summary (never changed once published), so the matrix export
    // reads no entry. Filled for every row (0011_current_status_summary.sql); NULL-able only
    // because SQLite adds a column to a table that way.
    reporterId: integer('reporter_id').references(() => actors.id),
    summary: text('summary'),
  },
  (table) => [
    primaryKey({ columns: [table.commitmentId, table.subjectId, table.perspective] }),
    index('current_status_subject_idx').on(
      table.subjectId,
      table.commitmentId,
      table.perspective,
      table.status,
      table.asOf,
      table.entryId,
    ),
    // A commitment's current statuses (its page) from the index alone: the table's rows of one
    // commitment are scattered, one page read for each.
    index('current_status_commitment_idx').on(
      table.commitmentId,
      table.subjectId,
      table.perspective,
      table.status,
      table.asOf,
      table.entryId,
    ),
    // A page of actors' cells with their summaries and reporters, read in actor order (the
    // matrix export, db/queries/matrix.ts exportStatusesSql).
    index('current_status_matrix_idx').on(
      table.subjectId,
      table.commitmentId,
      table.perspective,
      table.status,
      table.asOf,
      table.entryId,
      table.reporterId,
      table.summary,
    ),
    check('current_status_perspective', oneOf('perspective', ['self', 'independent'])),
  ],
);

const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/**
 * Signed-in browsers (better-auth's `session` model). Revocable: deleting a row signs that
 * browser out at its next request; disabling a user deletes all of that user's rows.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    /** Random token carried, signed, in the HttpOnly session cookie. */
    token: text('token').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: isoTimestamp('expires_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('sessions_token_unique').on(table.token),
    index('sessions_user_idx').on(table.userId),
  ],
);

/** Credentials (better-auth's `account` model): provider `credential` holds the scrypt hash. */
export const accounts = sqliteTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: isoTimestamp('access_token_expires_at'),
    refreshTokenExpiresAt: isoTimestamp('refresh_token_expires_at'),
    scope: text('scope'),
    /** `salt:key` of scrypt (memory-hard), never the password itself. */
    password: text('password'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('accounts_provider_account_unique').on(table.providerId, table.accountId),
    index('accounts_user_idx').on(table.userId),
  ],
);

/** One-time tokens (better-auth's `verification` model); unused until e-mail flows exist. */
export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: isoTimestamp('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('verifications_identifier_idx').on(table.identifier)],
);

/**
 * better-auth's rate-limit counters (`rateLimit` model), one row per client address and path,
 * kept in the database so limits survive restarts and hold across server processes.
 */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    count: integer('count').notNull(),
    /** Milliseconds since the epoch. */
    lastRequest: integer('last_request').notNull(),
  },
  (table) => [uniqueIndex('rate_limits_key_unique').on(table.key)],
);

/**
 * Failed sign-ins per e-mail address and client address (db/sign-in-throttle.ts), whether or not
 * an account exists for the e-mail, so the limits say nothing about who has an account; and when
 * that e-mail last signed in from that address, which makes the address one its owner uses.
 */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    email: text('email').notNull(),
    /** lib/client-address.ts normalizeAddress, or `unknown`. */
    address: text('address').notNull(),
    /** Failures counted since `window_started_at`. */
    failures: integer('failures').notNull(),
    /** Milliseconds since the epoch, like the times below. */
    windowStartedAt: integer('window_started_at').notNull(),
    lastFailedAt: integer('last_failed_at'),
    lastSucceededAt: integer('last_succeeded_at'),
  },
  (table) => [
    primaryKey({ columns: [table.email, table.address] }),
    index('sign_in_attempts_window_idx').on(table.windowStartedAt),
    check('sign_in_attempts_failures', sql.raw(`"failures" >= 0`)),
  ],
);

/** Settings the application creates for itself, e.g. the derived auth secret of a local database. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

/**
 * E-mail waiting to go out and gone out (README, E-mail). The unique key (kind, user, subject key)
 * makes each message enqueued once, whoever enqueues it and however often; rows are never
 * deleted, and `sent_at` once recorded never changes (db/migrations/0007_mail.sql).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** What the message is about, e.g. `entry:12:2026-12-05T10:00:00.000Z` or `round:3:due`. */
    subjectKey: text('subject_key').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    unsubscribeUrl: text('unsubscribe_url').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** A sender holds the row until then (a lease), so two senders never send it at once. */
    claimedUntil: isoTimestamp('claimed_until'),
    sentAt: isoTimestamp('sent_at'),
    /** Given up: too many failures, a permanent refusal, or the recipient turned the kind off. */
    droppedAt: isoTimestamp('dropped_at'),
    lastError: text('last_error'),
  },
  (table) => [
    uniqueIndex('outbox_message_unique').on(table.kind, table.userId, table.subjectKey),
    index('outbox_pending_idx')
      .on(table.nextAttemptAt)
      .where(sql.raw(`"sent_at" IS NULL AND "dropped_at" IS NULL`)),
    index('outbox_created_idx').on(table.createdAt),
    check('outbox_kind', oneOf('kind', MAIL_KINDS)),
    check('outbox_attempts', sql.raw(`"attempts" >= 0`)),
  ],
);

/**
 * A user's e-mail settings: each kind on or off, and the token of the unsubscribe links in their
 * messages, which turns a kind off without signing in. Created on the first message or change.
 */
export const mailSettings = sqliteTable('mail_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  unsubscribeToken: text('unsubscribe_token').notNull().unique('mail_settings_token_unique'),
  reviewWaiting: integer('review_waiting', { mode: 'boolean' }).notNull().default(true),
  entryReturned: integer('entry_returned', { mode: 'boolean' }).notNull().default(true),
  roundReminder: integer('round_reminder', { mode: 'boolean' }).notNull().default(true),
  digest: integer('digest', { mode: 'boolean' }).notNull().default(true),
  updatedAt: text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});
