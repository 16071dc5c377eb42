/**
 * Who may do what: one table of rules, deny by default. Every write function in db/queries calls
 * `authorize` inside its transaction, so a server action, a route handler, a script and an import
 * all pass through the same rules. Pure: the caller loads the principal and the resource.
 */
import type { ActorKind, EntryState, Role } from '../lib/taxonomy';

export interface Principal {
  userId: string;
  role: Role;
  /** The actor the user belongs to; null for admins. */
  actorId: number | null;
  actorKind: ActorKind | null;
}

/** The entry a write concerns: for a new entry, the one it would become. */
export interface EntryResource {
  reporterId: number;
  reporterKind: ActorKind;
  subjectId: number;
  subjectKind: ActorKind;
  /** Whether the commitment asks the subject's kind of actor to act. */
  applies: boolean;
  state: EntryState | 'new';
  createdBy: string | null;
  withdrawn: boolean;
  superseded: boolean;
}

export const ENTRY_ACTIONS = [
  'entry.create',
  'entry.import',
  'entry.edit',
  'entry.submit',
  'entry.publish',
  'entry.return',
  'entry.withdraw',
] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

const isMember = (principal: Principal, actorId: number) =>
  (principal.role === 'focal_point' || principal.role === 'contributor') &&
  principal.actorId === actorId;
const isFocalPoint = (principal: Principal, actorId: number) =>
  principal.role === 'focal_point' && principal.actorId === actorId;

/**
 * A state speaks only for itself; a non-state actor reports on itself or assesses a state.
 * Either way the commitment must apply to the subject.
 */
function mayReportOn(entry: EntryResource): boolean {
  if (!entry.applies) return false;
  if (entry.subjectId === entry.reporterId) return true;
  return entry.reporterKind !== 'state' && entry.subjectKind === 'state';
}

const editable = (state: EntryResource['state']) => state === 'draft' || state === 'returned';

type Rule = (principal: Principal, entry: EntryResource) => boolean;

/** The rules. An action missing here is denied. */
export const ENTRY_RULES: Record<EntryAction, Rule> = {
  'entry.create': (principal, entry) =>
    entry.state === 'new' && isMember(principal, entry.reporterId) && mayReportOn(entry),
  // A file brought in: a focal point for its own actor, or the secretariat for any actor (rows then
  // land in that actor's review queue: only its focal point publishes them).
  'entry.import': (principal, entry) =>
    entry.state === 'new' &&
    mayReportOn(entry) &&
    (isFocalPoint(principal, entry.reporterId) || principal.role === 'admin'),
  'entry.edit': (principal, entry) =>
    editable(entry.state) &&
    mayReportOn(entry) &&
    (isFocalPoint(principal, entry.reporterId) ||
      (isMember(principal, entry.reporterId) && entry.createdBy === principal.userId)),
  'entry.submit': (principal, entry) =>
    editable(entry.state) &&
    mayReportOn(entry) &&
    isMember(principal, entry.reporterId) &&
    entry.createdBy === principal.userId,
  // The focal point publishes what was submitted, or its own entry directly.
  'entry.publish': (principal, entry) =>
    mayReportOn(entry) &&
    isFocalPoint(principal, entry.reporterId) &&
    (entry.state === 'submitted' ||
      (editable(entry.state) && entry.createdBy === principal.userId)),
  'entry.return': (principal, entry) =>
    entry.state === 'submitted' && isFocalPoint(principal, entry.reporterId),
  'entry.withdraw': (principal, entry) =>
    principal.role === 'admin' && entry.state === 'published' && !entry.withdrawn,
};

export type Decision = { allowed: true } | { allowed: false; reason: string };

export function authorize(
  principal: Principal | null,
  action: string,
  entry: EntryResource,
): Decision {
  if (!principal) return { allowed: false, reason: 'Sign in to do this.' };
  const rule = (ENTRY_RULES as Record<string, Rule | undefined>)[action];
  if (!rule) return { allowed: false, reason: `Unknown action "${action}".` };
  return rule(principal, entry)
    ? { allowed: true }
    : { allowed: false, reason: 'You may not do this for this actor or entry.' };
}

