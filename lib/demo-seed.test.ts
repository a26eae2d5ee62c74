import { describe, expect, it } from 'vitest';
import { demoSeedWanted } from './demo-seed';

describe('demo accounts exist only in an explicit demo', () => {
  it('a database server starts empty unless SEED_DEMO=true', () => {
    expect(demoSeedWanted({ DATABASE_URL: 'postgres://db.example/news' })).toBe(false);
    expect(demoSeedWanted({ DATABASE_URL: 'postgres://db.example/news', SEED_DEMO: '' })).toBe(false);
    expect(demoSeedWanted({ DATABASE_URL: 'postgres://db.example/news', SEED_DEMO: 'true' })).toBe(true);
  });

  it('the embedded quick start stays a demo, and SEED_DEMO=false turns it off', () => {
    expect(demoSeedWanted({})).toBe(true);
    expect(demoSeedWanted({ SEED_DEMO: 'false' })).toBe(false);
  });
});
