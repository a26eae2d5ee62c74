import 'server-only';

/** Whether page views are counted (VIEW_COUNTING=off turns the beacon and the counting off). */
export function viewCountingOn(env: Record<string, string | undefined> = process.env): boolean {
  const v = (env.VIEW_COUNTING ?? 'on').trim().toLowerCase();
  return !(v === 'off' || v === 'false' || v === '0' || v === 'no');
}
