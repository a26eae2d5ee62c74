import { beforeAll, describe, expect, it } from 'vitest';
import { checkFormToken, derivedIdempotencyKey, ownerToken, readOwnerToken, signFormToken } from './tokens';

beforeAll(() => {
  process.env.COMMENT_SECRET = 'test-secret-for-comment-tokens-0123456789';
});

describe('form tokens', () => {
  it('report their age for the article they were made for', () => {
    const now = Date.now();
    const token = signFormToken(7, now - 4000);
    expect(checkFormToken(token, 7, 3600, now)).toEqual({ ok: true, ageMs: 4000 });
  });

  it('refuse another article, a forged time, a missing token and an old one', () => {
    const now = Date.now();
    const token = signFormToken(7, now - 4000);
    expect(checkFormToken(token, 8, 3600, now)).toEqual({ ok: false, reason: 'invalid' });
    const [a, , sig] = token.split('.');
    expect(checkFormToken(`${a}.${now - 60_000}.${sig}`, 7, 3600, now)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken('', 7, 3600, now)).toEqual({ ok: false, reason: 'missing' });
    expect(checkFormToken(signFormToken(7, now - 7200_000), 7, 3600, now)).toEqual({ ok: false, reason: 'expired' });
    expect(checkFormToken(signFormToken(7, now + 60_000), 7, 3600, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('owner tokens', () => {
  it('prove one comment id and no other', () => {
    const token = ownerToken(1234);
    expect(readOwnerToken(token)).toBe(1234);
    expect(readOwnerToken(token.replace('1234', '1235'))).toBeNull();
    expect(readOwnerToken('1234.short')).toBeNull();
  });
});

describe('keys for plain-form posts', () => {
  it('are the same for the same post and differ for any change', () => {
    const base = { articleId: 1, email: 'A@example.net', comment: 'Hi', parentId: null, formToken: 'x' };
    expect(derivedIdempotencyKey(base)).toBe(derivedIdempotencyKey({ ...base, email: 'a@example.net' }));
    expect(derivedIdempotencyKey(base)).not.toBe(derivedIdempotencyKey({ ...base, comment: 'Hi!' }));
    expect(derivedIdempotencyKey(base)).toMatch(/^[A-Za-z0-9_-]{16,100}$/);
  });
});
