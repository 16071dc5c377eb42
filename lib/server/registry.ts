import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What the app hands the production server (lib/server/serve.mjs) at run time, on globalThis:
 * the server script and the app's bundles (each route, instrumentation) do not share modules.
 * No imports with effects here: instrumentation.ts, which reads it, is also built for the Edge
 * runtime.
 */

/** What the production server asks before handing a request to Next.js (lib/server/front-door.ts). */
export interface FrontDoor {
  handle(request: IncomingMessage, response: ServerResponse, passOn: () => unknown): void;
  /** instrumentation.ts onRequestError: the render of this request failed. */
  reportError(requestId: string | undefined): void;
}

/** A read-only resource's GET handler, answered without Next.js's routing (lib/server/direct-routes.ts). */
export type DirectHandler = (request: Request, context: never) => Response | Promise<Response>;

const FRONT_DOOR = Symbol.for('commitment-tracker.front-door');
const DIRECT_ROUTES = Symbol.for('commitment-tracker.direct-routes');

type Registry = typeof globalThis & { [FRONT_DOOR]?: FrontDoor; [DIRECT_ROUTES]?: Map<string, DirectHandler> };

const registry = globalThis as Registry;

export function installFrontDoor(door: FrontDoor): void {
  registry[FRONT_DOOR] = door;
}

export function installedFrontDoor(): FrontDoor | undefined {
  return registry[FRONT_DOOR];
}

/** Called by a route module as it loads: later GETs of exactly `path` go straight to `get`. */
export function serveDirectly(path: string, get: DirectHandler): void {
  (registry[DIRECT_ROUTES] ??= new Map()).set(path, get);
}

export function directRoute(path: string): DirectHandler | undefined {
  return registry[DIRECT_ROUTES]?.get(path);
}
