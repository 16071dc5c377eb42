// @ts-check
/**
 * The production server (`npm run serve`, so `npm start`): Next.js's own request handler, as
 * `next start` runs it, behind the app's front door (lib/server/front-door.ts), which the app
 * installs at start-up and which answers what it can before Next.js's routing and rendering: a
 * public page already rendered for this data version (lib/server/page-cache.ts). Everything else,
 * and everything when no front door is installed, goes to Next.js unchanged.
 *
 *   node lib/server/serve.mjs [-p PORT] [-H HOSTNAME]     (defaults: $PORT or 3000, all interfaces)
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Like `next start`: a production server whatever the shell says (set before Next.js loads).
process.env.NODE_ENV = 'production';

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Not a port: ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

const { default: next } = await import('next');
const app = next({ dev: false, dir: fileURLToPath(new URL('../..', import.meta.url)), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const FRONT_DOOR = Symbol.for('commitment-tracker.front-door');

// X-Forwarded-For is believed only from proxies the operator declares (TRUST_PROXY hops, read the
// same way in lib/client-address.ts): with none, the connection's own address replaces whatever
// the client wrote there (Next.js's server would keep a client's header).
const trustedHops = (process.env.TRUST_PROXY ?? '').trim();
const TRUSTS_PROXIES = /^\d{1,2}$/.test(trustedHops) && Number(trustedHops) > 0;

const server = createServer((request, response) => {
  if (!TRUSTS_PROXIES) request.headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
  const passOn = () =>
    handle(request, response).catch((/** @type {unknown} */ error) => {
      console.error(error);
      if (!response.headersSent) {
        response.statusCode = 500;
        response.end();
      } else response.destroy();
    });
  /** @type {{ handle(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse, passOn: () => unknown): void } | undefined} */
  const door = /** @type {any} */ (globalThis)[FRONT_DOOR];
  if (door) door.handle(request, response, passOn);
  else passOn();
});

server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname ?? 'localhost'}:${port}${/** @type {any} */ (globalThis)[FRONT_DOOR] ? '' : ' (no front door installed)'}`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    server.close();
    process.exit(0);
  });
}
