import { getMatrix } from '@/db/queries/matrix';
import { SUMMARY_PARAMETERS } from '@/lib/query-params';
import { matrixSchema } from '@/lib/summary-schema';
import { cachedRead, invalidParameters, methodsNotAllowed, parseRequestQuery } from '../_lib/respond';

/** Every applicable (actor, commitment) cell with its self-reported and independent current status. */
export function GET(request: Request) {
  const query = parseRequestQuery(request, SUMMARY_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  return cachedRead(request, matrixSchema, () => getMatrix(query.value));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
