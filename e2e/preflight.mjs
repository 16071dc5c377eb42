// Before the e2e run: make sure a Chromium is there (Playwright cannot download browsers on
// these machines) and that the test port is free, so a run fails in seconds, not after a build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 3100);

if (!existsSync(chromium)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH is set to ${chromium}, which does not exist.`);
    process.exit(1);
  }
  if (
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    existsSync('/usr/bin/apt-get')
  ) {
    console.log("Chromium is missing: installing Debian's chromium package (apt-get)...");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'],
      {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      },
    );
  } else {
    console.error(
      `Chromium was not found at ${chromium}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) ` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run the tests again.',
    );
    process.exit(1);
  }
}

await new Promise((resolve, reject) => {
  const server = net.createServer();
  server.once('error', () =>
    reject(
      new Error(
        `Port ${port} is in use: stop whatever listens there or set E2E_PORT to a free port.`,
      ),
    ),
  );
  server.listen(port, '127.0.0.1', () => server.close(resolve));
}).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
