import { describe, expect, it } from 'vitest';
import { assertFleetConfig, FleetConfigError } from './fleet-config';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('fleet configuration', () => {
  it('refuses to start production on a database server without the shared server-actions key, saying how to make one', () => {
    expect(() => assertFleetConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/paper' })).toThrow(FleetConfigError);
    expect(() => assertFleetConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/paper' })).toThrow(/openssl rand -base64 32/);
  });

  it('refuses a key that is not 16, 24 or 32 bytes of base64', () => {
    expect(() => assertFleetConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/paper', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/decodes to 5/);
  });

  it('accepts a complete fleet, and asks nothing of the embedded demo or development', () => {
    expect(() => assertFleetConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/paper', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY })).not.toThrow();
    expect(() => assertFleetConfig({ NODE_ENV: 'production' })).not.toThrow();
    expect(() => assertFleetConfig({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db/paper' })).not.toThrow();
  });
});