/**
 * The workspace itself: actors, source documents, commitments and reporting rounds. Only the
 * secretariat (an enabled admin: a disabled one loads as nobody) creates, edits, archives and
 * restores them, and closes a round; nothing is ever deleted, so there is no delete action.
 */
export const WORKSPACE_ACTIONS = [
  'actor.create',
  'actor.edit',
  'actor.archive',
  'actor.restore',
  'source.create',
  'source.edit',
  'source.archive',
  'source.restore',
  'commitment.create',
  'commitment.edit',
  'commitment.archive',
  'commitment.restore',
  'commitment.translate',
  'round.create',
  'round.edit',
  'round.close',
  'round.archive',
  'round.restore',
] as const;
export type WorkspaceAction = (typeof WORKSPACE_ACTIONS)[number];

const isAdmin = (principal: Principal) => principal.role === 'admin';

/** The rules. An action missing here is denied. */
export const WORKSPACE_RULES: Record<WorkspaceAction, (principal: Principal) => boolean> = {
  'actor.create': isAdmin,
  'actor.edit': isAdmin,
  'actor.archive': isAdmin,
  'actor.restore': isAdmin,
  'source.create': isAdmin,
  'source.edit': isAdmin,
  'source.archive': isAdmin,
  'source.restore': isAdmin,
  'commitment.create': isAdmin,
  'commitment.edit': isAdmin,
  'commitment.archive': isAdmin,
  'commitment.restore': isAdmin,
  'commitment.translate': isAdmin,
  'round.create': isAdmin,
  'round.edit': isAdmin,
  'round.close': isAdmin,
  'round.archive': isAdmin,
  'round.restore': isAdmin,
};

export function authorizeWorkspace(principal: Principal | null, action: string): Decision {
  if (!principal) return { allowed: false, reason: 'Sign in as an admin to do this.' };
  const rule = (WORKSPACE_RULES as Record<string, ((principal: Principal) => boolean) | undefined>)[
    action
  ];
  if (!rule) return { allowed: false, reason: `Unknown action "${action}".` };
  return rule(principal)
    ? { allowed: true }
    : {
        allowed: false,
        reason:
          'Only an admin may change actors, source documents, commitments and reporting rounds.',
      };
}

/**
 * Following a commitment or an actor: any signed-in, enabled user follows and unfollows for
 * themselves only, never on another user's behalf, admins included.
 */
export const FOLLOW_ACTIONS = ['follow.start', 'follow.end'] as const;
export type FollowAction = (typeof FOLLOW_ACTIONS)[number];

const isSelf = (principal: Principal, followerId: string) => principal.userId === followerId;

/** The rules. An action missing here is denied. */
type FollowRule = (principal: Principal, followerId: string) => boolean;
export const FOLLOW_RULES: Record<FollowAction, FollowRule> = {
  'follow.start': isSelf,
  'follow.end': isSelf,
};

export function authorizeFollow(
  principal: Principal | null,
  action: string,
  followerId: string,
): Decision {
  if (!principal) return { allowed: false, reason: 'Sign in to follow.' };
  const rule = (FOLLOW_RULES as Record<string, FollowRule | undefined>)[action];
  if (!rule) return { allowed: false, reason: `Unknown action "${action}".` };
  return rule(principal, followerId)
    ? { allowed: true }
    : { allowed: false, reason: 'You may follow and unfollow for yourself only.' };
}

/**
 * A user's own account settings, such as the language of their e-mails: each user changes their
 * own only, never another user's, admins included.
 */
export const ACCOUNT_ACTIONS = ['account.mailLanguage'] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

type AccountRule = (principal: Principal, ownerId: string) => boolean;
export const ACCOUNT_RULES: Record<AccountAction, AccountRule> = {
  'account.mailLanguage': (principal, ownerId) => principal.userId === ownerId,
};

export function authorizeAccount(
  principal: Principal | null,
  action: string,
  ownerId: string,
): Decision {
  if (!principal) return { allowed: false, reason: 'Sign in to change your account.' };
  const rule = (ACCOUNT_RULES as Record<string, AccountRule | undefined>)[action];
  if (!rule) return { allowed: false, reason: `Unknown action "${action}".` };
  return rule(principal, ownerId)
    ? { allowed: true }
    : { allowed: false, reason: 'You may change your own account only.' };
}
