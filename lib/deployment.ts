/**
 * Where the app is served and whether that is a production deployment, from the environment.
 * "Production" means NODE_ENV=production AND an https base URL: the quick start (`npm start` on
 * http://localhost) and the e2e run (http://127.0.0.1) are production builds but not deployments,
 * so they get http-friendly cookies and a derived auth secret.
 */
type Env = Record<string, string | undefined>;

/** The public origin of the app: `BETTER_AUTH_URL`, else http://localhost on `PORT` (3000). */
export function appBaseUrl(env: Env = process.env): URL {
  const configured = env.BETTER_AUTH_URL?.trim();
  const url = new URL(configured || `http://localhost:${env.PORT?.trim() || '3000'}`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`BETTER_AUTH_URL must be an http:// or https:// URL; got "${configured}".`);
  }
  return url;
}

/** True when the app is served over https: cookies get `Secure`, responses get HSTS. */
export function isHttps(env: Env = process.env): boolean {
  return appBaseUrl(env).protocol === 'https:';
}

/** A real deployment: a production build served over https. It must be given its secrets. */
export function isProductionDeployment(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' && isHttps(env);
}

export const MIN_SECRET_LENGTH = 32;

/** Why this environment cannot run, or null. Checked before the server starts and on first use. */
export function authConfigurationProblem(env: Env = process.env): string | null {
  const configured = env.BETTER_AUTH_SECRET?.trim();
  if (configured && configured.length < MIN_SECRET_LENGTH) {
    return `BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters (generate one with: openssl rand -base64 32).`;
  }
  if (!configured && isProductionDeployment(env)) {
    return 'BETTER_AUTH_SECRET is not set. A production deployment (NODE_ENV=production with an https BETTER_AUTH_URL) must be given one: openssl rand -base64 32.';
  }
  return null;
}
