import type { IncomingMessage, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, requestIdFrom } from '../request-id';
import { newNonce, responseHeaders } from '../security-headers';
import { firstHeader } from './encoding';
import type { PageCache } from './page-cache';
import { answerDirectly, directHandler } from './direct-routes';
import type { FrontDoor } from './registry';

/**
 * The front door of the app: read-only API resources straight to their handlers
 * (lib/server/direct-routes.ts), public pages from the page cache, everything else to Next.js.
 */
export function frontDoor(pages: PageCache, onError: (error: unknown) => void): FrontDoor {
  return {
    handle(request, response, passOn) {
      const target = request.url ? withoutTrailingSlash(request.url) : null;
      if (target !== null) {
        redirect(request, response, target);
        return;
      }
      const direct = directHandler(request);
      if (direct) {
        answerDirectly(direct, request, response).then(
          (answered) => {
            if (!answered) passOn();
          },
          (error: unknown) => {
            onError(error);
            if (!response.headersSent) {
              response.statusCode = 500;
              response.end();
            } else response.destroy();
          },
        );
        return;
      }
      if (!pages.accepts(request)) {
        passOn();
        return;
      }
      pages.serve(request, response, passOn).catch((error: unknown) => {
        onError(error);
        if (!response.headersSent) passOn();
      });
    },
    reportError(requestId) {
      pages.reportError(requestId);
    },
  };
}

/**
 * A path that ends in a slash (`/commitments/?page=2`) as the same path without it, or null for
 * any other URL. Next.js answers such paths with a 308 before the proxy runs, so without the
 * security headers; the front door answers them itself, with them. Only plain paths: one leading
 * slash, no empty segment and no backslash (`//host/` would be a protocol-relative Location), so
 * anything odder is left to Next.js.
 */
export function withoutTrailingSlash(url: string): string | null {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!/^\/(?:[^/\\]+\/)+$/.test(path)) return null;
  return path.slice(0, -1) + (query === -1 ? '' : url.slice(query));
}

function redirect(request: IncomingMessage, response: ServerResponse, location: string): void {
  const requestId = requestIdFrom(firstHeader(request, REQUEST_ID_HEADER));
  response.writeHead(308, { ...responseHeaders(newNonce(), requestId), Location: location, 'Content-Length': '0' });
  response.end();
  request.resume();
}
