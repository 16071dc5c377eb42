import { getMatrix } from '@/db/queries/summary';
import { SUMMARY_PARAMETERS } from '@/lib/query-params';
import { invalidParameters, ok, parseRequestQuery } from '../_lib/respond';

/** Every applicable (actor, commitment) cell with its self-reported and independent current status. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, SUMMARY_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  return ok(getMatrix(query.value));
}
