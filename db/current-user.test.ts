import { beforeEach, describe, expect, it, vi } from 'vitest';

const request = { headers: new Headers() };
const getSession = vi.fn(async () => null);
vi.mock('server-only', () => ({}));
vi.mock('react', async (original) => ({
  ...(await original<typeof import('react')>()),
  cache: <T>(fn: T) => fn,
}));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));
vi.mock('./auth', () => ({
  COOKIE_PREFIX: 'commitment-tracker',
  getAuth: () => ({ api: { getSession } }),
}));

const { getCurrentUser } = await import('./current-user');

describe('getCurrentUser', () => {
  beforeEach(() => getSession.mockClear());

  it('answers signed out without reading a session when there is no session cookie', async () => {
    request.headers = new Headers({ cookie: 'theme=dark' });
    expect(await getCurrentUser()).toBeNull();
    expect(getSession).not.toHaveBeenCalled();
  });

  it('reads the session when the request carries the session cookie, secure or not', async () => {
    const names = ['commitment-tracker.session_token', '__Secure-commitment-tracker.session_token'];
    for (const name of names) {
      request.headers = new Headers({ cookie: `${name}=abc.def` });
      expect(await getCurrentUser()).toBeNull();
    }
    expect(getSession).toHaveBeenCalledTimes(2);
  });
});
