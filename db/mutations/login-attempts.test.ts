import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetRequestKeys, throttleConfig, throttleKeys } from '../../lib/auth/throttle';
import type { Db } from '../connection';
import { loginAttempts } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { bookSignInAttempt, settleSignInSuccess } from './login-attempts';

let db: Db;
beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(loginAttempts);
});

// The real defaults: nothing configured.
const config = throttleConfig({});
const stranger = (email: string, address: string) => throttleKeys({ email, address, deviceId: null }, config);
const knownDevice = (email: string, deviceId: string) => throttleKeys({ email, address: '192.0.2.10', deviceId }, config);
const fail = async (keys: ReturnType<typeof stranger>) => expect((await bookSignInAttempt(keys)).ok).toBe(true);

describe('sign-in throttling kept in the database', () => {
  it('locks an (account, address) pair after five failures, for ten minutes at the real default', async () => {
    for (let i = 0; i < 5; i++) await fail(stranger('ana@example.org', '192.0.2.10'));
    const refused = await bookSignInAttempt(stranger('ANA@example.org', '192.0.2.10'));
    expect(refused.ok).toBe(false);
    const minutes = ((refused as { lockedUntil: Date }).lockedUntil.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9.9);
    expect(minutes).toBeLessThanOrEqual(10);
  });

  it('parallel guesses cannot exceed the limit: of twenty at once, five are checked', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => bookSignInAttempt(stranger('bo@example.org', '198.51.100.7'))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it('a stranger’s failures do not lock out a known device', async () => {
    // Thirty guesses from fifteen addresses lock the account for every device it has not seen...
    for (let i = 0; i < 15; i++) {
      await bookSignInAttempt(stranger('cy@example.org', `203.0.113.${i}`));
      await bookSignInAttempt(stranger('cy@example.org', `203.0.113.${i}`));
    }
    expect((await bookSignInAttempt(stranger('cy@example.org', '203.0.113.200'))).ok).toBe(false);
    // ...but the device Cy signed in on before is counted on its own.
    expect((await bookSignInAttempt(knownDevice('cy@example.org', 'cy-laptop'))).ok).toBe(true);
  });

  it('gives one address a larger allowance: five typos lock that person there, not the whole office', async () => {
    const office = '192.0.2.50';
    for (let i = 0; i < 5; i++) await fail(stranger('dee@example.org', office));
    expect((await bookSignInAttempt(stranger('dee@example.org', office))).ok).toBe(false);
    expect((await bookSignInAttempt(stranger('eli@example.org', office))).ok).toBe(true);
  });

  it('locks an address after fifty failures across accounts', async () => {
    const address = '198.51.100.99';
    for (let i = 0; i < 50; i++) await fail(stranger(`person${i}@example.org`, address));
    expect((await bookSignInAttempt(stranger('new@example.org', address))).ok).toBe(false);
  });

  it('a success clears the pair, but not the address', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < 4; i++) await fail(stranger('fay@example.org', address));
    const right = await bookSignInAttempt(stranger('fay@example.org', address));
    expect(right.ok).toBe(true);
    await settleSignInSuccess((right as { ids: number[] }).ids);
    for (let i = 0; i < 4; i++) await fail(stranger('fay@example.org', address));
    expect((await bookSignInAttempt(stranger('fay@example.org', address))).ok).toBe(true);
  });

  it('answers three requests an hour for a reset link to one address, whoever asks', async () => {
    for (let i = 1; i <= 3; i++) expect((await bookSignInAttempt(resetRequestKeys('Gus@example.org', `192.0.2.${i}`))).ok).toBe(true);
    const refused = await bookSignInAttempt(resetRequestKeys('gus@example.org', '192.0.2.9'));
    expect(refused.ok).toBe(false);
    expect(await bookSignInAttempt(resetRequestKeys('hal@example.org', '192.0.2.9'))).toMatchObject({ ok: true });
  });
});
