import 'server-only';
import { getDb, type Db } from './client';

/**
 * A reader query built once per database and sent as a prepared statement. Drizzle sends a query
 * without a name unprepared: postgres.js then asks the server to describe it before running it
 * (two round trips for any query with parameters), the server plans it afresh, and Drizzle
 * builds its SQL again on every call. The statements a page runs on every render are few and
 * fixed, so they are built here once and prepared once per connection.
 *
 * Once per database *target*: inside a reader render on a read replica getDb() answers that
 * replica's database (db/replicas.ts), so each replica gets its own built statement, prepared on
 * its own connections, and takes its share of the renders; outside one, the primary's.
 */
export function preparedQuery<Q>(build: (db: Db) => Q): () => Q {
  const built = new WeakMap<Db, Q>();
  return () => {
    const db = getDb();
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
