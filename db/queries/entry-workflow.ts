import 'server-only';
import { getDb } from '../client';
import * as t from '../schema';
import { statementStore, type EntryRow, type EntryStore } from './entry-store';
import { authorize, type EntryAction, type EntryResource, type Principal } from '../authz';
import { appliesToKind } from '../../lib/taxonomy';
import { enqueueReturned, enqueueReviewWaiting } from './outbox-notify';
import type { CreateAction } from '../../lib/api-schemas';
import {
  entryInputSchema,
  fieldErrorCodes,
  fieldErrors,
  returnNoteSchema,
  withdrawalReasonSchema,
  type EntryInput,
  type FieldErrorCode,
  type FieldErrorCodes,
  type FieldErrors,
} from '../../lib/entry-input';
import {
  bidiControlErrors,
  ILL_FORMED_MESSAGE,
  textIntegrityErrors,
} from '../../lib/text-integrity';

/**
 * The progress-entry workflow: draft -> submitted -> published, or returned with a note; a
 * correction supersedes a published entry; an admin withdraws one. Every function loads the
 * signed-in user afresh, authorizes through db/authz.ts, and writes the change and its audit row
 * in one immediate transaction. Expected failures are values, never exceptions.
 */
export type WriteResult =
  | { ok: true; entryId: number; duplicate?: boolean }
  | {
      ok: false;
      status: 400 | 403 | 404 | 409;
      message: string;
      fieldErrors?: FieldErrors;
      fieldCodes?: FieldErrorCodes;
    };

export interface WriteContext {
  requestId?: string | null;
}

const invalid = (errors: FieldErrors, codes?: FieldErrorCodes): WriteResult => ({
  ok: false,
  status: 400,
  message: `Check ${Object.keys(errors).join(', ')}: ${Object.entries(errors)
    .map(([field, message]) => `${field} ${message}`)
    .join('; ')}`,
  fieldErrors: errors,
  ...(codes ? { fieldCodes: codes } : {}),
});
/** One field refused, with the code the form words it by. */
const refuse = (field: string, code: FieldErrorCode, message: string): WriteResult =>
  invalid({ [field]: message }, { [field]: code });
const forbidden = (message: string): WriteResult => ({ ok: false, status: 403, message });
const notFound = (what: string): WriteResult => ({
  ok: false,
  status: 404,
  message: `${what} was not found.`,
});

function now(): string {
  return new Date().toISOString();
}

function resourceOf(
  store: EntryStore,
  entry: Pick<
    EntryRow,
    | 'commitmentId'
    | 'subjectId'
    | 'reporterId'
    | 'state'
    | 'createdBy'
    | 'withdrawnAt'
    | 'supersededById'
  >,
  state: EntryResource['state'],
): EntryResource | null {
  const subject = store.actor(entry.subjectId);
  const reporter = store.actor(entry.reporterId);
  if (!subject || !reporter) return null;
  return {
    reporterId: entry.reporterId,
    reporterKind: reporter.kind,
    subjectId: entry.subjectId,
    subjectKind: subject.kind,
    applies: appliesToKind(store.dutyBearers(entry.commitmentId), subject.kind),
    state,
    createdBy: entry.createdBy,
    withdrawn: entry.withdrawnAt !== null,
    superseded: entry.supersededById !== null,
  };
}

/** The workflow's own immediate transaction on the app's database, read and written through its compiled store. */
function transaction<T>(work: (store: EntryStore) => T): T {
  const db = getDb();
  return db.transaction(() => work(statementStore(db)), { behavior: 'immediate' });
}

/** The columns a person writes, from validated input; the same for a new entry and an edited draft. */
function entryContent(data: EntryInput, selfReport: boolean) {
  return {
    status: data.status,
    asOf: data.asOf,
    summary: data.summary.trim(),
    narrative: data.narrative,
    measures: JSON.stringify(data.measures),
    evidence: JSON.stringify(data.evidence),
    confidence: selfReport ? null : data.confidence,
    adverseEffects: data.adverseEffects,
    adverseEffectsDescription: data.adverseEffects ? data.adverseEffectsDescription : null,
  };
}

/**
 * An entry's input as every path gives it (form, API, batch, import row), checked in order: text
 * that is not well-formed Unicode or a key such as `__proto__` anywhere in it, then the entry
 * schema, then bidirectional controls in its one-line fields (summary, evidence titles and links).
 */
