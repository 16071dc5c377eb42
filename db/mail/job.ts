import 'server-only';
import type { Db } from '../client';
import { scheduleReminders } from './reminders';
import { scheduleDigests } from './digest';
import { sendPending, type SendOptions, type SendReport } from './sender';
import { smtpFromEnv } from './transport';
import { reminderDays } from '../../lib/mail';

/**
 * One run of the mail job: queue what is due today (reminders, digests), then send what waits,
 * when SMTP is configured. The server runs it on a timer, cron by `npm run mail:send`.
 */
export async function runMailJob(
  db: Db,
  options: { smtp?: Omit<SendOptions, 'now'> | null; now?: () => Date } = {},
): Promise<{ queued: number } & Partial<SendReport>> {
  const now = options.now ?? (() => new Date());
  const today = now().toISOString().slice(0, 10);
  const queued = scheduleReminders(db, today, reminderDays()) + scheduleDigests(db, today);
  const smtp = options.smtp === undefined ? smtpFromEnv() : options.smtp;
  if (!smtp) return { queued };
  return { queued, ...(await sendPending(db, { ...smtp, now })) };
}
