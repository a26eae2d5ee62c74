// Where one instance stands in the invalidation outbox (db/invalidation.ts, applied by
// server/cache/invalidation.ts). Sequence numbers are handed out when a transaction inserts its
// row, but transactions commit in any order, so row 11 can be readable before row 10 is. The
// cursor therefore remembers numbers it has not seen yet: rows after them are applied at once, and
// a missing number is waited for (`gapWaitMs`) before it is taken for a rolled-back transaction.
// A row is applied once, whenever it appears. Pure: the caller reads the rows and passes the time.

export type OutboxRow = { seq: number; tags: string[] };

export class OutboxCursor {
  /** Every number up to and including this one is applied or given up on. */
  applied: number;
  private readonly done = new Set<number>();
  private readonly gaps = new Map<number, number>();

  constructor(
    start: number,
    private readonly gapWaitMs = 30_000,
  ) {
    this.applied = start;
  }

  /** Numbers still awaited: a caller with any should look again after `gapWaitMs`. */
  get waiting(): number {
    return this.gaps.size;
  }

  /**
   * Takes the rows read after `applied` (in order) and returns those not applied before; then
   * moves `applied` forward over everything applied and every gap older than the wait.
   */
  take(rows: OutboxRow[], now: number): OutboxRow[] {
    const fresh: OutboxRow[] = [];
    let expected = this.applied + 1;
    for (const row of rows) {
      if (row.seq <= this.applied) continue;
      for (let missing = expected; missing < row.seq; missing++) {
        if (!this.done.has(missing) && !this.gaps.has(missing)) this.gaps.set(missing, now);
      }
      expected = Math.max(expected, row.seq + 1);
      this.gaps.delete(row.seq);
      if (this.done.has(row.seq)) continue;
      this.done.add(row.seq);
      fresh.push(row);
    }
    for (;;) {
      const next = this.applied + 1;
      if (this.done.delete(next)) this.applied = next;
      else if ((this.gaps.get(next) ?? Infinity) <= now - this.gapWaitMs) {
        this.gaps.delete(next);
        this.applied = next;
      } else break;
    }
    return fresh;
  }

  /** Starts again after `seq`, forgetting everything awaited (after expiring every cached page). */
  reset(seq: number): void {
    this.applied = seq;
    this.done.clear();
    this.gaps.clear();
  }
}
