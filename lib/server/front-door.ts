import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageCache, PassOn } from './page-cache';
import { answerDirectly, directHandler } from './direct-routes';

/**
 * What the production server (lib/server/serve.mjs) asks before handing a request to Next.js:
 * installed by the app itself at start-up (instrumentation-node.ts), on globalThis because the
 * server script and the app's bundles do not share modules. Without it (next dev, or `next start`
 * run by hand) every request goes straight to Next.js, with the same answers, only slower.
 */
export interface FrontDoor {
  handle(request: IncomingMessage, response: ServerResponse, passOn: PassOn): void;
  /** instrumentation.ts onRequestError: the render of this request failed. */
  reportError(requestId: string | undefined): void;
}

export const FRONT_DOOR = Symbol.for('commitment-tracker.front-door');

type WithFrontDoor = typeof globalThis & { [FRONT_DOOR]?: FrontDoor };

export function installFrontDoor(door: FrontDoor): void {
  (globalThis as WithFrontDoor)[FRONT_DOOR] = door;
}

export function installedFrontDoor(): FrontDoor | undefined {
  return (globalThis as WithFrontDoor)[FRONT_DOOR];
}

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
