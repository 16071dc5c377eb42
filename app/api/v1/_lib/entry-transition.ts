import 'server-only';
import {
  publishEntry,
  returnEntry,
  submitEntry,
  withdrawEntry,
  type WriteContext,
  type WriteResult,
} from '@/db/queries/entry-workflow';
import { transitionBodySchemas, type Transition } from '@/lib/api-schemas';
import { fieldErrors } from '@/lib/entry-input';
import { invalidBody, methodsNotAllowed, parseIdParameter } from './respond';
import { authenticate, rateLimit, readJsonBody, requestId } from './write-request';
import { commitWrite, writeResponse } from './write-response';

/** Each transition through the workflow function the screens use: the same rules, the same audit. */
const WORKFLOW: {
  [T in Transition]: (
    userId: string,
    entryId: number,
    body: Record<string, string>,
    context: WriteContext,
  ) => WriteResult;
} = {
  submit: (userId, entryId, _body, context) => submitEntry(userId, entryId, context),
  publish: (userId, entryId, _body, context) => publishEntry(userId, entryId, context),
  return: (userId, entryId, body, context) => returnEntry(userId, entryId, body.note, context),
  withdraw: (userId, entryId, body, context) =>
    withdrawEntry(userId, entryId, body.reason, context),
};

/** The route module of POST /api/v1/entries/{id}/{transition}. */
export function entryTransitionRoute(transition: Transition) {
  async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
    const caller = authenticate(request);
    if (!caller.ok) return caller.response;
    const limited = await rateLimit(caller.value.tokenKey);
    if (!limited.ok) return limited.response;
    const id = await parseIdParameter(params);
    if (!id.ok) return id.response;
    const body = await readJsonBody(request, {
      optional: transition === 'submit' || transition === 'publish',
    });
    if (!body.ok) return body.response;
    const parsed = transitionBodySchemas[transition].safeParse(body.value);
    if (!parsed.success) return invalidBody(fieldErrors(parsed.error));
    const { userId } = caller.value;
    const context = { requestId: requestId() };
    return writeResponse(
      await commitWrite(userId, () =>
        WORKFLOW[transition](userId, id.id, parsed.data as Record<string, string>, context),
      ),
    );
  }
  return { POST, ...methodsNotAllowed(['POST']) };
}
