import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles, media } from '../schema';
import { makeArticle, makeSection } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { getFrontPage } from './front-page';

let db: Db;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  const [picture] = await db.insert(media).values({ src: '/demo/test.svg', mimeType: 'image/svg+xml', width: 1200, height: 800, alt: 'A test picture' }).returning();
  const city = await makeSection(db, 'city', 1);
  const coast = await makeSection(db, 'coast', 0);
  const quiet = await makeSection(db, 'quiet', 2);
  for (let i = 1; i <= 6; i++) await makeArticle(db, { section: city, slug: `city-${i}`, publishedAt: hoursAgo(i * 2) });
  await makeArticle(db, { section: coast, slug: 'coast-1', publishedAt: hoursAgo(3) });
  await makeArticle(db, { section: coast, slug: 'coast-draft', status: 'draft', publishedAt: null });
  // The only story in "quiet" is the lead, so that section has nothing left to show.
  const lead = await makeArticle(db, { section: quiet, slug: 'quiet-lead', publishedAt: hoursAgo(5) });
  await db.update(articles).set({ featuredImageId: picture!.id }).where(eq(articles.id, lead.id));
  // Newer than the lead, with a picture, but not yet due: never the lead.
  const future = await makeArticle(db, { section: quiet, slug: 'quiet-future', publishedAt: new Date(Date.now() + 3600_000) });
  await db.update(articles).set({ featuredImageId: picture!.id }).where(eq(articles.id, future.id));
});
afterAll(closeTestDatabase);

describe('the front page', () => {
  it('leads with the newest due story that has a picture, with its picture', async () => {
    const front = await getFrontPage();
    expect(front.lead).toMatchObject({ headline: 'Headline for quiet-lead', image: { src: '/demo/test.svg', alt: 'A test picture', width: 1200, height: 800 } });
  });

  it('shows each section in its order with its four newest stories, leaving out the lead and empty sections', async () => {
    const front = await getFrontPage();
    expect(front.sections.map((s) => [s.slug, s.name, s.stories.map((c) => c.headline.replace('Headline for ', ''))])).toEqual([
      ['coast', 'Coast', ['coast-1']],
      ['city', 'City', ['city-1', 'city-2', 'city-3', 'city-4']],
    ]);
  });

  it('lists the latest stories newest first without the lead', async () => {
    const front = await getFrontPage();
    expect(front.latest.map((c) => c.headline.replace('Headline for ', ''))).toEqual(['city-1', 'coast-1', 'city-2', 'city-3', 'city-4', 'city-5', 'city-6']);
  });
});
