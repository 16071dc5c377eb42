import { listPublishedEntries } from '@/db/queries/entries';
import { ENTRY_LIST_PARAMETERS } from '@/lib/query-params';
import { invalidParameters, ok, parseRequestQuery } from '../_lib/respond';

/** Published entries only, newest first by as-of date, paginated. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, ENTRY_LIST_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  return ok(listPublishedEntries(query.value));
}
