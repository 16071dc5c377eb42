import { getDb } from '../../db/client';
import { loadPrincipal } from '../../db/queries/principal';
import { pageOwnWork, pageReviewQueue } from '../../db/queries/workspace-home';

/** A user's whole review queue, as the paged queue holds it (empty for anyone who reviews nothing). */
export function reviewQueueOf(userId: string) {
  const principal = getDb().transaction((tx) => loadPrincipal(tx, userId));
  return principal ? pageReviewQueue(principal, 1, 100_000).entries : [];
}

/** A user's own drafts, returned and submitted entries, as "my entries" pages them. */
export function ownWorkOf(userId: string) {
  return pageOwnWork(userId, ['draft', 'returned', 'submitted'], 1, 100_000).entries;
}
