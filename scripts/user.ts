// `npm run user -- create --email ana@example.org --name "Ana Ruiz" --role admin`
// Creates a staff account, or resets the password, name and role of an existing one (ending all of
// its sessions). The password comes from the PASSWORD environment variable or a hidden prompt.
import { parseArgs } from 'node:util';
import { closeDb } from '../db/connection';
import { upsertStaffAccount } from '../db/mutations/staff-accounts';
import { STAFF_ROLES, type StaffRole } from '../lib/domain';
import { hashPassword, passwordProblem } from '../server/auth/password';
import { fail, openDatabase } from './cli';

const USAGE = 'Usage: npm run user -- create --email <address> --name "<full name>" --role <admin|editor|author|contributor>\n' +
  'The password is read from the PASSWORD environment variable, or asked for.';


async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail('No PASSWORD in the environment and no terminal to ask on: set PASSWORD.');
  process.stdout.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (char: string) => {
      if (char === '\r' || char === '\n' || char === '\u0004') {
        stdin.setRawMode(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stdout.write('\n');
        resolve(value);
      } else if (char === '\u0003') {
        process.stdout.write('\n');
        process.exit(130);
      } else if (char === '\u007f' || char === '\b') {
        value = value.slice(0, -1);
      } else {
        value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals[0] !== 'create') fail(USAGE);
  const email = values.email?.trim() ?? '';
  const name = values.name?.trim() ?? '';
  const role = (values.role ?? 'admin') as StaffRole;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`"${email}" is not an e-mail address.\n${USAGE}`);
  if (name.length < 1 || name.length > 120) fail(`Give a name of 1 to 120 characters.\n${USAGE}`);
  if (!STAFF_ROLES.includes(role)) fail(`The role must be one of: ${STAFF_ROLES.join(', ')}.`);

  let password = process.env.PASSWORD ?? '';
  if (!password) {
    password = await promptHidden('Password: ');
    const again = await promptHidden('Same password again: ');
    if (again !== password) fail('The two passwords differ; nothing was changed.');
  }
  const problem = passwordProblem(password, email);
  if (problem) fail(`${problem} Nothing was changed.`);

  const connection = await openDatabase();
  const result = await upsertStaffAccount(connection.db, { email, name, role, passwordHash: await hashPassword(password) });
  console.log(`${result.created ? 'Created' : 'Reset'} ${role} account for ${email} in ${connection.location}.`);
  await closeDb();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
