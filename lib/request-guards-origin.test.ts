import { describe, expect, it } from 'vitest';
import { appOrigins, originProblem } from './request-guards';

describe('a server action is same-origin only: scheme, host and port', () => {
  const served = appOrigins(new URL('http://127.0.0.1:3201'));

  it('accepts the app’s own origin, and its loopback twin', () => {
    expect(served).toEqual(['http://127.0.0.1:3201', 'http://localhost:3201']);
    expect(originProblem('http://127.0.0.1:3201', served)).toBeNull();
    expect(originProblem('http://localhost:3201', served)).toBeNull();
    expect(appOrigins(new URL('https://tracker.example.org/'))).toEqual([
      'https://tracker.example.org',
    ]);
    expect(
      originProblem(
        'https://tracker.example.org',
        appOrigins(new URL('https://tracker.example.org')),
      ),
    ).toBeNull();
  });

  it('refuses the same host over another scheme or on another port', () => {
    expect(originProblem('https://127.0.0.1:3201', served)).toMatch(
      /cross-origin request \(Origin https:\/\/127\.0\.0\.1:3201\)/,
    );
    expect(originProblem('http://127.0.0.1:3202', served)).toMatch(/cross-origin/);
    expect(originProblem('http://127.0.0.1', served)).toMatch(/cross-origin/);
    expect(
      originProblem(
        'http://tracker.example.org',
        appOrigins(new URL('https://tracker.example.org')),
      ),
    ).toMatch(/cross-origin/);
  });

  it('refuses another site, no origin and a malformed one, and says why', () => {
    expect(originProblem('https://evil.example', served)).toMatch(/cross-origin/);
    expect(originProblem(null, served)).toMatch(/no Origin/);
    expect(originProblem('null', served)).toMatch(/no Origin/);
    expect(originProblem('not a url', served)).toMatch(/not a valid URL/);
  });
});
