import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountKey, addressKey } from '../../lib/auth/throttle';
import type { Db } from '../connection';
import { loginAttempts } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { recordSignInAttempt, signInLockedUntil } from './login-attempts';

let db: Db;
beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(loginAttempts);
});

const ana = accountKey('Ana@Example.org');
const home = addressKey('192.0.2.10');

describe('sign-in throttling kept in the database', () => {
  it('locks an account after five failures, for about ten minutes', async () => {
    for (let i = 0; i < 4; i++) await recordSignInAttempt([ana], false);
    expect(await signInLockedUntil([ana])).toBeNull();
    await recordSignInAttempt([ana], false);
    const until = await signInLockedUntil([ana]);
    expect(until).not.toBeNull();
    const minutes = (until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('treats the e-mail case-insensitively', () => {
    expect(accountKey(' ANA@example.ORG ')).toBe(ana);
  });

  it('lets a success clear an account, but not an address', async () => {
    for (let i = 0; i < 4; i++) await recordSignInAttempt([ana, home], false);
    await recordSignInAttempt([ana], true);
    await recordSignInAttempt([ana, home], false);
    expect(await signInLockedUntil([ana])).toBeNull();
    expect(await signInLockedUntil([home])).not.toBeNull();
  });

  it('locks every key checked together when one is locked', async () => {
    for (let i = 0; i < 5; i++) await recordSignInAttempt([home], false);
    expect(await signInLockedUntil([accountKey('someone@example.org'), home])).not.toBeNull();
  });
});
