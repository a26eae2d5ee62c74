import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, MAX_REFUSED_PER_ADDRESS } from '../../lib/comments/config';
import type { Db } from '../connection';
import { getRefusedComment } from '../queries/refused-comments';
import { refusedComments } from '../schema';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { forgetExpiredRefusedComments, keepRefusedComment, type RefusedCommentInput } from './refused-comments';

// Refused plain-form comments are kept for the page that shows them again: found by their token
// only, for as long as the rule says and no longer, and never more than a few per client.

let db: Db;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(refusedComments);
});

const refusal = (overrides: Partial<RefusedCommentInput> = {}): RefusedCommentInput => ({
  status: 429,
  message: 'You are posting comments too quickly.',
  fieldErrors: {},
  articleId: 7,
  values: { name: 'Ada Reader', email: 'ada@example.net', comment: 'Kept, word for word.\nSecond line.', parentId: '12' },
  clientAddress: '10.1.2.3',
  ...overrides,
});

const rowCount = async () => Number((await db.select({ n: sql<number>`count(*)::int` }).from(refusedComments))[0]!.n);

describe('keeping a refused comment', () => {
  it('gives back exactly what was typed for its token, and stores only the token’s hash', async () => {
    const token = await keepRefusedComment(refusal({ fieldErrors: { email: 'Not an address' } }), DEFAULT_RULES);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await getRefusedComment(token)).toEqual({
      status: 429,
      message: 'You are posting comments too quickly.',
      fieldErrors: { email: 'Not an address' },
      articleId: 7,
      values: { name: 'Ada Reader', email: 'ada@example.net', comment: 'Kept, word for word.\nSecond line.', parentId: '12' },
    });
    const stored = JSON.stringify(await db.select().from(refusedComments));
    expect(stored).not.toContain(token);
    expect(await getRefusedComment(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
  });

  it('keeps it for refusedKeepSeconds (an hour by default), then forgets it', async () => {
    expect(DEFAULT_RULES.refusedKeepSeconds).toBe(3600);
    const now = new Date();
    const token = await keepRefusedComment(refusal(), { ...DEFAULT_RULES, refusedKeepSeconds: 60 }, new Date(now.getTime() - 59_000));
    expect(await getRefusedComment(token)).not.toBeNull();
    const gone = await keepRefusedComment(refusal(), { ...DEFAULT_RULES, refusedKeepSeconds: 60 }, new Date(now.getTime() - 61_000));
    expect(await getRefusedComment(gone)).toBeNull();
    expect(await forgetExpiredRefusedComments()).toEqual({ deleted: 1 });
    expect(await rowCount()).toBe(1);
  });

  it('deletes expired ones as new ones arrive', async () => {
    await keepRefusedComment(refusal(), DEFAULT_RULES, new Date(Date.now() - 2 * 3600_000));
    await keepRefusedComment(refusal({ clientAddress: '10.9.9.9' }), DEFAULT_RULES);
    expect(await rowCount()).toBe(1);
  });

  it(`keeps at most ${MAX_REFUSED_PER_ADDRESS} per client address, the newest`, async () => {
    const tokens: string[] = [];
    for (let i = 0; i < MAX_REFUSED_PER_ADDRESS + 5; i++) tokens.push(await keepRefusedComment(refusal({ message: `Refusal ${i}` }), DEFAULT_RULES));
    await keepRefusedComment(refusal({ clientAddress: '10.4.4.4' }), DEFAULT_RULES);
    await keepRefusedComment(refusal({ clientAddress: null }), DEFAULT_RULES);
    expect(await rowCount()).toBe(MAX_REFUSED_PER_ADDRESS + 2);
    expect(await getRefusedComment(tokens[0]!)).toBeNull();
    expect((await getRefusedComment(tokens.at(-1)!))!.message).toBe(`Refusal ${MAX_REFUSED_PER_ADDRESS + 4}`);
    expect(await getRefusedComment(tokens.at(-MAX_REFUSED_PER_ADDRESS)!)).not.toBeNull();
  });
});
