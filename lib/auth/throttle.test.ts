import { describe, expect, it } from 'vitest';
import { lockedUntil, throttleConfig, throttleKeys, waitText } from './throttle';

const real = throttleConfig({});
const at = (iso: string) => new Date(iso);
const times = (...hms: string[]) => hms.map((t) => at(`2026-01-01T${t}Z`));

describe('sign-in throttling at its real defaults (5 failures a device or pair, 10-minute lock)', () => {
  it('uses 5 per device or pair, 10 per account from unknown devices, 50 per address, one hour, 10 minutes, a day at most', () => {
    expect(real).toEqual({ maxFailures: 5, accountMaxFailures: 10, addressMaxFailures: 50, windowMs: 3_600_000, lockoutMs: 600_000, maxLockoutMs: 86_400_000 });
  });

  it('lets four failures through', () => {
    expect(lockedUntil(times('10:00:00', '10:00:10', '10:00:20', '10:00:30'), 5, real, at('2026-01-01T10:00:40Z'))).toBeNull();
  });

  it('locks for ten minutes from the fifth failure', () => {
    const failures = times('10:00:00', '10:01:00', '10:02:00', '10:03:00', '10:04:00');
    expect(lockedUntil(failures, 5, real, at('2026-01-01T10:04:01Z'))).toEqual(at('2026-01-01T10:14:00Z'));
    expect(lockedUntil(failures, 5, real, at('2026-01-01T10:13:59Z'))).toEqual(at('2026-01-01T10:14:00Z'));
    expect(lockedUntil(failures, 5, real, at('2026-01-01T10:14:00Z'))).toBeNull();
  });

  it('backs off: every further five failures within the hour double the lock', () => {
    const ten = times('10:00:00', '10:00:01', '10:00:02', '10:00:03', '10:00:04', '10:15:00', '10:15:01', '10:15:02', '10:15:03', '10:15:04');
    expect(lockedUntil(ten, 5, real, at('2026-01-01T10:15:05Z'))).toEqual(at('2026-01-01T10:35:04Z'));
    const fifteen = [...ten, ...times('10:40:00', '10:40:01', '10:40:02', '10:40:03', '10:40:04')];
    expect(lockedUntil(fifteen, 5, real, at('2026-01-01T10:40:05Z'))).toEqual(at('2026-01-01T11:20:04Z'));
  });

  it('forgets failures older than the window', () => {
    expect(lockedUntil(times('09:00:00', '09:10:00', '09:20:00', '09:30:00', '10:01:00'), 5, real, at('2026-01-01T10:01:01Z'))).toBeNull();
  });

  it('reads shorter durations from the environment, for tests', () => {
    const short = throttleConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '4', LOGIN_ADDRESS_MAX_FAILURES: '6', LOGIN_FAILURE_WINDOW_SECONDS: '5', LOGIN_LOCKOUT_SECONDS: '2', LOGIN_MAX_LOCKOUT_SECONDS: '8' });
    expect(short).toEqual({ maxFailures: 3, accountMaxFailures: 4, addressMaxFailures: 6, windowMs: 5000, lockoutMs: 2000, maxLockoutMs: 8000 });
    expect(throttleConfig({ LOGIN_MAX_FAILURES: 'nonsense' }).maxFailures).toBe(5);
  });

  it('counts a known device on its own key, and any other client per pair, per account and per address', () => {
    expect(throttleKeys({ email: 'Ana@Example.org', address: '192.0.2.1', deviceId: 'd1' }, real).map((k) => k.key)).toEqual(['device:d1']);
    const stranger = throttleKeys({ email: 'Ana@Example.org', address: '192.0.2.1', deviceId: null }, real);
    expect(stranger.map((k) => [k.key, k.limit])).toEqual([
      ['pair:ana@example.org|192.0.2.1', 5],
      ['account:ana@example.org', 10],
      ['address:192.0.2.1', 50],
    ]);
  });

  it('tells people how long to wait in words', () => {
    const now = at('2026-01-01T10:00:00Z');
    expect(waitText(at('2026-01-01T10:10:00Z'), now)).toBe('10 minutes');
    expect(waitText(at('2026-01-01T10:00:30Z'), now)).toBe('30 seconds');
    expect(waitText(at('2026-01-01T10:01:00Z'), now)).toBe('1 minute');
    expect(waitText(at('2026-01-01T15:00:00Z'), now)).toBe('5 hours');
  });
});

describe('a long back-off lock', () => {
  it('lasts its full length even after its failures are older than the window', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2026, 0, 1, 10, 0, i)));
    // Four rounds of five: 10 × 2³ = 80 minutes from the newest, past the one-hour window.
    expect(lockedUntil(twenty, 5, real, at('2026-01-01T11:10:00Z'))).toEqual(at('2026-01-01T11:20:19Z'));
  });
});
