import { describe, expect, it } from 'vitest';
import { OutboxCursor } from './outbox-cursor';

const row = (seq: number) => ({ seq, tags: [`article:${seq}`] });
const seqs = (rows: { seq: number }[]) => rows.map((r) => r.seq);

describe('OutboxCursor', () => {
  it('applies rows in order once, however often they are read again', () => {
    const c = new OutboxCursor(4);
    expect(seqs(c.take([row(5), row(6)], 0))).toEqual([5, 6]);
    expect(c.applied).toBe(6);
    expect(seqs(c.take([row(5), row(6)], 0))).toEqual([]);
  });

  it('applies a row that commits after a later one, and only then moves past it', () => {
    const c = new OutboxCursor(9);
    // 11 committed first; 10 is still in its transaction.
    expect(seqs(c.take([row(11)], 1000))).toEqual([11]);
    expect(c.applied).toBe(9);
    expect(c.waiting).toBe(1);
    // 10 commits: read from 9 again, 10 is new and 11 is not applied twice.
    expect(seqs(c.take([row(10), row(11)], 2000))).toEqual([10]);
    expect(c.applied).toBe(11);
    expect(c.waiting).toBe(0);
  });

  it('gives up on a number only after the wait (a rolled-back transaction), never sooner', () => {
    const c = new OutboxCursor(0, 30_000);
    c.take([row(2)], 0);
    expect(c.applied).toBe(0);
    c.take([row(2)], 29_999);
    expect(c.applied).toBe(0);
    c.take([row(2)], 30_000);
    expect(c.applied).toBe(2);
  });

  it('still applies a late row that arrives before the wait is over, among newer ones', () => {
    const c = new OutboxCursor(0, 30_000);
    expect(seqs(c.take([row(1), row(3), row(4)], 0))).toEqual([1, 3, 4]);
    expect(seqs(c.take([row(2), row(3), row(4), row(5)], 5000))).toEqual([2, 5]);
    expect(c.applied).toBe(5);
  });

  it('ignores rows at or before where it stands (a replayed notification finds nothing)', () => {
    const c = new OutboxCursor(10);
    expect(seqs(c.take([row(9), row(10)], 0))).toEqual([]);
    expect(c.applied).toBe(10);
  });

  it('starts afresh after a reset', () => {
    const c = new OutboxCursor(0);
    c.take([row(3)], 0);
    c.reset(50);
    expect(c.applied).toBe(50);
    expect(c.waiting).toBe(0);
    expect(seqs(c.take([row(51)], 0))).toEqual([51]);
  });
});
