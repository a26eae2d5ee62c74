// Whether the server fills an empty database with the demo newspaper at start-up. Its eight
// accounts share a password printed in the README, so they may only exist in an explicit demo:
// SEED_DEMO=true asks for them anywhere; without SEED_DEMO only the embedded-database quick start
// (no DATABASE_URL) is a demo. Takes the environment as an argument: lib/ reads no process state.

export function demoSeedWanted(env: Record<string, string | undefined>): boolean {
  const value = env.SEED_DEMO?.trim().toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return !env.DATABASE_URL;
}
