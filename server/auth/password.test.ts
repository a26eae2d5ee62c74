import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('staff passwords', () => {
  it('accepts any password of 8 characters or more without composition rules', () => {
    expect(passwordProblem('lowercase only words')).toBeNull();
    expect(passwordProblem('ünïcødé€')).toBeNull();
  });

  it('refuses short, common and e-mail-shaped passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 8/);
    expect(passwordProblem('Password123')).toMatch(/most common/);
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/repeated/);
    expect(passwordProblem('ana@example.org', 'Ana@Example.org')).toMatch(/e-mail/);
  });

  it('stores argon2id hashes and never truncates long passwords', async () => {
    const long = 'x'.repeat(100) + 'tail-one';
    const hashed = await hashPassword(long);
    expect(hashed.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hashed, long)).toBe(true);
    expect(await verifyPassword(hashed, 'x'.repeat(100) + 'tail-two')).toBe(false);
    expect(passwordProblem('y'.repeat(64) + 'z')).toBeNull();
  });

  it('does the same work for an unknown account and says no', async () => {
    expect(await verifyPassword(null, 'anything-at-all')).toBe(false);
  });
});
