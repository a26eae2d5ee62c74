// Applies the committed migrations in db/migrations. Runs at start-up (instrumentation.ts) and
// as `npm run db:migrate`. Both drivers record applied migrations in drizzle's own table.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { closeDb, getConnection } from './connection';

export const migrationsFolder = () => path.join(process.cwd(), 'db', 'migrations');

export async function migrateDatabase(): Promise<void> {
  const { db, kind } = getConnection();
  const config = { migrationsFolder: migrationsFolder() };
  // The two migrators differ only in their driver type; the SQL is the same.
  if (kind === 'pglite') await migratePglite(db as never, config);
  else await migratePostgres(db as never, config);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  migrateDatabase()
    .then(async () => {
      console.log(`Migrated ${getConnection().location}`);
      await closeDb();
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await closeDb().catch(() => {});
      process.exit(1);
    });
}
