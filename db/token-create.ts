/**
 * `npm run token:create -- --email <email> --name <token name>`: issues a personal API token for
 * an existing, enabled user (e.g. for a reporting script) and prints it once. Only its hash is
 * stored; revoke it under Account.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { databasePath, openDatabase } from './client';
import * as t from './schema';
import { issueApiToken } from './queries/api-tokens';

const USAGE = `Usage: npm run token:create -- --email <address of an existing user> --name "<what the token is for>"

Issues a personal API token that writes through the API as that user, with that user's rights.
The token is printed once; only its hash is stored. Revoke it under Account.`;

function main(): number {
  let values: { email?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = (['email', 'name'] as const).filter((option) => !values[option]);
  if (missing.length > 0) {
    for (const option of missing) console.error(`--${option}: is required`);
    console.error(`\n${USAGE}`);
    return 2;
  }
  const file = databasePath();
  const db = openDatabase(file);
  try {
    const user = db
      .select({ id: t.users.id, name: t.users.name, disabledAt: t.users.disabledAt })
      .from(t.users)
      .where(sql`lower(${t.users.email}) = ${values.email!.trim().toLowerCase()}`)
      .get();
    if (!user) {
      console.error(`--email: there is no user with the address ${values.email} in ${file}`);
      return 2;
    }
    if (user.disabledAt !== null) {
      console.error(`--email: ${values.email} is disabled`);
      return 2;
    }
    const result = issueApiToken(user.id, values.name, { requestId: 'cli:token:create' }, db);
    if (!result.ok) {
      console.error(
        result.fieldErrors?.name ? `--name: ${result.fieldErrors.name}` : result.message,
      );
      return 2;
    }
    console.log(
      `Issued API token "${values.name!.trim()}" (${result.prefix}…) for ${user.name} <${values.email}> in ${file}.`,
    );
    console.log(
      `\nToken (shown only this once; send it as "Authorization: Bearer <token>"):\n\n  ${result.token}\n`,
    );
    return 0;
  } finally {
    db.$client.close();
  }
}

try {
  process.exit(main());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
