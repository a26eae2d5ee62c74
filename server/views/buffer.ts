import 'server-only';
import { recordViewBatch, type ViewBatch } from '../../db/mutations/views';
import { hourOf } from '../../lib/views';
import { logger } from '../log';

// Counted views wait here, in this process's memory, and are written to the database in one
// transaction per batch: every VIEWS_FLUSH_MS (1 s) or as soon as VIEWS_FLUSH_AT views are waiting
// (500), whichever comes first. So a spike of a thousand views a second is two or three writes,
// not a thousand. Each instance keeps its own buffer and adds its counts to the same rows, so
// several instances need nothing shared. A clean stop (SIGTERM, SIGINT) writes what is waiting
// before the process exits; a crash loses at most the views of the current window. A failed write
// keeps the views for the next attempt (up to VIEWS_MAX_PENDING, so an unreachable database cannot
// fill the memory). See docs/decisions/2026-12-01-audience-figures.md.

type Settings = { flushMs: number; flushAt: number; maxPending: number };

export type ViewBufferStats = { accepted: number; written: number; dropped: number; batches: number; pending: number; failures: number };

export class ViewBuffer {
  private pending = new Map<string, number>();
  private count = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private window: { promise: Promise<void>; resolve: () => void } | null = null;
  private readonly settings: Settings;
  readonly stats: ViewBufferStats = { accepted: 0, written: 0, dropped: 0, batches: 0, pending: 0, failures: 0 };

  constructor(
    settings: Partial<Settings> = {},
    private readonly write: (batch: ViewBatch) => Promise<{ written: number; dropped: number }> = (batch) => recordViewBatch(batch),
  ) {
    this.settings = {
      flushMs: settings.flushMs ?? 1000,
      flushAt: settings.flushAt ?? 500,
      maxPending: settings.maxPending ?? 1_000_000,
    };
  }

  /**
   * Counts one view. Returns 'kept', or, for the first view of a window, the promise of the write
   * that will carry it (for Next's `after()`, so a stopping server waits for it); 'full' when it
   * cannot be kept (writes keep failing and the buffer is full).
   */
  add(articleId: number, referrer: string, at: Date = new Date()): 'kept' | 'full' | Promise<void> {
    if (this.count >= this.settings.maxPending) return 'full';
    let opened: Promise<void> | null = null;
    if (!this.window) {
      let resolve!: () => void;
      opened = new Promise<void>((r) => (resolve = r));
      this.window = { promise: opened, resolve };
    }
    const key = `${hourOf(at).getTime()}|${articleId}|${referrer}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    this.count += 1;
    this.stats.accepted += 1;
    this.stats.pending = this.count;
    if (this.count >= this.settings.flushAt) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.settings.flushMs);
      // A process with nothing else to do may exit; a clean stop flushes first (installShutdownFlush).
      this.timer.unref();
    }
    return opened ?? 'kept';
  }

  /** Writes everything waiting; resolves when it is in the database (or kept for the next try). */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    // One write at a time per process: the next starts when this one ends, with what came since;
    // and this promise waits for that one too (another caller may have started it first).
    if (this.flushing) return this.flushing.then(() => this.flush());
    if (this.count === 0) return Promise.resolve();
    const taken = this.pending;
    const views = this.count;
    const window = this.window;
    this.window = null;
    this.pending = new Map();
    this.count = 0;
    this.stats.pending = 0;
    const batch: ViewBatch = [...taken].map(([key, n]) => {
      const [hour, articleId, ...rest] = key.split('|');
      return { hour: Number(hour), articleId: Number(articleId), referrer: rest.join('|'), views: n };
    });
    this.flushing = this.write(batch)
      .then((result) => {
        this.stats.written += result.written;
        this.stats.dropped += result.dropped;
        this.stats.batches += 1;
      })
      .catch((error: unknown) => {
        this.stats.failures += 1;
        // Put the views back, to go with the next batch.
        for (const [key, n] of taken) this.pending.set(key, (this.pending.get(key) ?? 0) + n);
        this.count += views;
        this.stats.pending = this.count;
        logger().error({ event: 'views.flush-failed', views, err: (error as Error).message }, 'could not write page views; keeping them for the next try');
        if (!this.timer) {
          this.timer = setTimeout(() => void this.flush(), Math.max(this.settings.flushMs, 5000));
          this.timer.unref();
        }
      })
      .finally(() => {
        this.flushing = null;
        window?.resolve();
      });
    return this.flushing;
  }

  get waiting(): number {
    return this.count;
  }
}

const KEY = Symbol.for('broadsheet.view-buffer');
type GlobalWithBuffer = typeof globalThis & { [KEY]?: ViewBuffer };

const num = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The process's one buffer (shared by every bundle Next loads this module into). */
export function viewBuffer(): ViewBuffer {
  const g = globalThis as GlobalWithBuffer;
  if (!g[KEY]) {
    g[KEY] = new ViewBuffer({ flushMs: num(process.env.VIEWS_FLUSH_MS, 1000), flushAt: num(process.env.VIEWS_FLUSH_AT, 500), maxPending: num(process.env.VIEWS_MAX_PENDING, 1_000_000) });
    installShutdownFlush(g[KEY]);
  }
  return g[KEY];
}

/**
 * On SIGTERM or SIGINT, writes what is waiting at once. Next's own handler first closes the
 * server (letting requests in flight finish), then exits; the route handler also hands each
 * batch's write to Next's `after()`, which Next awaits before it exits, so the write is not cut off.
 */
function installShutdownFlush(buffer: ViewBuffer) {
  const onSignal = (signal: NodeJS.Signals) => {
    const waiting = buffer.waiting;
    void buffer.flush().then(() => {
      if (waiting > 0) logger().info({ event: 'views.flushed-on-stop', signal, views: waiting }, 'wrote waiting page views before stopping');
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
