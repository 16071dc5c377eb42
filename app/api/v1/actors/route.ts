import { listActors } from '@/db/queries/actors';
import { ACTOR_LIST_PARAMETERS } from '@/lib/query-params';
import { invalidParameters, ok, parseRequestQuery } from '../_lib/respond';

export function GET(request: Request) {
  const query = parseRequestQuery(request, ACTOR_LIST_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const actors = listActors(query.value);
  return ok({ actors, total: actors.length });
}
