/**
 * Arguments of `npm run user:create`, checked before anything touches the database. Every
 * problem names the argument it is about, in the words the admin screen uses.
 */
import { parseArgs } from 'node:util';
import messages from './i18n/messages/auth.en.json';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy';
import { newUserSchema, userFieldErrors, type NewUser } from './user-input';
import { LOCALES, type Locale } from './i18n/locales';

export const USER_CREATE_USAGE = `Usage: npm run user:create -- --email <address> --name "<full name>" --role <admin|focal_point|contributor> [--actor <actor id or ISO3 code>] [--locale <${LOCALES.join('|')}>]

Creates a user who can sign in. Focal points and contributors need --actor; admins take none.
--locale is the language of the user's e-mails (English if not given; they can change it under
Account).
A strong password is generated and printed once; set PASSWORD in the environment to choose it
(${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters).`;

export interface ArgumentProblem {
  /** `--email`, `--role`, ... or `PASSWORD` for the environment variable. */
  argument: string;
  message: string;
}

export type UserCreateArgs =
  | {
      ok: true;
      help: false;
      user: NewUser;
      input: Record<string, string | undefined>;
      password: string | undefined;
      /** The language of the user's e-mails, when given. */
      locale: Locale | undefined;
    }
  | { ok: true; help: true }
  | { ok: false; problems: ArgumentProblem[] };

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  actor: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REQUIRED = ['email', 'name', 'role'] as const;

function message(code: string): string {
  const text = (messages.errors as Record<string, string>)[code] ?? code;
  return text
    .replace('{min}', String(PASSWORD_MIN_LENGTH))
    .replace('{max}', String(PASSWORD_MAX_LENGTH));
}

export function parseUserCreateArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = process.env,
): UserCreateArgs {
  let values: {
    [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'string' ? string : boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, problems: [structureProblem(error)] };
  }
  if (values.help) return { ok: true, help: true };

  const problems: ArgumentProblem[] = [];
  for (const name of REQUIRED) {
    if (values[name] === undefined)
      problems.push({ argument: `--${name}`, message: 'is required' });
  }
  const input = {
    email: values.email ?? '',
    name: values.name ?? '',
    role: values.role ?? '',
    actor: values.actor,
  };
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) {
    for (const [field, code] of Object.entries(userFieldErrors(parsed.error))) {
      if (!problems.some((problem) => problem.argument === `--${field}`))
        problems.push({ argument: `--${field}`, message: message(code) });
    }
  }
  const locale = values.locale;
  if (locale !== undefined && !(LOCALES as readonly string[]).includes(locale))
    problems.push({
      argument: '--locale',
      message: `must be one of ${LOCALES.join(', ')} (the language of the user's e-mails)`,
    });
  const password = env.PASSWORD;
  if (password !== undefined) {
    const problem = passwordProblem(password);
    if (problem)
      problems.push({
        argument: 'PASSWORD',
        message: message(problem).replace('The new password', 'The password'),
      });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return {
    ok: true,
    help: false,
    user: parsed.data,
    input,
    password,
    locale: locale as Locale | undefined,
  };
}

function structureProblem(error: unknown): ArgumentProblem {
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^'\s]+)/.exec(text)?.[1] ?? /(--?[A-Za-z-]+)/.exec(text)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return {
      argument: option ?? 'arguments',
      message: `is not an option (known: ${Object.keys(OPTIONS)
        .map((name) => `--${name}`)
        .join(', ')})`,
    };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return { argument: option ?? 'arguments', message: 'needs a value' };
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const positional = /'([^']*)'/.exec(text)?.[1];
    return {
      argument: positional ?? 'arguments',
      message: 'is not an option: options start with -- (for example --name "Ana Diaz")',
    };
  }
  return { argument: 'arguments', message: text };
}
