import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { siteSettings } from '../schema';
import { cacheTags } from '../tags';
import { makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { updateSettings } from './settings';
import { changeRole, setActive } from './staff';

// The cache tags that settings and staff changes return.

let db: Db;
let admin: Actor;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const s = await makeStaff(db, 'ada-admin', 'admin');
  admin = { id: s.id, role: s.role };
});
afterAll(closeTestDatabase);

describe('settings and staff', () => {
  it('saving the settings expires every page’s layout, the front page and the corrections page', async () => {
    const { expire } = await updateSettings(admin, {
      name: 'The Gazette',
      tagline: '',
      timeZone: 'Europe/London',
      staffEmailFormula: '{first_initial}{last_name}@example.org',
      commentPolicy: 'hold_first',
      commentsCloseAfterDays: 14,
      blockingChecks: [],
    });
    expect([...expire].sort()).toEqual([cacheTags.site(), cacheTags.frontPage(), cacheTags.sections(), cacheTags.corrections()].sort());
  });

  it('deactivating someone expires their author page; a new role expires nothing readers see', async () => {
    const writer = await makeStaff(db, 'wyn-writer');
    expect(await setActive(admin, writer.id, false)).toEqual({ ok: true, expire: [cacheTags.author('wyn-writer')] });
    expect(await changeRole(admin, writer.id, 'editor')).toEqual({ ok: true, expire: [] });
  });
});
