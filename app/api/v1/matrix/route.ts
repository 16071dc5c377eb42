import { getMatrixPage } from '@/db/queries/matrix';
import { roundParameterErrors } from '@/db/queries/round-scope';
import { MATRIX_PARAMETERS } from '@/lib/query-params';
import { matrixPageResponseSchema } from '@/lib/summary-schema';
import {
  cachedRead,
  invalidParameters,
  linkHeader,
  methodsNotAllowed,
  nextPage,
  parseRequestQuery,
} from '../_lib/respond';

/**
 * Actors a page unless `limit` says otherwise, fewer than the other lists' default: each actor
 * brings a cell for every commitment of the view, so a page of 50 would be ~10,000 cells.
 */
const MATRIX_DEFAULT_LIMIT = 20;

/**
 * One page of actors (by name) with every applicable cell's self-reported and independent current
 * status; `page` and `limit` count actors. The whole matrix is the export (/api/v1/exports/matrix.json).
 */
export function GET(request: Request) {
  const query = parseRequestQuery(request, MATRIX_PARAMETERS);
  if (!query.ok) return invalidParameters(query.errors);
  const roundErrors = roundParameterErrors(query.value.round);
  if (roundErrors.length > 0) return invalidParameters(roundErrors);
  const { page = 1, limit = MATRIX_DEFAULT_LIMIT, ...filters } = query.value;
  return cachedRead(
    request,
    matrixPageResponseSchema,
    () => {
      const matrix = getMatrixPage(filters, { page, limit });
      return { ...matrix, next: nextPage(request, matrix.page, matrix.limit, matrix.total) };
    },
    (body) => linkHeader(body.next),
  );
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
