import { describe, expect, it } from 'vitest';
import { parseUserCreateArgs } from './user-create-args';

const admin = ['--email', 'Ana.Diaz@Example.org', '--name', 'Ana Díaz', '--role', 'admin'];

describe('npm run user:create arguments', () => {
  it('takes an admin with no actor, and the e-mail in lower case', () => {
    expect(parseUserCreateArgs(admin, {})).toEqual({
      ok: true,
      help: false,
      user: { email: 'ana.diaz@example.org', name: 'Ana Díaz', role: 'admin' },
      input: { email: 'Ana.Diaz@Example.org', name: 'Ana Díaz', role: 'admin', actor: undefined },
      password: undefined,
    });
  });

  it('takes a focal point with an actor id or an ISO3 code', () => {
    const base = ['--email', 'fp@example.org', '--name', 'F P', '--role', 'focal_point'];
    expect(parseUserCreateArgs([...base, '--actor', '12'], {})).toMatchObject({
      ok: true,
      user: { actor: { id: 12 } },
    });
    expect(parseUserCreateArgs([...base, '--actor', 'fra'], {})).toMatchObject({
      ok: true,
      user: { actor: { iso3: 'FRA' } },
    });
  });

  it('takes the password from PASSWORD, never from the command line', () => {
    expect(parseUserCreateArgs(admin, { PASSWORD: 'correct horse battery staple' })).toMatchObject({
      ok: true,
      password: 'correct horse battery staple',
    });
    expect(parseUserCreateArgs([...admin, '--password', 'x'], {})).toMatchObject({
      ok: false,
      problems: [{ argument: '--password' }],
    });
  });

  it('shows the usage on --help', () => {
    expect(parseUserCreateArgs(['--help'], {})).toEqual({ ok: true, help: true });
  });

  it.each([
    [[], {}, ['--email', '--name', '--role']],
    [['--email', 'not-an-address', '--name', 'A', '--role', 'admin'], {}, ['--email']],
    [['--email', 'a@b.co', '--name', '', '--role', 'admin'], {}, ['--name']],
    [['--email', 'a@b.co', '--name', 'A', '--role', 'superuser'], {}, ['--role']],
    [['--email', 'a@b.co', '--name', 'A', '--role', 'contributor'], {}, ['--actor']],
    [['--email', 'a@b.co', '--name', 'A', '--role', 'admin', '--actor', 'FRA'], {}, ['--actor']],
    [
      ['--email', 'a@b.co', '--name', 'A', '--role', 'contributor', '--actor', 'France'],
      {},
      ['--actor'],
    ],
    [
      ['--email', 'a@b.co', '--name', 'A', '--role', 'admin'],
      { PASSWORD: 'too-short' },
      ['PASSWORD'],
    ],
    [['--email', 'a@b.co', '--nmae', 'A', '--role', 'admin'], {}, ['--nmae']],
    [['--email'], {}, ['--email']],
    [['--email', 'a@b.co', 'Ana'], {}, ['Ana']],
  ] as const)('refuses %j naming %j', (argv, env, argumentsNamed) => {
    const result = parseUserCreateArgs(argv, env);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.argument)).toEqual(argumentsNamed);
    for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(5);
  });

  it('explains a bad role in words', () => {
    const result = parseUserCreateArgs(
      ['--email', 'a@b.co', '--name', 'A', '--role', 'superuser'],
      {},
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { argument: '--role', message: 'Choose a role: admin, focal point or contributor' },
      ],
    });
  });

  it('takes the language of the user’s e-mails, one of the six, and names --locale otherwise', () => {
    expect(parseUserCreateArgs([...admin, '--locale', 'fr'], {})).toMatchObject({
      ok: true,
      locale: 'fr',
    });
    expect(parseUserCreateArgs(admin, {})).toMatchObject({ ok: true, locale: undefined });
    expect(parseUserCreateArgs([...admin, '--locale', 'de'], {})).toEqual({
      ok: false,
      problems: [
        {
          argument: '--locale',
          message: "must be one of ar, en, es, fr, ru, zh (the language of the user's e-mails)",
        },
      ],
    });
  });
});
