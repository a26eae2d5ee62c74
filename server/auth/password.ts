// Staff passwords: argon2id, at least 8 characters, up to 256 (never truncated), no composition
// rules, and the most common passwords refused (NIST SP 800-63B's advice).
import { hash, verify } from '@node-rs/argon2';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

// Algorithm.Argon2id is a const enum, which isolated modules cannot read; its value is 2.
const ARGON2ID = 2;
// OWASP's argon2id baseline: 19 MiB, 2 passes, one lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// Passwords of 8 characters or more that top the published breach lists, and the obvious ones for
// this product. Compared case-insensitively.
const COMMON = new Set(
  [
    'password', 'password1', 'password12', 'password123', 'password!', 'passw0rd', 'p@ssw0rd', 'p@ssword',
    '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321', '11111111', '00000000',
    '12341234', '11223344', '123123123', '12121212', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx',
    'qwertyui', 'qwertyuiop', 'qwerty123', 'qwerty12', 'asdfghjk', 'asdfghjkl', 'zxcvbnm1', 'abcd1234',
    'abc12345', 'abcdefgh', 'iloveyou', 'iloveyou1', 'sunshine', 'princess', 'football', 'baseball',
    'basketball', 'superman', 'batman123', 'starwars', 'whatever', 'trustno1', 'letmein1', 'letmeinplease',
    'welcome1', 'welcome123', 'computer', 'internet', 'michelle', 'jennifer', 'jordan23', 'liverpool',
    'chelsea1', 'arsenal1', 'mercedes', 'corvette', 'charlie1', 'shadow12', 'master12', 'changeme',
    'changeme1', 'administrator', 'admin123', 'admin1234', 'default1', 'secret123', 'newspaper', 'broadsheet',
    'newsroom', 'editor123', 'journalist', 'dashboard', 'q1w2e3r4', 'aaaaaaaa', 'monkey123', 'dragon12',
  ].map((p) => p.toLowerCase()),
);

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string, email?: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'That password is one of the most common ones; choose another.';
  if (/^(.)\1+$/.test(password)) return 'That password is one character repeated; choose another.';
  if (email && lower === email.trim().toLowerCase()) return 'Do not use your e-mail address as your password.';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verified against when the e-mail is unknown, so both failures cost the same time.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hash('not-a-real-password-for-timing', OPTIONS));

/** Checks a password against a stored hash; with no hash (unknown account) it still does the work. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  if (!stored) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
