// What the project's command-line tools share: a refusal that ends the command, opening the
// database with its schema brought up to date, and closing it whatever happens.
import { closeDb, DatabaseLockedError, getConnection } from '../db/connection';
import { migrateDatabase } from '../db/migrate';

/** Prints the message and ends the command (code 0 for --help). */
export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/**
 * Opens the database the app uses (DATABASE_URL, else the embedded one in ./data) and migrates it.
 * The embedded database belongs to one process: a running app holding it is a clear message.
 */
export async function openDatabase(): Promise<ReturnType<typeof getConnection>> {
  try {
    const connection = getConnection();
    await migrateDatabase();
    return connection;
  } catch (error) {
    if (error instanceof DatabaseLockedError) fail(`${error.message}\nThe embedded database can only be used by one process: stop the app (npm start) first, then run this command again.`);
    throw error;
  }
}

/** Runs a command and closes the database after it, also when it fails. */
export function runCommand(main: () => Promise<void>): void {
  main()
    .then(() => closeDb())
    .catch(async (error: unknown) => {
      console.error(error);
      await closeDb().catch(() => {});
      process.exit(1);
    });
}
