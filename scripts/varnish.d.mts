// Types for scripts/varnish.mjs.
export const varnishInstalled: boolean;
export function fleetVcl(options: { backendUrls: string[]; purgers?: string[]; probe?: boolean }): string;
export function startVarnish(options: {
  backendUrl?: string;
  backendUrls?: string[];
  purgers?: string[];
  probe?: boolean;
  port?: number;
}): Promise<{ url: string; pid: number; stop: () => void } | null>;
