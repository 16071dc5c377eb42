import 'server-only';
import type { Db } from '../client';
import { claimNext, recordFailure, recordSent, stillWanted } from '../queries/outbox';
import { MAX_ATTEMPTS, retryDelayMs } from '../../lib/mail';

/**
 * Sends what the outbox holds (README, E-mail). One row at a time: claim it (a lease, counted as
 * an attempt), hand it to the SMTP server, record it sent. The guarantee: a row is recorded sent
 * at most once, and no two senders hold it at once; a process that dies after the server accepted
 * a message and before the record leaves the claim to run out, and the message goes out again
 * (at least once; twice if that happened once).
 */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

/** Longer than the transport's own timeouts add up to (db/mail/transport.ts), so a live send keeps its claim. */
export const LEASE_MS = 5 * 60_000;

export interface SendOptions {
  transport: MailTransport;
  from: string;
  /** The host part of each message's Message-ID. */
  host: string;
  now?: () => Date;
  leaseMs?: number;
  /** At most this many messages per run, so one run never holds on for long. */
  limit?: number;
}

export interface SendReport {
  sent: number;
  retried: number;
  dropped: number;
}

/** SMTP's 5xx replies are permanent: retrying the same message would be refused again. */
const permanent = (error: unknown) => {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

export async function sendPending(db: Db, options: SendOptions): Promise<SendReport> {
  const now = options.now ?? (() => new Date());
  const report: SendReport = { sent: 0, retried: 0, dropped: 0 };
  for (let count = 0; count < (options.limit ?? 100); count += 1) {
    const row = claimNext(db, now(), options.leaseMs ?? LEASE_MS);
    if (!row) break;
    if (!stillWanted(db, row)) {
      recordFailure(
        db,
        row.id,
        'not sent: the recipient turned this kind off or is disabled',
        now(),
        null,
      );
      report.dropped += 1;
      continue;
    }
    try {
      await options.transport.sendMail({
        from: options.from,
        to: row.recipient,
        subject: row.subject,
        text: row.bodyText,
        html: row.bodyHtml,
        // The same id on a resend lets the receiving side recognise a duplicate.
        messageId: `<outbox-${row.id}@${options.host}>`,
        headers: { 'List-Unsubscribe': `<${row.unsubscribeUrl}>` },
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = permanent(error) || row.attempts >= MAX_ATTEMPTS;
      const at = now();
      recordFailure(
        db,
        row.id,
        message,
        at,
        giveUp ? null : new Date(at.getTime() + retryDelayMs(row.attempts)),
      );
      if (giveUp) report.dropped += 1;
      else report.retried += 1;
      continue;
    }
    recordSent(db, row.id, now());
    report.sent += 1;
  }
  return report;
}
