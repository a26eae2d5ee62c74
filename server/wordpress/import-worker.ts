import 'server-only';
import { getImportRun, renewImportLease } from '../../db/mutations/wordpress-import';
import { findClaimableStoredRun, getImportRunActor } from '../../db/queries/wordpress-import';
import { logger } from '../log';
import { ImportStopped, runImport } from './import-job';
import { discardStoredUpload, materialise, withTempDir, type StoredUpload } from './stored-upload';

// Runs the dashboard's imports in the background of a server process, never inside a request:
// the start action and every scheduler tick (app/api/scheduler/tick) call kickImports(), which
// returns at once; the work goes on in this process. runImport's lease decides who runs a run, so
// several instances may kick at once: one claims it, the others find it held. A run whose instance
// died is pending-with-an-expired-lease, and the next tick of any instance claims and resumes it
// from its checkpoint. While this process holds a run it renews the lease every third of it, so a
// long unpack or a slow image does not let another instance take over a live run.

type State = { busy: boolean };
const KEY = Symbol.for('broadsheet.importWorker');
const state = (): State => ((globalThis as typeof globalThis & { [KEY]?: State })[KEY] ??= { busy: false });

const LEASE_MS = () => Number(process.env.IMPORT_LEASE_MS ?? 60_000);

/** Starts the worker in this process if it is idle: it runs every claimable dashboard import, one after another. */
export function kickImports(): void {
  const s = state();
  if (s.busy || process.env.IMPORT_WORKER_DISABLED === 'true') return;
  s.busy = true;
  void drain()
    .catch((error: unknown) => logger().error({ err: error }, 'WordPress import worker stopped'))
    .finally(() => {
      s.busy = false;
    });
}

async function drain(): Promise<void> {
  const tried = new Set<number>();
  for (;;) {
    const id = await findClaimableStoredRun();
    // A run this pass already tried (held elsewhere a moment ago) waits for the next tick.
    if (id === null || tried.has(id)) return;
    tried.add(id);
    await runStored(id);
  }
}

async function runStored(id: number): Promise<void> {
  const run = await getImportRun(id);
  const stored = (run?.options as { storedUpload?: StoredUpload } | undefined)?.storedUpload;
  if (!run || !stored) return;
  const actor = await getImportRunActor(run.startedBy);
  const renew = setInterval(() => void renewImportLease(id).catch(() => {}), Math.max(1000, LEASE_MS() / 3));
  renew.unref();
  const started = Date.now();
  try {
    await withTempDir(async (dir) => {
      const finished = await runImport(id, { actor: actor ? { id: actor.id, role: actor.role } : null, prepare: () => materialise(stored, dir) });
      if (finished) logger().info({ event: 'import.wordpress.done', runId: id, ms: Date.now() - started, counts: finished.counts }, 'WordPress import finished');
    });
    // A finished run's upload (perhaps gigabytes of archive) is read no more: the report keeps its names.
    if ((await getImportRun(id))?.status === 'done') await discardStoredUpload(stored);
  } catch (error) {
    // runImport has recorded the failure on the run (the page shows it); a stop is resumed later.
    if (!(error instanceof ImportStopped)) logger().warn({ err: error, runId: id }, 'WordPress import failed');
  } finally {
    clearInterval(renew);
  }
}
