import { getAuth, PUBLIC_AUTH_PATHS } from '@/db/auth';
import { afterImports } from '@/db/import/write-turns';

/**
 * better-auth's HTTP API, reduced to what the app uses: sign in, sign out, read the session,
 * change the password. Every other better-auth endpoint (sign-up, e-mail flows, account linking,
 * user deletion...) answers 404, so it cannot be reached even if enabled by mistake.
 */
async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, '');
  if (!(PUBLIC_AUTH_PATHS as readonly string[]).includes(path)) {
    return Response.json(
      { error: { code: 'not_found', message: `There is no auth endpoint at ${path || '/'}.` } },
      { status: 404 },
    );
  }
  const response = await getAuth().handler(request);
  // better-auth answers a known path with the wrong method by an empty 404: say what is missing.
  if (response.status === 404 && !response.headers.get('content-type')) {
    return Response.json(
      {
        error: {
          code: 'not_found',
          message: `There is no auth endpoint for ${request.method} ${path}.`,
        },
      },
      { status: 404 },
    );
  }
  return response;
}

export const GET = handle;
/** Signing in and out write sessions: after a running CSV import's commit, the event loop free. */
export const POST = (request: Request) => afterImports(() => handle(request));
