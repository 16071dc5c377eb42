import { unsubscribe } from '@/db/queries/outbox-settings';
import { isMailKind } from '@/lib/mail';
import { REQUEST_ID_HEADER } from '@/lib/request-id';
import { localizedPath, mailLocale } from '@/lib/mail-layout';

const refuse = (status: 400 | 404, message: string) =>
  Response.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * The confirm button of an e-mail's unsubscribe link (/unsubscribe/{token}): turns one kind off
 * for the token's owner without signing in, then shows the page again saying so, in the language
 * it was shown in (the form's `locale`; English for none). Only a POST changes anything; the token
 * is the only credential, and it names its owner alone.
 */
export async function POST(request: Request) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, 'token: send the form body with the unsubscribe token and kind.');
  }
  const token = form.get('token');
  const kind = form.get('kind');
  if (typeof token !== 'string' || token === '')
    return refuse(400, 'token: the form body has no unsubscribe token.');
  if (!isMailKind(kind))
    return refuse(400, 'kind: the form body must name one kind of e-mail to stop.');
  const requestId = request.headers.get(REQUEST_ID_HEADER);
  if (!unsubscribe(token, kind, { requestId }))
    return refuse(404, 'token: this unsubscribe link is not valid.');
  const page = new URL(
    localizedPath(
      `/unsubscribe/${encodeURIComponent(token)}`,
      mailLocale(String(form.get('locale'))),
    ),
    request.url,
  );
  page.searchParams.set('kind', kind);
  page.searchParams.set('done', '1');
  return new Response(null, { status: 303, headers: { Location: page.pathname + page.search } });
}
