/**
 * What the crash, concurrency and bad-input runs share: a production build in its own folder, a
 * throw-away database seeded like the e2e one, a production server (`next start`) in its own process group
 * (so SIGKILL takes all of it), API tokens for demo focal points, and timing helpers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST_DIR = process.env.FAULTS_DIST_DIR ?? '.next-e2e-faults';

export const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** Command-line options `--name value` with numeric defaults, and flags `--name`. */
export function options<T extends Record<string, number | boolean>>(defaults: T): T {
  const args = process.argv.slice(2);
  const result: Record<string, number | boolean> = { ...defaults };
  for (const [name, fallback] of Object.entries(defaults)) {
    const index = args.indexOf(`--${name}`);
    if (index === -1) continue;
    if (typeof fallback === 'boolean') result[name] = true;
    else {
      const value = Number(args[index + 1]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number`);
      result[name] = value;
    }
  }
  return result as T;
}

function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

/**
 * The production build, in its own folder. Reused when `reuse` is set and a build is there (the
 * test command builds once for all three runs). Next rewrites tsconfig.json for a non-default
 * folder: the file is put back as it was.
 */
export function ensureBuild(reuse: boolean): void {
  if (reuse && fs.existsSync(path.join(ROOT, DIST_DIR, 'BUILD_ID'))) {
    console.log(`Reusing the production build in ${DIST_DIR}.`);
    return;
  }
  console.log(`Building into ${DIST_DIR} (next build)...`);
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const before = fs.readFileSync(tsconfig, 'utf8');
  try {
    run(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { NEXT_DIST_DIR: DIST_DIR });
  } finally {
    if (fs.readFileSync(tsconfig, 'utf8') !== before) fs.writeFileSync(tsconfig, before);
  }
}

/** A fresh database seeded like the e2e one (demo workspace, demo accounts). */
export function freshDatabase(label: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ct-${label}-`));
  const file = path.join(dir, 'test.db');
  run(path.join(ROOT, 'node_modules/.bin/tsx'), ['db/setup.ts'], {
    DATABASE_PATH: file,
    WORKSPACE: 'demo',
  });
  return { dir, file };
}

/** A personal API token for an existing user, through the same command an operator runs. */
export function issueToken(databaseFile: string, email: string, name: string): string {
  const output = run(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    ['--conditions=react-server', 'db/token-create.ts', '--email', email, '--name', name],
    { DATABASE_PATH: databaseFile },
  );
  const token = /\bct_[A-Za-z0-9_-]{43}\b/.exec(output)?.[0];
  if (!token) throw new Error(`token:create printed no token:\n${output}`);
  return token;
}

/** Servers still running: killed if this script is interrupted or exits, so none is left behind. */
const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live)
    if (child.pid !== undefined)
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

export interface Server {
  process: ChildProcess;
  baseUrl: string;
  /** stderr lines, for the logs a test wants to read. */
  stderr: string[];
  exited: Promise<number | null>;
}

/** The production server (`next start`, as `npm run serve` starts it) in its own process group; resolves once /api/health answers 200. */
export async function startServer(
  databaseFile: string,
  port: number,
  timeoutMs = 60_000,
): Promise<Server> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        DATABASE_PATH: databaseFile,
        WORKSPACE: 'demo',
        NEXT_DIST_DIR: DIST_DIR,
        NEXT_TELEMETRY_DISABLED: '1',
        BETTER_AUTH_URL: baseUrl,
        NODE_ENV: 'production',
        API_WRITES_PER_MINUTE: '1000000000',
      },
    },
  );
  live.add(child);
  const stderr: string[] = [];
  child.stderr
    ?.setEncoding('utf8')
    .on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  void exited.then(() => live.delete(child));
  const server: Server = { process: child, baseUrl, stderr, exited };
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline && !exitedEarly) {
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  killServer(server);
  throw new Error(
    `The server on port ${port} did not become healthy:\n${stderr.slice(-20).join('\n')}`,
  );
}

/** SIGKILL to the whole process group: no shutdown hook, no flush, as in a power cut of the process. */
export function killServer(server: Server): void {
  const pid = server.process.pid;
  if (pid === undefined || server.process.exitCode !== null || server.process.signalCode !== null)
    return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export async function stopServer(server: Server): Promise<void> {
  killServer(server);
  await server.exited;
}

/** Refuses to run on a port that something else already listens on. */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1_000) });
  } catch {
    return;
  }
  throw new Error(`Port ${port} is in use; pass --port with a free one.`);
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
