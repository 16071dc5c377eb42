/**
 * `npm run user:create -- --email a@b.c --name "..." --role admin` (or `--role focal_point
 * --actor FRA`, and `--locale fr` for the language of their e-mails): creates a user who can sign in, e.g. the first admin of a real workspace. The
 * password is generated and printed once, or read from the PASSWORD environment variable; there
 * is never a default password.
 */
import { databasePath, openDatabase } from './client';
import { createUserFromConsole } from './queries/users';
import { setMailLanguageFromConsole } from './queries/mail-language';
import { parseUserCreateArgs, USER_CREATE_USAGE } from '../lib/user-create-args';
import messages from '../lib/i18n/messages/auth.en.json';

async function main(): Promise<number> {
  const args = parseUserCreateArgs(process.argv.slice(2));
  if (args.ok && args.help) {
    console.log(USER_CREATE_USAGE);
    return 0;
  }
  if (!args.ok) {
    for (const problem of args.problems) console.error(`${problem.argument}: ${problem.message}`);
    console.error(`\n${USER_CREATE_USAGE}`);
    return 2;
  }
  const file = databasePath();
  const db = openDatabase(file);
  try {
    const result = await createUserFromConsole(args.input, { password: args.password }, db);
    if (!result.ok) {
      for (const [field, code] of Object.entries(result.fieldErrors)) {
        console.error(`--${field}: ${(messages.errors as Record<string, string>)[code] ?? code}`);
      }
      return 2;
    }
    const { user } = result;
    if (args.locale) setMailLanguageFromConsole(db, user.id, args.locale);
    const role = messages.roles[user.role];
    console.log(
      `Created ${role} ${user.name} <${user.email}>${user.actorName ? ` for ${user.actorName}` : ''}${args.locale ? `, e-mails in ${args.locale}` : ''} in ${file}.`,
    );
    if (result.generated) {
      console.log(
        `\nPassword (shown only this once; give it through a safe channel):\n\n  ${result.password}\n`,
      );
    } else {
      console.log('The password is the one given in PASSWORD.');
    }
    return 0;
  } finally {
    db.$client.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
