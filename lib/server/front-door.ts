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
