import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '../connection';
import { staff } from '../schema';
import { cacheTags } from '../tags';
import { makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { changeOwnPassword, endOtherSessions, updateProfile } from './profile';

let db: Db;
beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);

const row = async (id: number) => (await db.select().from(staff).where(eq(staff.id, id)))[0]!;

describe('the profile: each person changes their own account only', () => {
  it('a new name and bio are saved for the actor alone, and every page that may show the byline expires', async () => {
    const me = await makeStaff(db, 'pia-profile');
    const other = await makeStaff(db, 'oli-other');
    const before = await row(other.id);
    const result = await updateProfile({ id: me.id, role: me.role }, { name: 'Pia Profile-Smith', bio: 'Writes about ferries.' });
    expect(result).toEqual({ ok: true, expire: [cacheTags.author('pia-profile'), cacheTags.site()] });
    expect(await row(me.id)).toMatchObject({ name: 'Pia Profile-Smith', firstName: 'Pia', lastName: 'Profile-Smith', bio: 'Writes about ferries.' });
    expect(await row(other.id)).toEqual(before);
  });

  it('a password change needs the hash the current password was checked against, and ends every session', async () => {
    const me = await makeStaff(db, 'cal-change');
    await db.update(staff).set({ passwordHash: 'checked' }).where(eq(staff.id, me.id));
    const version = (await row(me.id)).sessionVersion;
    expect((await changeOwnPassword({ id: me.id, role: me.role }, { checkedHash: 'stale', newHash: 'new' })).ok).toBe(false);
    expect((await row(me.id)).passwordHash).toBe('checked');
    expect(await changeOwnPassword({ id: me.id, role: me.role }, { checkedHash: 'checked', newHash: 'new' })).toEqual({ ok: true, sessionVersion: version + 1 });
    expect((await row(me.id)).passwordHash).toBe('new');
  });

  it('signing out everywhere else moves the session version on; a deactivated account is refused', async () => {
    const me = await makeStaff(db, 'sid-sessions');
    const version = (await row(me.id)).sessionVersion;
    expect(await endOtherSessions({ id: me.id, role: me.role })).toEqual({ ok: true, sessionVersion: version + 1 });
    await db.update(staff).set({ active: false }).where(eq(staff.id, me.id));
    expect((await endOtherSessions({ id: me.id, role: me.role })).ok).toBe(false);
    expect((await updateProfile({ id: me.id, role: me.role }, { name: 'Sid', bio: '' })).ok).toBe(false);
  });
});
