// The demo newspaper's live blog: Storm Isolde reaching Port Ellery, written for this project.
// Several reporters post through the day; it has key events, a pinned "what we know" entry, an
// entry edited after posting and one carrying a correction. Dated relative to the seed's `now`,
// so a fresh demo always shows a storm that is still blowing.
import { bodyToText, type ArticleBody } from '../lib/article-body';
import { articlePath } from '../lib/urls';
import type { Db } from './connection';
import * as schema from './schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const MINUTE = 60_000;

/** The live blog's article: the front page lists it with the day's newest stories. */
export const LIVE_BLOG_STORY = {
  slug: 'storm-isolde-live',
  section: 'news',
  headline: 'Storm Isolde live: gusts of 80mph hit Port Ellery as the harbour closes',
  standfirst: 'Ferries cancelled, the Avel bridge shut to high-sided vehicles and a red warning along the coast. Our reporters follow the storm through the day.',
  intro: 'Storm Isolde arrived on the coast before dawn. We are updating this page as the day goes on; the latest updates are at the top.',
  summary: [
    'Red wind warning for the Port Ellery coast until late tonight',
    'Harbour closed and all Avel Ferries sailings cancelled',
    'Avel bridge shut to high-sided vehicles; Quay Road closed by flooding',
    'About 2,300 homes without power in the old town and Saltmarsh',
    'Rest centre open at St Anne’s church hall',
  ].join('\n'),
  authors: ['declan-fairweather', 'amara-okonjo-bell'],
  /** Minutes before `now` that coverage began. */
  startedMinutesAgo: 7 * 60,
} as const;

type Entry = {
  minutesAgo: number;
  by: string[];
  title?: string;
  paragraphs: string[];
  keyEvent?: boolean;
  pinned?: boolean;
  /** Minutes before `now` it was edited. */
  editedMinutesAgo?: number;
  correction?: string;
};

const p = (...texts: string[]): ArticleBody => ({ type: 'doc', content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) });

// Oldest first, as they were posted.
const ENTRIES: Entry[] = [
  {
    minutesAgo: 415,
    by: ['declan-fairweather'],
    title: 'Red warning issued for the coast',
    keyEvent: true,
    paragraphs: [
      'The forecasters have raised the wind warning for the Port Ellery coast to red, the highest level, from now until late tonight. Gusts of 70 to 80mph are expected on exposed headlands, with large waves along the sea front.',
      'A red warning means a danger to life from flying debris and waves. People are asked not to travel unless they must.',
    ],
  },
  {
    minutesAgo: 398,
    by: ['amara-okonjo-bell'],
    paragraphs: ['Avel Ferries says every sailing from Port Ellery is cancelled until the storm passes. The first crossing tomorrow morning is “under review”.'],
  },
  {
    minutesAgo: 372,
    by: ['declan-fairweather'],
    paragraphs: [
      'The harbour master has closed the port to all traffic. Fishing boats that went out on Sunday night have all come back in, the harbour office told us; the last, the Marigold, tied up before dawn.',
    ],
  },
  {
    minutesAgo: 344,
    by: ['joanna-hartigan'],
    title: 'Schools shut across the valley',
    paragraphs: ['The county council says 31 schools in and around Port Ellery will stay closed. Parents should check their school’s own page; the list is also on the council’s site.'],
    editedMinutesAgo: 330,
  },
  {
    minutesAgo: 301,
    by: ['amara-okonjo-bell'],
    title: 'Avel bridge closed to high-sided vehicles',
    keyEvent: true,
    paragraphs: ['Highways staff have closed the Avel bridge to lorries, vans, caravans and motorbikes after a gust of 74mph was measured on the span. Cars can still cross at 30mph.'],
  },
  {
    minutesAgo: 262,
    by: ['declan-fairweather', 'amara-okonjo-bell'],
    paragraphs: [
      'Waves are coming over the sea wall at the end of the Esplanade. We watched spray reach the first-floor windows of the Harbour View café, which has boarded up its front.',
      '“We have been here for forty years and this is the worst I have seen the water,” said its owner, Lorna Pascoe.',
    ],
  },
  {
    minutesAgo: 228,
    by: ['joanna-hartigan'],
    paragraphs: ['Seven people were helped from their cars when flood water rose on Quay Road.'],
    editedMinutesAgo: 205,
    correction: 'An earlier version of this entry said eleven people were helped from their cars on Quay Road. The fire service has since told us it was seven.',
  },
  {
    minutesAgo: 214,
    by: ['amara-okonjo-bell'],
    title: 'Thousands without power',
    keyEvent: true,
    paragraphs: ['The network operator says about 2,300 homes in the old town and Saltmarsh have lost power after a line came down near Kelling Farm. Engineers cannot climb the poles until the wind drops, so some homes may be without power overnight.'],
  },
  {
    minutesAgo: 180,
    by: ['declan-fairweather'],
    paragraphs: ['Quay Road is now closed between the fish market and the lifeboat station. Police are turning traffic back at the roundabout by the Custom House.'],
  },
  {
    minutesAgo: 151,
    by: ['joanna-hartigan'],
    title: 'Rest centre opens at St Anne’s',
    keyEvent: true,
    paragraphs: [
      'The council has opened a rest centre at St Anne’s church hall on Chapel Street for anyone who has had to leave home or has no heating. There are hot drinks, phone chargers and camp beds.',
      'It will stay open overnight; anyone who needs a lift can ring the council’s emergency line.',
    ],
  },
  {
    minutesAgo: 118,
    by: ['amara-okonjo-bell'],
    paragraphs: ['A reader sent us a picture of a beach hut from the Westcliff row, found upright in a garden on Marine Terrace, about a quarter of a mile from where it stood. Nobody was hurt.'],
  },
  {
    minutesAgo: 84,
    by: ['declan-fairweather'],
    paragraphs: ['The strongest gust so far has been 83mph, measured at the coastguard station on Gull Point, the forecasters say.'],
  },
  {
    minutesAgo: 50,
    by: ['joanna-hartigan'],
    paragraphs: ['Buses: Valley Coaches has stopped its coast route until the warning ends. Town services are running, with diversions away from Quay Road.'],
  },
  {
    minutesAgo: 20,
    by: ['amara-okonjo-bell', 'declan-fairweather'],
    title: 'What we know so far',
    pinned: true,
    paragraphs: [
      'The red warning lasts until late tonight. The worst of the wind is expected over the next few hours, when high tide meets the strongest gusts.',
      'The harbour and the ferries are closed, the Avel bridge is shut to high-sided vehicles, Quay Road is flooded and about 2,300 homes are without power. St Anne’s church hall is open as a rest centre.',
    ],
  },
  {
    minutesAgo: 6,
    by: ['declan-fairweather'],
    paragraphs: ['The lifeboat crew have been called out to a yacht that broke its mooring in the outer harbour. There was no one aboard; they are trying to stop it reaching the rocks below the lighthouse.'],
  },
];

