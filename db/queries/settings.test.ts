import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { siteSettings } from '../schema';
import { makeSection } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { getPublicCommentSettings, getSiteSettings, listSections } from './settings';

let db: Db;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
});
afterAll(closeTestDatabase);

describe('the site frame every reader page reads', () => {
  it('falls back to defaults before the site is set up, and still lists the sections', async () => {
    await makeSection(db, 'weather', 2);
    expect(await getSiteSettings()).toMatchObject({ name: 'Broadsheet', locale: 'en-GB', timeZone: 'Europe/London' });
    expect(await getPublicCommentSettings()).toEqual({ closeAfterDays: 14, maxDepth: 3 });
    expect((await listSections()).map((s) => s.slug)).toEqual(['weather']);
  });

  it('reads the settings row, the comment settings and the sections in their order', async () => {
    await db.insert(siteSettings).values({ id: 1, name: 'The Test Gazette', tagline: 'Tested daily', locale: 'en-IE', timeZone: 'Europe/Dublin', commentsCloseAfterDays: 30, commentMaxDepth: 5 });
    await makeSection(db, 'arts', 1);
    await makeSection(db, 'news', 0);
    await makeSection(db, 'business', 1);
    expect(await getSiteSettings()).toEqual({
      name: 'The Test Gazette',
      tagline: 'Tested daily',
      description: '',
      locale: 'en-IE',
      timeZone: 'Europe/Dublin',
      staffEmailFormula: '{first_initial}{last_name}@example.org',
    });
    expect(await getPublicCommentSettings()).toEqual({ closeAfterDays: 30, maxDepth: 5 });
    const listed = await listSections();
    expect(listed.map((s) => s.slug)).toEqual(['news', 'arts', 'business', 'weather']);
    expect(listed[0]).toEqual({ id: expect.any(Number), slug: 'news', name: 'News', description: 'All about news' });
  });
});
