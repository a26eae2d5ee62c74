// Sign-in throttling rules, kept apart from storage so they can be tested at their real
// durations. After `maxFailures` failed attempts within `windowMs` for one account or one client
// address, further attempts are refused for `lockoutMs` from the last of them.

export type ThrottleConfig = { maxFailures: number; windowMs: number; lockoutMs: number };

export function throttleConfig(env: Record<string, string | undefined>): ThrottleConfig {
  const num = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    maxFailures: Math.floor(num(env.LOGIN_MAX_FAILURES, 5)),
    windowMs: num(env.LOGIN_FAILURE_WINDOW_SECONDS, 600) * 1000,
    lockoutMs: num(env.LOGIN_LOCKOUT_SECONDS, 600) * 1000,
  };
}

/**
 * When the key is locked until, or null. `failures` are the times of failed attempts since the
 * last success (for accounts), newest first; only the last `windowMs + lockoutMs` matter.
 */
export function lockedUntil(failures: Date[], config: ThrottleConfig, now = new Date()): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => b - a);
  // Any run of maxFailures failures inside one window locks the key from the newest of the run.
  for (let i = 0; i + config.maxFailures - 1 < times.length; i++) {
    const newest = times[i]!;
    const oldest = times[i + config.maxFailures - 1]!;
    if (newest - oldest <= config.windowMs) {
      const until = newest + config.lockoutMs;
      return until > now.getTime() ? new Date(until) : null;
    }
  }
  return null;
}

/** "10 minutes", "1 minute", "30 seconds": how long until the lock ends, for the message. */
export function waitText(until: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;
