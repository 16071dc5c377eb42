/**
 * Accounts and sessions: better-auth on our own SQLite database through its drizzle adapter.
 *
 * - E-mail and password only, hashed with better-auth's default scrypt (memory-hard). No public
 *   sign-up: accounts are created by an admin (db/queries/users.ts) or the CLI (db/user-create.ts).
 * - Sessions live in the `sessions` table and are read from it on every request (no cookie
 *   cache), so deleting a row, or disabling its user, signs that browser out at once.
 * - Sign-in is rate limited twice, both counters in the database: better-auth's limiter per
 *   client address and path, and db/sign-in-throttle.ts per e-mail and client address, with a
 *   growing delay per e-mail. The client address is the one proxy.ts resolved (lib/client-address.ts).
 * - The sign-in answer carries the user, never the session token: the HttpOnly cookie is the session.
 * - Cookies are HttpOnly and SameSite=Lax always, and Secure when the app is served over https.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { getDb, type Db } from './client';
import * as t from './schema';
import { recordAudit } from './audit';
import { authSecret } from './auth-secret';
import {
  UNKNOWN_ADDRESS,
  normalizeEmail,
  pruneSignInAttempts,
  recordSignInSuccess,
  registerSignInAttempt,
} from './sign-in-throttle';
import { CLIENT_ADDRESS_HEADER, requestClientAddress } from '../lib/client-address';
import { appBaseUrl, isHttps } from '../lib/deployment';
import { appOrigins } from '../lib/request-guards';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../lib/password-policy';
import { ACCOUNT_DISABLED, PAGE_LOCALE_HEADER, TOO_MANY_ATTEMPTS } from '../lib/sign-in-outcome';
import { REQUEST_ID_HEADER } from '../lib/request-id';
import { logError } from '../lib/logger';
import { adoptSignInLanguage } from './queries/mail-language';

/** The only better-auth endpoints served over HTTP (app/api/auth/[...all]/route.ts); the rest answer 404. */
export const PUBLIC_AUTH_PATHS = [
  '/sign-in/email',
  '/sign-out',
  '/get-session',
  '/change-password',
] as const;

/** better-auth's limiter, per client address and path, in the `rate_limits` table. */
/** The prefix of the session cookie's name (`commitment-tracker.session_token`). */
export const COOKIE_PREFIX = 'commitment-tracker';

export const RATE_LIMITS = {
  default: { window: 60, max: 100 },
  // Generous per address: a ministry, a mission or a workshop's Wi-Fi signs in from behind one
  // address. The per-account throttle (db/sign-in-throttle.ts) is what stops password guessing.
  signIn: { window: 60, max: 60 },
  changePassword: { window: 60, max: 5 },
} as const;

export interface AuthSettings {
  baseUrl: URL;
  secret: string;
  /** `Secure` cookies: true when the app is served over https. */
  secureCookies: boolean;
}

export function authSettings(
  db: Db,
  env: Record<string, string | undefined> = process.env,
): AuthSettings {
  return { baseUrl: appBaseUrl(env), secret: authSecret(db, env), secureCookies: isHttps(env) };
}

export function createAuth(db: Db, settings: AuthSettings = authSettings(db)) {
  const origin = settings.baseUrl.origin;
  return betterAuth({
    appName: 'Commitment Tracker',
    baseURL: origin,
    basePath: '/api/auth',
    secret: settings.secret,
    trustedOrigins: appOrigins(settings.baseUrl),
    telemetry: { enabled: false },
    // Failed sign-ins are logged as warnings; unit tests, which fail on purpose, stay quiet.
    logger: { disabled: process.env.NODE_ENV === 'test' },
    database: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: {
        users: t.users,
        sessions: t.sessions,
        accounts: t.accounts,
        verifications: t.verifications,
        rateLimits: t.rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      modelName: 'users',
      // Ours, not better-auth's: `input: false` means no request body can ever set them.
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        actorId: { type: 'number', required: false, input: false },
        isDemo: { type: 'boolean', required: false, input: false },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    session: {
      modelName: 'sessions',
      expiresIn: 7 * 24 * 3600,
      updateAge: 24 * 3600,
      cookieCache: { enabled: false },
    },
    account: { modelName: 'accounts', accountLinking: { enabled: false } },
    verification: { modelName: 'verifications' },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimits',
      ...RATE_LIMITS.default,
      customRules: {
        '/sign-in/email': RATE_LIMITS.signIn,
        '/change-password': RATE_LIMITS.changePassword,
      },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: settings.secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: settings.secureCookies },
      database: { generateId: () => randomUUID() },
      // Only the address proxy.ts resolved, never a header a client wrote.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // Whatever the way in, a disabled user never gets a session.
          before: async (session) => {
            const user = db
              .select({ disabledAt: t.users.disabledAt })
              .from(t.users)
              .where(eq(t.users.id, session.userId))
              .get();
            if (!user || user.disabledAt !== null) {
              throw new APIError('FORBIDDEN', {
                code: ACCOUNT_DISABLED,
                message: 'This account is disabled.',
              });
            }
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = normalizeEmail(ctx.body?.email);
        if (!email) return;
        const now = Date.now();
        const decision = registerSignInAttempt(
          db,
          email,
          requestClientAddress(ctx.headers) ?? UNKNOWN_ADDRESS,
          now,
        );
        if (!decision.allowed) {
          throw new APIError(
            'TOO_MANY_REQUESTS',
            { code: TOO_MANY_ATTEMPTS, message: 'Too many sign-in attempts. Try again later.' },
            { 'Retry-After': String(decision.retryAfterSeconds) },
          );
        }
        pruneSignInAttempts(db, now);
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const succeeded = !isAPIError(returned);
        if (ctx.path === '/sign-in/email' && succeeded && ctx.context.newSession) {
          const email = normalizeEmail(ctx.body?.email);
          if (email)
            recordSignInSuccess(db, email, requestClientAddress(ctx.headers) ?? UNKNOWN_ADDRESS);
          // The page's language becomes the e-mails' one if the user has none yet. Only a wish:
          // should the write fail, the sign-in still stands.
          try {
            adoptSignInLanguage(
              db,
              ctx.context.newSession.user.id,
              ctx.headers?.get(PAGE_LOCALE_HEADER),
              { requestId: ctx.headers?.get(REQUEST_ID_HEADER) },
            );
          } catch (error) {
            logError(error, { route: '/api/auth/sign-in/email' });
          }
          // The session token travels only in the HttpOnly cookie, out of reach of page scripts.
          if (returned && typeof returned === 'object' && 'token' in returned) {
            const { token: _token, ...answer } = returned;
            return ctx.json(answer);
          }
        }
        if (ctx.path === '/change-password' && succeeded && ctx.context.session) {
          const userId = ctx.context.session.user.id;
          db.transaction(
            (tx) =>
              recordAudit(tx, {
                userId,
                action: 'user.password.change',
                entityType: 'user',
                entityId: userId,
              }),
            {
              behavior: 'immediate',
            },
          );
        }
      }),
    },
    // Last, as better-auth asks: writes cookies set by server-side calls, skips refresh in server components.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as typeof globalThis & { __commitmentTrackerAuth?: Auth };

/** The process-wide instance, created on first use (never at import: `next build` opens no database). */
export function getAuth(): Auth {
  globalForAuth.__commitmentTrackerAuth ??= createAuth(getDb());
  return globalForAuth.__commitmentTrackerAuth;
}
