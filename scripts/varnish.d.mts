// Types for scripts/varnish.mjs.
export const varnishInstalled: boolean;
export function startVarnish(options: { backendUrl: string; port?: number }): Promise<{ url: string; pid: number; stop: () => void } | null>;
