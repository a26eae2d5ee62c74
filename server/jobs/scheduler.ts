// The publishing scheduler: publishes scheduled articles at their time even if nobody visits.
//
// Cache tags can only be expired inside a request (a route handler or server action), not from a
// timer, so the timer does no work itself: it calls this server's own route handler
// (app/api/scheduler/tick) over loopback with a per-process secret, and that request publishes
// what is due and expires the affected pages. The handler answers with the next due time, so
// the next call is made right then rather than on the next fixed interval; scheduling an article
// wakes the scheduler to plan again.

type SchedulerState = { timer: NodeJS.Timeout | null; token: string; running: boolean; started: boolean; stopped: boolean };
const KEY = Symbol.for('broadsheet.scheduler');

function state(): SchedulerState {
  const g = globalThis as typeof globalThis & { [KEY]?: SchedulerState };
  g[KEY] ??= { timer: null, token: crypto.randomUUID() + crypto.randomUUID(), running: false, started: false, stopped: false };
  return g[KEY];
}

/** The secret the tick route checks; only this process knows it. */
export const schedulerToken = () => state().token;

export const schedulerIntervalMs = () => Math.max(200, Number(process.env.SCHEDULER_INTERVAL_MS ?? 30_000));

function origin(): string {
  if (process.env.SCHEDULER_ORIGIN) return process.env.SCHEDULER_ORIGIN.replace(/\/$/, '');
  const port = process.env.PORT ?? '3000';
  // Loopback, whatever name the server printed: the request never leaves this machine.
  return `http://127.0.0.1:${port}`;
}

function plan(delayMs: number): void {
  const s = state();
  if (s.stopped) return;
  if (s.timer) clearTimeout(s.timer);
  s.timer = setTimeout(() => void tick(), Math.max(0, delayMs));
  s.timer.unref();
}

async function tick(): Promise<void> {
  const s = state();
  if (s.running) return;
  s.running = true;
  let next = schedulerIntervalMs();
  try {
    const response = await fetch(`${origin()}/api/scheduler/tick`, {
      method: 'POST',
      headers: { 'x-scheduler-token': s.token },
      signal: AbortSignal.timeout(30_000),
    });
    if (response.ok) {
      const body = (await response.json()) as { nextDueAt: string | null };
      if (body.nextDueAt) next = Math.min(next, new Date(body.nextDueAt).getTime() - Date.now() + 50);
    } else {
      next = Math.min(next, 2000);
    }
  } catch {
    // Not listening yet (start-up) or briefly overloaded: try again soon.
    next = Math.min(next, 1000);
  } finally {
    s.running = false;
  }
  plan(next);
}

/** Starts the loop once per process; the first call publishes anything that came due while the server was down. */
export function startScheduler(): void {
  const s = state();
  if (s.started || process.env.SCHEDULER_DISABLED === 'true') return;
  s.started = true;
  plan(0);
}

/** Plans again now (an article was just scheduled, perhaps sooner than the next call). */
export function wakeScheduler(): void {
  const s = state();
  if (s.started && !s.running) plan(0);
}