export function parseEntryInput(
  input: unknown,
): { ok: true; data: EntryInput } | { ok: false; errors: FieldErrors; codes?: FieldErrorCodes } {
  // The form words these by code: broken text as invalid text, a key such as __proto__ as a field
  // that is not the form's, bidirectional controls as the invisible formatting codes they are.
  const coded = (errors: FieldErrors, code: (message: string) => FieldErrorCode) => ({
    ok: false as const,
    errors,
    codes: Object.fromEntries(
      Object.entries(errors).map(([field, message]) => [field, code(message)]),
    ),
  });
  const broken = textIntegrityErrors(input);
  if (broken)
    return coded(broken, (message) =>
      message === ILL_FORMED_MESSAGE ? 'invalid_text' : 'unknown_field',
    );
  const parsed = entryInputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: fieldErrors(parsed.error), codes: fieldErrorCodes(parsed.error) };
  const oneLine = bidiControlErrors({
    summary: parsed.data.summary,
    ...Object.fromEntries(
      parsed.data.evidence.flatMap((link, index) => [
        [`evidence.${index}.title`, link.title],
        [`evidence.${index}.url`, link.url],
      ]),
    ),
  });
  return oneLine ? coded(oneLine, () => 'control_characters') : { ok: true, data: parsed.data };
}

/** Creates a draft from the user's own actor. Retrying with the same idempotency key returns the first entry. */
export function createEntry(
  userId: string,
  input: unknown,
  context: WriteContext = {},
): WriteResult {
  const parsed = parseEntryInput(input);
  if (!parsed.ok) return invalid(parsed.errors, parsed.codes);
  return transaction((store) => createIn(store, userId, parsed.data, context));
}

/**
 * Creates an entry and submits or publishes it in ONE immediate transaction, through the same
 * rules as doing it in steps: if the advance is refused, the new draft is rolled back too. A retry
 * with the same idempotency key returns the first entry, whatever its state, and writes nothing.
 */
export function createAndAdvanceEntry(
  userId: string,
  input: unknown,
  action: CreateAction,
  context: WriteContext = {},
): WriteResult {
  const parsed = parseEntryInput(input);
  if (!parsed.ok) return invalid(parsed.errors, parsed.codes);
  return settle(() =>
    transaction((store) => {
      const created = createIn(store, userId, parsed.data, context);
      if (!created.ok || created.duplicate || action === 'draft') return created;
      const advanced = ADVANCE[action](store, userId, created.entryId, context);
      if (!advanced.ok) throw new RollbackError(advanced);
      return advanced;
    }),
  );
}

/** How an import creates: as the reporter it names, under the import rule, into a given state. */
export interface ImportCreate {
  /** A focal point imports for its own actor; an admin names the reporter of each row. */
  reporterId: number;
  /** An admin's import lands in the reporter's review queue; a focal point's as a draft it may then publish. */
  state: 'draft' | 'submitted';
}

/**
 * Creates an entry inside the caller's transaction: the form's path (`entry.create`, as the
 * user's own actor, a draft) or, with `imported`, the import's (`entry.import`).
 */
