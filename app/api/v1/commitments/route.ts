import { listCommitments } from '@/db/queries/commitments';
import { COMMITMENT_LIST_PARAMETERS } from '@/lib/query-params';
import { invalidParameters, ok, parseRequestQuery } from '../_lib/respond';

export function GET(request: Request) {
  const query = parseRequestQuery(request, COMMITMENT_LIST_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const commitments = listCommitments(query.value);
  return ok({ commitments, total: commitments.length });
}
