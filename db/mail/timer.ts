import 'server-only';
import { getDb } from '../client';
import { runMailJob } from './job';
import { smtpFromEnv } from './transport';
import { logError } from '../../lib/logger';

/** How often the server runs the mail job. */
export const MAIL_INTERVAL_MS = 60_000;

/**
 * Runs the mail job in the server process every minute when SMTP_URL is set (without it, the
 * outbox is read on /admin/outbox and `npm run mail:send` can send later). The timer never keeps
 * the process alive, and a run never overlaps the previous one.
 */
export function startMailTimer(): void {
  const smtp = smtpFromEnv();
  if (!smtp) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runMailJob(getDb(), { smtp });
    } catch (error) {
      logError(error, { route: 'mail job' });
    } finally {
      running = false;
    }
  };
  setInterval(tick, MAIL_INTERVAL_MS).unref();
  setTimeout(tick, 5_000).unref();
}
