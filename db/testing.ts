// Test support: every test file gets a fresh, migrated database of its own. Embedded PGlite in
// memory by default; with DATABASE_URL, a new database on that PostgreSQL server, dropped after.
import postgres from 'postgres';
import { closeDb, getConnection } from './connection';
import { migrateDatabase } from './migrate';

let created: { adminUrl: string; name: string } | null = null;

export async function openTestDatabase() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const target = new URL(url);
    const adminUrl = target.toString();
    const name = `broadsheet_test_${process.pid}_${Date.now().toString(36)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    target.pathname = `/${name}`;
    process.env.DATABASE_URL = target.toString();
    created = { adminUrl, name };
  } else {
    process.env.PGLITE_DIR = 'memory://';
  }
  await migrateDatabase();
  return getConnection();
}

export async function closeTestDatabase() {
  await closeDb();
  if (created) {
    const admin = postgres(created.adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${created.name} WITH (FORCE)`);
    await admin.end();
    process.env.DATABASE_URL = created.adminUrl;
    created = null;
  }
}
