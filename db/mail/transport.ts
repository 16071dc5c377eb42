import 'server-only';
import nodemailer from 'nodemailer';
import { appBaseUrl } from '../../lib/deployment';
import type { SendOptions } from './sender';

/**
 * The SMTP connection from the environment: `SMTP_URL` (e.g. `smtps://user:pass@smtp.example.org`)
 * and `MAIL_FROM`. Null without SMTP_URL: messages then stay in the outbox (/admin/outbox).
 */
export function smtpFromEnv(
  env: Record<string, string | undefined> = process.env,
): Omit<SendOptions, 'now' | 'leaseMs' | 'limit'> | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const host = appBaseUrl(env).hostname;
  const transport = nodemailer.createTransport({
    url,
    // Bounded waits, so one send always ends well within its claim (sender.ts LEASE_MS).
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    transport,
    from: env.MAIL_FROM?.trim() || `Commitment Tracker <no-reply@${host}>`,
    host,
  };
}