export function createIn(
  store: EntryStore,
  userId: string,
  data: EntryInput,
  context: WriteContext,
  imported?: ImportCreate,
): WriteResult {
  const principal = store.principal(userId);
  const reporterId = imported ? imported.reporterId : principal?.actorId;
  if (!principal || reporterId === null || reporterId === undefined)
    return forbidden('Only a member of an actor can log progress.');
  const existing = store.entryByKey(data.idempotencyKey);
  if (existing) {
    return existing.createdBy === principal.userId
      ? { ok: true, entryId: existing.id, duplicate: true }
      : {
          ok: false,
          status: 409,
          message: 'This idempotency key was already used for another entry.',
        };
  }
  const archived = archivedReporter(store, reporterId);
  if (archived) return archived;
  const commitment = store.liveCommitment(data.commitment);
  if (!commitment)
    return refuse('commitment', 'invalid_choice', 'is not a commitment of this workspace');
  const subjectActor = store.actor(data.subject);
  if (!subjectActor || subjectActor.archived)
    return refuse('subject', 'invalid_choice', 'is not an actor of this workspace');
  const subject = { id: data.subject };
  const draft = {
    commitmentId: commitment.id,
    subjectId: subject.id,
    reporterId,
    state: 'draft' as const,
    createdBy: principal.userId,
    withdrawnAt: null,
    supersededById: null,
  };
  const resource = resourceOf(store, draft, 'new');
  if (!resource) return notFound('The actor');
  const decision = authorize(principal, imported ? 'entry.import' : 'entry.create', resource);
  if (!decision.allowed) return forbidden(decision.reason);
  const selfReport = subject.id === reporterId;
  const confidence = confidenceProblem(selfReport, data);
  if (confidence) return confidence;
  if (data.supersedes !== null) {
    const original = store.entry(data.supersedes);
    if (
      !original ||
      original.state !== 'published' ||
      original.withdrawnAt !== null ||
      original.supersededById !== null
    ) {
      return refuse(
        'supersedes',
        'invalid_choice',
        'must be a published entry that is still current',
      );
    }
    if (
      original.commitmentId !== commitment.id ||
      original.subjectId !== subject.id ||
      original.reporterId !== reporterId
    ) {
      return refuse(
        'supersedes',
        'not_allowed',
        'must be an entry of the same commitment, subject and reporter',
      );
    }
  }
  const timestamp = now();
  const entry = store.insertEntry({
    idempotencyKey: data.idempotencyKey,
    commitmentId: commitment.id,
    subjectId: subject.id,
    reporterId,
    ...entryContent(data, selfReport),
    supersedesId: data.supersedes,
    state: imported?.state ?? 'draft',
    submittedAt: imported?.state === 'submitted' ? timestamp : null,
    createdBy: principal.userId,
    createdAt: timestamp,
    updatedAt: timestamp,
  });
  store.audit({
    userId: principal.userId,
    action: imported ? 'entry.import' : 'entry.create',
    entityType: 'progress_entry',
    entityId: entry.id,
    after: entry,
    requestId: context.requestId,
  });
  return { ok: true, entryId: entry.id };
}

/** Loads an entry and checks one action on it, inside the caller's transaction. */
function guarded(
  store: EntryStore,
  userId: string,
  entryId: number,
  action: EntryAction,
): { principal: Principal; entry: EntryRow } | WriteResult {
  const principal = store.principal(userId);
  if (!principal) return forbidden('Sign in to do this.');
  const entry = store.entry(entryId);
  if (!entry) return notFound('The entry');
  const resource = resourceOf(store, entry, entry.state);
  if (!resource) return notFound('The actor');
  const decision = authorize(principal, action, resource);
  if (!decision.allowed) {
    // Another actor's unpublished entry is not even acknowledged to exist.
    const ownActor = principal.actorId === entry.reporterId;
    return entry.state === 'published' || ownActor
      ? forbidden(decision.reason)
      : notFound('The entry');
  }
  return { principal, entry };
}

