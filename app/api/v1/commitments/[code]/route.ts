import { getCommitmentByCode } from '@/db/queries/commitments';
import { PARAMETERS } from '@/lib/query-params';
import { commitmentResponseSchema } from '@/lib/api-schemas';
import {
  cachedRead,
  invalidParameters,
  methodsNotAllowed,
  notFound,
  parseRequestQuery,
} from '../../_lib/respond';

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const query = parseRequestQuery(request, []);
  if (!query.ok) return invalidParameters(query.errors);
  const code = PARAMETERS.commitment.safeParse((await params).code);
  if (!code.success)
    return invalidParameters([
      { parameter: 'code', message: code.error.issues[0]?.message ?? 'is not valid' },
    ]);
  const commitment = getCommitmentByCode(code.data);
  if (!commitment) return notFound(`There is no commitment with the code ${code.data}.`);
  return cachedRead(request, commitmentResponseSchema, () => ({ commitment }));
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed(['GET']);
