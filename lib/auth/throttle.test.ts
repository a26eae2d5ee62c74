import { describe, expect, it } from 'vitest';
import { lockedUntil, throttleConfig, waitText } from './throttle';

const real = throttleConfig({});
const at = (iso: string) => new Date(iso);

describe('sign-in throttling at its real defaults (5 failures, 10 minutes)', () => {
  it('uses 5 failures, a 10-minute window and a 10-minute lock when nothing is configured', () => {
    expect(real).toEqual({ maxFailures: 5, windowMs: 600_000, lockoutMs: 600_000 });
  });

  it('lets four failures through', () => {
    const failures = ['10:00:00', '10:00:10', '10:00:20', '10:00:30'].map((t) => at(`2026-01-01T${t}Z`));
    expect(lockedUntil(failures, real, at('2026-01-01T10:00:40Z'))).toBeNull();
  });

  it('locks for ten minutes from the fifth failure', () => {
    const failures = ['10:00:00', '10:01:00', '10:02:00', '10:03:00', '10:04:00'].map((t) => at(`2026-01-01T${t}Z`));
    expect(lockedUntil(failures, real, at('2026-01-01T10:04:01Z'))).toEqual(at('2026-01-01T10:14:00Z'));
    expect(lockedUntil(failures, real, at('2026-01-01T10:13:59Z'))).toEqual(at('2026-01-01T10:14:00Z'));
    expect(lockedUntil(failures, real, at('2026-01-01T10:14:00Z'))).toBeNull();
  });

  it('does not count five failures spread over more than the window', () => {
    const failures = ['10:00:00', '10:03:00', '10:06:00', '10:09:00', '10:12:00'].map((t) => at(`2026-01-01T${t}Z`));
    expect(lockedUntil(failures, real, at('2026-01-01T10:12:01Z'))).toBeNull();
  });

  it('reads shorter durations from the environment, for tests', () => {
    expect(throttleConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_FAILURE_WINDOW_SECONDS: '5', LOGIN_LOCKOUT_SECONDS: '2' })).toEqual({ maxFailures: 3, windowMs: 5000, lockoutMs: 2000 });
    expect(throttleConfig({ LOGIN_MAX_FAILURES: 'nonsense' }).maxFailures).toBe(5);
  });

  it('tells people how long to wait in words', () => {
    const now = at('2026-01-01T10:00:00Z');
    expect(waitText(at('2026-01-01T10:10:00Z'), now)).toBe('10 minutes');
    expect(waitText(at('2026-01-01T10:00:30Z'), now)).toBe('30 seconds');
    expect(waitText(at('2026-01-01T10:01:00Z'), now)).toBe('1 minute');
  });
});
