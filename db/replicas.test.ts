import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicaUnavailable, startReplicaPair } from '../scripts/replica.mjs';
import { closeDb, getDb, rowsOf } from './connection';
import { closeReplicas, formatLsn, noteChangePosition, noteLocalChange, parseLsn, readOnReplica, replicaStatus } from './replicas';

// Reader queries on a read replica (db/replicas.ts), against real servers: a primary and a
// streaming replica made by scripts/replica.mjs, the replica replaying each commit 2 s late.

describe('WAL positions', () => {
  it('reads and writes PostgreSQL LSNs as byte positions', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
    expect(parseLsn('1/0') > parseLsn('0/FFFFFFFF')).toBe(true);
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848');
    expect(parseLsn(null)).toBe(0n);
  });
});

// A replica set needs a PostgreSQL server of its own: this part runs in the PostgreSQL pass.
const skip = !process.env.DATABASE_URL ? 'replicas are tested in the PostgreSQL pass (DATABASE_URL set)' : replicaUnavailable;
if (skip) console.log(`db/replicas.test.ts: real replica tests skipped: ${skip}`);

describe.skipIf(Boolean(skip))('a primary and a replica 2 s behind', () => {
  let pair: Awaited<ReturnType<typeof startReplicaPair>>;
  let primary: postgres.Sql;
  const where = async () => rowsOf<{ standby: boolean }>(await getDb().execute(sql`select pg_is_in_recovery() as standby`))[0]!.standby;
  const count = async () => rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from notes`))[0]!.n;
  // Where a reader query ran and what it saw, in one statement.
  const both = async () =>
    rowsOf<{ standby: boolean; n: number }>(await getDb().execute(sql`select pg_is_in_recovery() as standby, (select count(*)::int from notes) as n`))[0]!;
  const stateOf = () => replicaStatus()[0]!.state;
  const until = async (check: () => boolean | Promise<boolean>, ms = 20_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    const port = Number(process.env.REPLICA_TEST_PORT ?? 5462);
    pair = await startReplicaPair({ name: `broadsheet_vt${port}`, port, applyDelay: '2s' });
    process.env.DATABASE_URL = pair.primaryUrl;
    process.env.DATABASE_REPLICA_URLS = pair.replicaUrl;
    primary = postgres(pair.primaryUrl, { max: 1, onnotice: () => {} });
    await primary`create table notes (id serial primary key, body text)`;
    await until(async () => {
      replicaStatus();
      // (Until the replica has replayed the table, a query there fails and is answered by the primary.)
      return stateOf() === 'up' && (await readOnReplica(both)).standby;
    });
  });
  afterAll(async () => {
    await closeReplicas();
    await closeDb();
    await primary?.end({ timeout: 5 });
    await pair?.stop();
  });

  it('runs reader queries on the replica, and everything else on the primary', async () => {
    expect(await readOnReplica(where)).toBe(true);
    expect(await where()).toBe(false);
    expect(replicaStatus()[0]).toMatchObject({ state: 'up', replica: expect.stringContaining(':') });
  });

  it('after a change, renders read a replica that has replayed it, or else the primary: never the old rows', async () => {
    await primary`insert into notes (body) values ('first')`;
    // The replica has not replayed it yet (the guard is what keeps renders from seeing that).
    expect(await readOnReplica(both)).toEqual({ standby: true, n: 0 });
    await noteChangePosition(1);
    const started = Date.now();
    expect(await readOnReplica(count)).toBe(1);
    // It waited at most about half a second, then read the primary.
    expect(Date.now() - started).toBeLessThan(1500);
    // Once the replica has replayed the change, renders go back to it.
    await until(async () => (await readOnReplica(where)) === true, 10_000);
    expect(await readOnReplica(both)).toEqual({ standby: true, n: 1 });
  });

  it('a change made on this instance reads the primary until its outbox row comes back', async () => {
    await primary`insert into notes (body) values ('second')`;
    noteLocalChange(2);
    expect(await readOnReplica(where)).toBe(false);
    expect(await readOnReplica(count)).toBe(2);
    await noteChangePosition(2);
    await until(async () => (await readOnReplica(where)) === true, 10_000);
    expect(await readOnReplica(count)).toBe(2);
  });

  it('a stopped replica: reader queries go on without an error, and it rejoins when it is back', async () => {
    pair.stopReplica();
    // Queries in flight when it goes, and after: each is answered (by the primary).
    for (let i = 0; i < 20; i++) expect(await readOnReplica(count)).toBe(2);
    await until(() => stateOf() === 'down', 5000);
    expect(replicaStatus()[0]!.error).toBeTruthy();
    expect(await readOnReplica(where)).toBe(false);
    await pair.startReplica();
    await until(() => stateOf() === 'up', 20_000);
    await until(async () => (await readOnReplica(where)) === true, 5000);
  });

  it('a replica lagging beyond the bound leaves the rotation', async () => {
    // Its replay is paused: the primary moves on, and within the bound (10 s by default) the
    // replica is 'lagging', its renders go to the primary; resumed, it is back.
    const replica = postgres(pair.replicaUrl, { max: 1, onnotice: () => {} });
    try {
      await replica`select pg_wal_replay_pause()`;
      await primary`insert into notes (body) values ('third')`;
      await noteChangePosition(3);
      await until(() => stateOf() === 'lagging', 20_000);
      expect(replicaStatus()[0]!.lagMs).toBeGreaterThan(10_000);
      expect(await readOnReplica(where)).toBe(false);
      expect(await readOnReplica(count)).toBe(3);
      await replica`select pg_wal_replay_resume()`;
      await until(() => stateOf() === 'up', 20_000);
    } finally {
      await replica.end({ timeout: 5 });
    }
  });
});
