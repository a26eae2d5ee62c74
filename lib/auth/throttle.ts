// Sign-in throttling rules, kept apart from storage so they can be tested at their real
// durations. The scheme follows OWASP's device cookies and Ghost's per-pair and per-address
// limits, so that a stranger's guesses cannot lock a journalist out of the device they use:
//  - a device that signed in to the account before (a signed device cookie) is counted on its
//    own: only failures from that device lock it;
//  - any other client is counted per (account, address) pair, per account for all unknown
//    devices together, and per address with a larger allowance (an office shares one address);
//  - each key locks once it has `limit` failures within `windowMs` (since its last success, for
//    all but addresses), for `lockoutMs`, doubling with every further `limit` failures (back-off)
//    up to `maxLockoutMs`.

export type ThrottleConfig = {
  /** Per device and per (account, address) pair. */
  maxFailures: number;
  /** Per account, for all devices that never signed in to it, together. */
  accountMaxFailures: number;
  /** Per client address, across accounts. */
  addressMaxFailures: number;
  windowMs: number;
  lockoutMs: number;
  maxLockoutMs: number;
};

export function throttleConfig(env: Record<string, string | undefined>): ThrottleConfig {
  const num = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    maxFailures: Math.floor(num(env.LOGIN_MAX_FAILURES, 5)),
    accountMaxFailures: Math.floor(num(env.LOGIN_ACCOUNT_MAX_FAILURES, 10)),
    addressMaxFailures: Math.floor(num(env.LOGIN_ADDRESS_MAX_FAILURES, 50)),
    windowMs: num(env.LOGIN_FAILURE_WINDOW_SECONDS, 3600) * 1000,
    lockoutMs: num(env.LOGIN_LOCKOUT_SECONDS, 600) * 1000,
    maxLockoutMs: num(env.LOGIN_MAX_LOCKOUT_SECONDS, 86_400) * 1000,
  };
}

export type ThrottleKey = { key: string; limit: number; /** A success clears earlier failures (not for addresses). */ clearedBySuccess: boolean };

/** The keys an attempt is counted and checked on; `deviceId` only when the device cookie is valid for this e-mail. */
export function throttleKeys(input: { email: string; address: string; deviceId: string | null }, config: ThrottleConfig): ThrottleKey[] {
  const email = input.email.trim().toLowerCase();
  if (input.deviceId) return [{ key: `device:${input.deviceId}`, limit: config.maxFailures, clearedBySuccess: true }];
  return [
    { key: `pair:${email}|${input.address}`, limit: config.maxFailures, clearedBySuccess: true },
    { key: accountKey(email), limit: config.accountMaxFailures, clearedBySuccess: true },
    { key: addressKey(input.address), limit: config.addressMaxFailures, clearedBySuccess: false },
  ];
}

/**
 * Requests for a password-reset link: 3 an hour for one address asked for, 20 from one client, so
 * nobody can flood a journalist's inbox. Every request counts (none is a "success").
 */
export function resetRequestKeys(email: string, address: string): ThrottleKey[] {
  return [
    { key: `reset:${email.trim().toLowerCase()}`, limit: 3, clearedBySuccess: false },
    { key: `reset-address:${address}`, limit: 20, clearedBySuccess: false },
  ];
}

/**
 * When the key is locked until, or null. `failures` are the times of recent failed attempts
 * (since the last success where that applies), any order.
 */
export function lockedUntil(failures: Date[], limit: number, config: ThrottleConfig, now = new Date()): Date | null {
  if (failures.length < limit) return null;
  // Counted over the window that ends at the newest failure, so a long back-off lock does not
  // end early when the failures that caused it grow older than the window.
  const newest = Math.max(...failures.map((d) => d.getTime()));
  const inWindow = failures.filter((d) => d.getTime() > newest - config.windowMs).length;
  if (inWindow < limit) return null;
  const level = Math.floor(inWindow / limit);
  const duration = Math.min(config.lockoutMs * 2 ** (level - 1), config.maxLockoutMs);
  const until = newest + duration;
  return until > now.getTime() ? new Date(until) : null;
}

/** "10 minutes", "1 minute", "30 seconds": how long until the lock ends, for the message. */
export function waitText(until: Date, now = new Date()): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;