/** Inserts the live blog's article, its coverage and its entries. `staffId` maps a staff slug to its id. */
export async function seedLiveBlog(tx: Tx, input: { now: Date; sectionId: (slug: string) => number; staffId: (slug: string) => number; timeZone: string }): Promise<number> {
  const { now, staffId, timeZone } = input;
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  const started = at(LIVE_BLOG_STORY.startedMinutesAgo);
  const intro = p(LIVE_BLOG_STORY.intro);
  const [article] = await tx
    .insert(schema.articles)
    .values({
      slug: LIVE_BLOG_STORY.slug,
      path: articlePath({ sectionSlug: LIVE_BLOG_STORY.section, slug: LIVE_BLOG_STORY.slug, firstPublishedAt: started }, timeZone),
      headline: LIVE_BLOG_STORY.headline,
      standfirst: LIVE_BLOG_STORY.standfirst,
      body: intro,
      bodyText: bodyToText(intro),
      status: 'published',
      sectionId: input.sectionId(LIVE_BLOG_STORY.section),
      firstPublishedAt: started,
      publishedAt: started,
      // "Updated" on cards and feeds follows the blog: the newest entry.
      updatedAt: at(ENTRIES.at(-1)!.minutesAgo),
      createdBy: staffId('tobias-wren'),
      createdAt: at(LIVE_BLOG_STORY.startedMinutesAgo + 30),
      modifiedAt: at(ENTRIES.at(-1)!.minutesAgo),
    })
    .returning({ id: schema.articles.id });
  const articleId = article!.id;
  await tx.insert(schema.articleAuthors).values(LIVE_BLOG_STORY.authors.map((slug, position) => ({ articleId, staffId: staffId(slug), position })));
  await tx.insert(schema.liveBlogs).values({ articleId, coverageStart: started, summary: LIVE_BLOG_STORY.summary, pollSeconds: 5, version: ENTRIES.length, createdAt: started, modifiedAt: at(ENTRIES.at(-1)!.minutesAgo) });
  for (const [i, e] of ENTRIES.entries()) {
    const body = p(...e.paragraphs);
    const [row] = await tx
      .insert(schema.liveEntries)
      .values({
        articleId,
        title: e.title ?? '',
        body,
        bodyText: bodyToText(body),
        postedAt: at(e.minutesAgo),
        keyEvent: e.keyEvent ?? false,
        pinned: e.pinned ?? false,
        correction: e.correction ?? null,
        editedAt: e.editedMinutesAgo === undefined ? null : at(e.editedMinutesAgo),
        version: i + 1,
        createdBy: staffId(e.by[0]!),
      })
      .returning({ id: schema.liveEntries.id });
    await tx.insert(schema.liveEntryAuthors).values(e.by.map((slug, position) => ({ entryId: row!.id, staffId: staffId(slug), position })));
  }
  return articleId;
}
