/**
 * `npm run mail:send`: one run of the mail job, for cron (README, E-mail). Queues the reminders and
 * digests due today, then sends what waits when SMTP_URL is set; exits 1 if the run failed.
 */
import { getDb } from '../client';
import { runMailJob } from './job';

async function main(): Promise<number> {
  const db = getDb();
  try {
    console.log(JSON.stringify({ mail: await runMailJob(db) }));
    return 0;
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
