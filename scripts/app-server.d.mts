// Types for scripts/app-server.mjs, so TypeScript specs can start servers of their own.
export type FreshDatabase = { name: string; url: string; drop: () => Promise<void> };
export type AppServer = {
  url: string;
  port: number;
  pid: number;
  kind: 'postgres' | 'pglite';
  output: string[];
  onOutput(listener: (text: string) => void): () => void;
  exited(): { code: number | null; signal: string | null } | null;
  stop(): Promise<void>;
};
export function withDatabase(url: string, name: string): string;
export function redactUrl(url: string): string;
export function databaseName(url: string): string;
export function createFreshDatabase(serverUrl: string, prefix?: string): Promise<FreshDatabase>;
export function dropDatabase(serverUrl: string, name: string): Promise<void>;
export function freshPgliteDir(prefix?: string): string;
export function removePgliteDir(dir: string): void;
export function freshData(name: string): Promise<{ databaseUrl: string | undefined; pgliteDir: string | undefined; drop: () => Promise<void> }>;
export function startApp(options: {
  port: number;
  distDir?: string;
  databaseUrl?: string;
  pgliteDir?: string;
  env?: Record<string, string>;
  detached?: boolean;
  echo?: boolean;
  timeoutMs?: number;
  host?: string;
  cwd?: string;
}): Promise<AppServer>;
export function processGroupCpuMs(pgid: number): number;
