// What several instances of one newspaper must share, checked at start-up so a misconfigured fleet
// fails loudly instead of signing people out or breaking forms at random. Production on a database
// server (DATABASE_URL) is taken to be a fleet: one instance is a fleet of one.
//
// - AUTH_SECRET signs sessions (server/auth/secret.ts checks it): each instance must verify the
//   cookies the others set.
// - NEXT_SERVER_ACTIONS_ENCRYPTION_KEY encrypts the server actions' closed-over values; without it
//   each `next start` makes its own key, and a form rendered by one instance fails on another.

export class FleetConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FleetConfigError';
  }
}

/** Throws a FleetConfigError naming what is missing; returns nothing when the environment is complete. */
export function assertFleetConfig(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV !== 'production' || !env.DATABASE_URL) return;
  const key = env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim();
  if (!key) {
    throw new FleetConfigError(
      'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is not set. Every instance of the newspaper must share one key, or a form ' +
        'shown by one instance fails when sent to another: generate one with `openssl rand -base64 32` and give the same ' +
        'value to every instance (deploy/fleet.env.example).',
    );
  }
  const bytes = Buffer.from(key, 'base64').length;
  if (![16, 24, 32].includes(bytes)) {
    throw new FleetConfigError(`NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 bytes in base64; it decodes to ${bytes}. Generate one with \`openssl rand -base64 32\`.`);
  }
}
