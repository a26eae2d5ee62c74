import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../connection';
import { accountTokens, staff } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { createFirstAdmin, getOpenToken, issueResetToken, issueSetupToken, resetPassword } from './account-tokens';

let db: Db;
beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(accountTokens);
  await db.delete(staff);
});

const admin = { name: 'Ana Ruiz', email: 'ana@example.org', passwordHash: 'hash-1' };

describe('the first admin of an empty newsroom', () => {
  it('an empty newsroom gets a set-up link, stored only as a hash; one with staff gets none', async () => {
    const setup = await issueSetupToken(db);
    expect(setup).not.toBeNull();
    const rows = await db.select({ tokenHash: accountTokens.tokenHash }).from(accountTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(setup!.token);
    expect(await createFirstAdmin(db, setup!.token, admin)).toEqual({ ok: true, email: 'ana@example.org' });
    expect(await issueSetupToken(db)).toBeNull();
  });

  it('the set-up link creates one admin, once', async () => {
    const setup = (await issueSetupToken(db))!;
    const [first, second] = await Promise.all([
      createFirstAdmin(db, setup.token, admin),
      createFirstAdmin(db, setup.token, { ...admin, email: 'mallory@example.org' }),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const people = await db.select({ email: staff.email, role: staff.role }).from(staff);
    expect(people).toHaveLength(1);
    expect(people[0]!.role).toBe('admin');
  });

  it('a set-up link stops working when it expires or a newer one is printed', async () => {
    const old = (await issueSetupToken(db, new Date(Date.now() - 3600_000)))!;
    const fresh = (await issueSetupToken(db))!;
    expect(await getOpenToken(db, 'setup', old.token)).toBeNull();
    expect((await createFirstAdmin(db, old.token, admin)).ok).toBe(false);
    expect((await createFirstAdmin(db, fresh.token, admin, new Date(Date.now() + 25 * 3600_000))).ok).toBe(false);
    expect(await db.select().from(staff)).toHaveLength(0);
  });
});

describe('password reset links', () => {
  it('set a new password once, end every session and retire the other links', async () => {
    const [person] = await db.insert(staff).values({ slug: 'ana-ruiz', name: 'Ana Ruiz', firstName: 'Ana', lastName: 'Ruiz', email: 'ana@example.org', role: 'author', passwordHash: 'old' }).returning();
    const one = (await issueResetToken(db, ' ANA@example.org '))!;
    const two = (await issueResetToken(db, 'ana@example.org'))!;
    expect(await resetPassword(db, one.token, 'new')).toEqual({ ok: true, email: 'ana@example.org' });
    const [after] = await db.select().from(staff).where(eq(staff.id, person!.id));
    expect(after!.passwordHash).toBe('new');
    expect(after!.sessionVersion).toBe(person!.sessionVersion + 1);
    expect((await resetPassword(db, one.token, 'again')).ok).toBe(false);
    expect((await resetPassword(db, two.token, 'again')).ok).toBe(false);
  });

  it('an unknown or inactive address gets no link, and an expired link changes nothing', async () => {
    expect(await issueResetToken(db, 'nobody@example.org')).toBeNull();
    await db.insert(staff).values({ slug: 'ex', name: 'Ex Staff', firstName: 'Ex', lastName: 'Staff', email: 'ex@example.org', role: 'author', passwordHash: 'old', active: false });
    expect(await issueResetToken(db, 'ex@example.org')).toBeNull();
    await db.insert(staff).values({ slug: 'bo', name: 'Bo Li', firstName: 'Bo', lastName: 'Li', email: 'bo@example.org', role: 'author', passwordHash: 'old' });
    const link = (await issueResetToken(db, 'bo@example.org'))!;
    expect((await resetPassword(db, link.token, 'new', new Date(Date.now() + 61 * 60_000))).ok).toBe(false);
    const [bo] = await db.select({ passwordHash: staff.passwordHash }).from(staff).where(eq(staff.email, 'bo@example.org'));
    expect(bo!.passwordHash).toBe('old');
  });
});