function isResult(value: unknown): value is WriteResult {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

function transition(
  userId: string,
  entryId: number,
  action: EntryAction,
  change: (
    entry: EntryRow,
    principal: Principal,
    timestamp: string,
  ) => Partial<typeof t.progressEntries.$inferInsert> | WriteResult,
  context: WriteContext,
  afterWrite?: (
    store: EntryStore,
    entry: EntryRow,
    updated: EntryRow,
    principal: Principal,
    timestamp: string,
  ) => void,
): WriteResult {
  return transaction((store) =>
    transitionIn(store, userId, entryId, action, change, context, afterWrite),
  );
}

/** Actions that move an entry's content towards publication; none may once its commitment or subject is archived. */
const ADVANCES_CONTENT = new Set<EntryAction>(['entry.edit', 'entry.submit', 'entry.publish']);

/** An archived commitment or actor takes no new statements: drafts written before the archiving stay as they are. */
function archivedTarget(store: EntryStore, entry: EntryRow): WriteResult | null {
  if (store.commitmentArchived(entry.commitmentId))
    return {
      ok: false,
      status: 409,
      message:
        'commitment: was archived, so this entry can no longer be changed, submitted or published.',
      fieldErrors: { commitment: 'was archived' },
      fieldCodes: { commitment: 'archived' },
    };
  if (store.actor(entry.subjectId)?.archived)
    return {
      ok: false,
      status: 409,
      message:
        'subject: was archived, so this entry can no longer be changed, submitted or published.',
      fieldErrors: { subject: 'was archived' },
      fieldCodes: { subject: 'archived' },
    };
  return null;
}

/** Actions a member of the reporting actor takes; none once that actor is archived (an admin's withdrawal still is). */
const MEMBER_WRITES = new Set<EntryAction>([
  'entry.create',
  'entry.import',
  'entry.edit',
  'entry.submit',
  'entry.publish',
  'entry.return',
]);

/**
 * An archived actor speaks no more: its members neither write, submit, publish nor return
 * entries, and no one imports in its name. Its published entries stay as they are.
 */
function archivedReporter(store: EntryStore, reporterId: number): WriteResult | null {
  const reporter = store.actor(reporterId);
  if (!reporter?.archived) return null;
  return {
    ok: false,
    status: 409,
    message: `Reporter: ${reporter.name} is archived; its members cannot write entries.`,
    fieldErrors: { reporter: 'is archived: its members cannot write entries' },
    fieldCodes: { reporter: 'archived' },
  };
}

/** One transition inside the caller's transaction. */
function transitionIn(
  store: EntryStore,
  userId: string,
  entryId: number,
  action: EntryAction,
  change: (
    entry: EntryRow,
    principal: Principal,
    timestamp: string,
  ) => Partial<typeof t.progressEntries.$inferInsert> | WriteResult,
  context: WriteContext,
  afterWrite?: (
    store: EntryStore,
    entry: EntryRow,
    updated: EntryRow,
    principal: Principal,
    timestamp: string,
  ) => void,
): WriteResult {
  const loaded = guarded(store, userId, entryId, action);
  if (isResult(loaded)) return loaded;
  const { principal, entry } = loaded;
  if (MEMBER_WRITES.has(action)) {
    const archived = archivedReporter(store, entry.reporterId);
    if (archived) return archived;
  }
  if (ADVANCES_CONTENT.has(action)) {
    const archived = archivedTarget(store, entry);
    if (archived) return archived;
  }
  const timestamp = now();
  const values = change(entry, principal, timestamp);
  if (isResult(values)) return values;
  const updated = store.updateEntry(entryId, { ...values, updatedAt: timestamp });
  store.audit({
    userId: principal.userId,
    action,
    entityType: 'progress_entry',
    entityId: entryId,
    before: entry,
    after: updated,
    requestId: context.requestId,
  });
  afterWrite?.(store, entry, updated, principal, timestamp);
  return { ok: true, entryId };
}

/** Changes a draft or a returned entry; the same validation as creation. */
export function updateEntry(
  userId: string,
  entryId: number,
  input: unknown,
  context: WriteContext = {},
): WriteResult {
  const parsed = parseEntryInput(input);
  if (!parsed.ok) return invalid(parsed.errors, parsed.codes);
  const data = parsed.data;
  return transition(
    userId,
    entryId,
    'entry.edit',
    (entry) => {
      if (data.subject !== entry.subjectId)
        return refuse(
          'subject',
          'not_allowed',
          'cannot change: start a new entry for another subject',
        );
      const selfReport = entry.subjectId === entry.reporterId;
      return confidenceProblem(selfReport, data) ?? entryContent(data, selfReport);
    },
    context,
  );
}

/** A self-report states no confidence; an independent assessment is saved with one, on every path. */
function confidenceProblem(selfReport: boolean, data: EntryInput): WriteResult | null {
  if (selfReport)
    return data.confidence === null
      ? null
      : refuse('confidence', 'not_allowed', 'is only for independent assessments');
  return data.confidence === null
    ? refuse('confidence', 'required', 'is required for an independent assessment')
    : null;
}

/** An independent assessment is only complete with the assessor's confidence (drafts saved before it was required lack one). */
function changedSinceShown(entry: EntryRow, version: string | undefined): WriteResult | null {
  if (version === undefined || entry.updatedAt === version) return null;
  return {
    ok: false,
    status: 409,
    message:
      'version: the entry changed after it was shown to you; review it again before publishing.',
    fieldErrors: { version: 'changed after it was shown' },
  };
}

function missingConfidence(entry: EntryRow): WriteResult | null {
  return entry.subjectId !== entry.reporterId && entry.confidence === null
    ? refuse('confidence', 'required', 'is required for an independent assessment')
    : null;
}

function submitIn(
  store: EntryStore,
  userId: string,
  entryId: number,
  context: WriteContext,
): WriteResult {
  return transitionIn(
    store,
    userId,
    entryId,
    'entry.submit',
    (entry, _principal, timestamp) =>
      missingConfidence(entry) ?? { state: 'submitted', submittedAt: timestamp, returnNote: null },
    context,
    // Its e-mails are queued in the same transaction: committed with it, or not at all.
    (_store, _entry, updated, principal) =>
      enqueueReviewWaiting(getDb(), updated, principal.userId),
  );
}

export function submitEntry(
  userId: string,
  entryId: number,
  context: WriteContext = {},
): WriteResult {
  return transaction((store) => submitIn(store, userId, entryId, context));
}

export function returnEntry(
  userId: string,
  entryId: number,
  note: unknown,
  context: WriteContext = {},
): WriteResult {
  const parsed = returnNoteSchema.safeParse(note);
  if (!parsed.success) return invalid({ note: parsed.error.issues[0]?.message ?? 'is required' });
  return transition(
    userId,
    entryId,
    'entry.return',
    (_entry, _principal, timestamp) => ({
      state: 'returned',
      returnedAt: timestamp,
      returnNote: parsed.data.trim(),
    }),
    context,
    (_store, _entry, updated, principal) => enqueueReturned(getDb(), updated, principal.userId),
  );
}

/**
 * Publishes; a correction then marks the entry it supersedes, in the same transaction. With
 * `version` (the entry's updatedAt when a reviewer was shown it), an entry changed since is
 * refused, checked inside the transaction, so what is published is what the reviewer saw.
 */
export function publishEntry(
  userId: string,
  entryId: number,
  context: WriteContext & { version?: string } = {},
): WriteResult {
  return settle(() => transaction((store) => publishIn(store, userId, entryId, context)));
}

export function publishIn(
  store: EntryStore,
  userId: string,
  entryId: number,
  context: WriteContext & { version?: string },
): WriteResult {
  return transitionIn(
    store,
    userId,
    entryId,
    'entry.publish',
    (entry, principal, timestamp) =>
      changedSinceShown(entry, context.version) ??
      missingConfidence(entry) ?? {
        state: 'published',
        publishedAt: timestamp,
        approvedBy: principal.userId,
        submittedAt: entry.submittedAt ?? timestamp,
      },
    context,
    (store, _entry, updated, principal, timestamp) => {
      if (updated.supersedesId === null) return;
      const original = store.entry(updated.supersedesId);
      if (!original || original.supersededById !== null || original.withdrawnAt !== null) {
        // Someone corrected or withdrew it meanwhile: refuse rather than fork the history.
        throw new ConflictError('The entry this corrects was already corrected or withdrawn.');
      }
      const after = store.updateEntry(original.id, {
        supersededById: updated.id,
        supersededAt: timestamp,
        updatedAt: timestamp,
      });
      store.audit({
        userId: principal.userId,
        action: 'entry.supersede',
        entityType: 'progress_entry',
        entityId: original.id,
        before: original,
        after,
        requestId: context.requestId,
      });
    },
  );
}

const ADVANCE: Record<
  Exclude<CreateAction, 'draft'>,
  (store: EntryStore, userId: string, entryId: number, context: WriteContext) => WriteResult
> = {
  submit: submitIn,
  publish: publishIn,
};

export function withdrawEntry(
  userId: string,
  entryId: number,
  reason: unknown,
  context: WriteContext = {},
): WriteResult {
  const parsed = withdrawalReasonSchema.safeParse(reason);
  if (!parsed.success) return invalid({ reason: parsed.error.issues[0]?.message ?? 'is required' });
  return transition(
    userId,
    entryId,
    'entry.withdraw',
    (_entry, principal, timestamp) => ({
      withdrawnAt: timestamp,
      withdrawnBy: principal.userId,
      withdrawalReason: parsed.data.trim(),
    }),
    context,
  );
}

class ConflictError extends Error {}

/** Thrown to roll back a transaction that must answer with a refusal after it has written. */
class RollbackError extends Error {
  constructor(readonly result: WriteResult) {
    super('rolled back');
  }
}

/** Abandons the caller's transaction (rolled back) and makes `settle` answer with this refusal. */
export function rollBack(result: WriteResult): never {
  throw new RollbackError(result);
}

/** Runs a write, turning a refusal detected mid-transaction (rolled back) into its value. */
export function settle(write: () => WriteResult): WriteResult {
  try {
    return write();
  } catch (error) {
    if (error instanceof ConflictError) return { ok: false, status: 409, message: error.message };
    if (error instanceof RollbackError) return error.result;
    throw error;
  }
}

export interface WorkflowEntryDto {
  id: number;
  commitmentCode: string;
  commitmentTitle: string;
  subjectName: string;
  status: EntryRow['status'];
  asOf: string;
  summary: string;
  state: EntryRow['state'];
  returnNote: string | null;
  updatedAt: string;
}
