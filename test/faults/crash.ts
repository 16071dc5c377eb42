/**
 * `npm run test:crash [-- --rounds 20 --writers 4 --port 3250 --seed N --maxKillMs 400 --reuse-build]`
 *
 * Writers publish entries through the HTTP API (idempotency keys, as focal points of different
 * actors) against the production server, which is killed with SIGKILL at a random moment in
 * every round, restarted, and the writers retry what was not acknowledged. After each round, on
 * the database file: integrity_check ok, no foreign-key violation, every acknowledged entry
 * present exactly once and published, an audit row for every entry and every acknowledged
 * publication, and current_status equal to a recomputation. Exits 1 on the first violation.
 */
import {
  assertPortFree,
  ensureBuild,
  freshDatabase,
  killServer,
  options,
  removeDir,
  sleep,
  startServer,
  type Server,
} from './harness';
import { checkInvariants } from './invariants';
import { emptyStats, randomSource, Writer, writerIdentities } from './writers';

async function main(): Promise<number> {
  const opts = options({
    rounds: 20,
    writers: 4,
    port: 3250,
    seed: Date.now() % 1_000_000,
    maxKillMs: 400,
    'reuse-build': false,
    keep: false,
  });
  const random = randomSource(opts.seed);
  console.log(
    `Crash test: ${opts.rounds} rounds, ${opts.writers} writers, seed ${opts.seed} (replay with --seed ${opts.seed}).`,
  );
  await assertPortFree(opts.port);
  ensureBuild(opts['reuse-build']);
  const database = freshDatabase('crash');
  const { identities, plan } = writerIdentities(database.file);
  const writers = Array.from(
    { length: opts.writers },
    (_, index) =>
      new Writer(
        `crash${opts.seed}-w${index + 1}`,
        identities[index % identities.length]!,
        plan,
        randomSource(opts.seed + index + 1),
        database.file,
      ),
  );
  const stats = emptyStats();
  const started = Date.now();
  let server: Server | null = null;
  let failed = false;
  try {
    for (let round = 1; round <= opts.rounds; round += 1) {
      server = await startServer(database.file, opts.port);
      let stopped = false;
      const url = server.baseUrl;
      const running = writers.map((writer) =>
        writer.runUntil(
          () => url,
          () => stopped,
          stats,
        ),
      );
      // A random moment, after a random number of this round's acknowledgements (so every round
      // makes progress however slow the machine), up to maxKillMs after them.
      const ackedBefore = stats.acknowledged;
      const waitForAcks = Math.floor(random() * opts.writers * 2);
      const deadline = Date.now() + 30_000;
      while (stats.acknowledged - ackedBefore < waitForAcks && Date.now() < deadline)
        await sleep(5);
      const killAfter = Math.floor(random() * opts.maxKillMs);
      await sleep(killAfter);
      killServer(server);
      await server.exited;
      stopped = true;
      await Promise.all(running);
      const acknowledged = writers.flatMap((writer) => writer.acknowledged);
      const problems = checkInvariants(database.file, acknowledged);
      const inFlight = writers.filter((writer) => writer.hasPending).length;
      console.log(
        `round ${String(round).padStart(2)}: killed ${killAfter} ms after ${stats.acknowledged - ackedBefore} acknowledgements; ${acknowledged.length} acknowledged so far, ${inFlight} in flight at the kill; ${problems.length === 0 ? 'all invariants hold' : 'VIOLATED'}`,
      );
      if (problems.length > 0 || stats.refused.length > 0) {
        for (const problem of [...problems, ...stats.refused]) console.error(`  ${problem}`);
        failed = true;
        break;
      }
    }
    if (!failed) {
      // A last, clean start: every entry left in flight is retried until acknowledged, exactly once.
      server = await startServer(database.file, opts.port);
      await Promise.all(writers.map((writer) => writer.finish(server!.baseUrl, stats)));
      killServer(server);
      await server.exited;
      const problems = checkInvariants(
        database.file,
        writers.flatMap((writer) => writer.acknowledged),
      );
      if (problems.length > 0 || stats.refused.length > 0) {
        for (const problem of [...problems, ...stats.refused]) console.error(`  ${problem}`);
        failed = true;
      }
    }
  } finally {
    if (server) killServer(server);
    if (!opts.keep) removeDir(database.dir);
    else console.log(`Database kept at ${database.file}`);
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `Summary: ${opts.rounds} rounds in ${seconds} s; ${stats.requests} requests, ${stats.acknowledged} acknowledged, ${stats.retried} retried, ${stats.connectionErrors} cut off by a kill, ${stats.serverErrors} server errors; ${failed ? 'FAILED' : 'every acknowledged entry present exactly once after every crash'}.`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
