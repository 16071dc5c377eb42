import { listRounds } from '@/db/queries/rounds';
import { parseRoundListQuery, roundListSchema } from '@/lib/api-schemas';
import { cachedRead, invalidParameters, methodsNotAllowed } from '../_lib/respond';

/** Reporting rounds that are not archived, the latest due first; `status` = open or closed. */
export function GET(request: Request) {
  const query = parseRoundListQuery(new URL(request.url).searchParams);
  if (!query.ok) return invalidParameters(query.errors);
  return cachedRead(request, roundListSchema, () => ({ rounds: listRounds(query.value) }));
}

// Rounds are written by admins on the admin screens only (db/queries/admin-rounds.ts).
export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
