// Types for scripts/fleet.mjs.
import type { AppServer } from './app-server.mjs';
import type { S3rverHandle } from './s3rver.mjs';

export type Fleet = {
  databaseUrl: string;
  /** With `replica`: the primary and replica clusters (scripts/replica.mjs), dropped by stop(). */
  replica: Awaited<ReturnType<typeof import('./replica.mjs').startReplicaPair>> | null;
  apps: AppServer[];
  varnish: { url: string; pid: number; stop: () => void } | null;
  s3: S3rverHandle | null;
  /** What every instance was started with (secrets, media store, purge address). */
  env: Record<string, string>;
  stop: () => Promise<void>;
};

export function startFleet(options?: {
  instances?: number;
  port?: number;
  databaseUrl?: string;
  serverUrl?: string;
  distDir?: string;
  env?: Record<string, string>;
  s3?: boolean;
  varnish?: boolean;
  seedDemo?: boolean;
  /** A primary and a streaming replica of the fleet's own on `port` and `port + 1` (default 5470). */
  replica?: { port?: number; applyDelay?: string | null } | null;
}): Promise<Fleet>;
