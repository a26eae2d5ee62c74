// AUTH_SECRET signs the session cookies. Production must be given one; in demo mode (embedded
// database, no AUTH_SECRET) one is generated once and kept beside the data, so sessions survive a
// restart and `npm start` needs no setup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class MissingAuthSecretError extends Error {
  constructor() {
    super(
      'AUTH_SECRET is not set. Production needs a secret to sign sessions: generate one with ' +
        '`openssl rand -base64 33` and set AUTH_SECRET in the environment.',
    );
    this.name = 'MissingAuthSecretError';
  }
}

/** The file that holds the generated secret in demo mode. */
export function demoSecretFile(): string {
  const dir = process.env.PGLITE_DIR;
  if (dir && dir !== 'memory://') return `${path.resolve(dir)}.auth-secret`;
  return path.resolve(process.cwd(), 'data', 'auth-secret');
}

/**
 * Returns the secret, generating it in demo mode, and puts it in process.env so every bundle of
 * this process (proxy, pages, route handlers) sees the same one.
 */
export function resolveAuthSecret(): string {
  const given = process.env.AUTH_SECRET;
  if (given) return given;
  if (process.env.DATABASE_URL && process.env.NODE_ENV === 'production') throw new MissingAuthSecretError();
  const file = demoSecretFile();
  let secret = '';
  try {
    secret = fs.readFileSync(file, 'utf8').trim();
  } catch {
    secret = '';
  }
  if (secret.length < 32) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(33).toString('base64');
    try {
      // wx: if another process wrote it first, use theirs.
      fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
      secret = fresh;
    } catch {
      secret = fs.readFileSync(file, 'utf8').trim();
    }
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}
