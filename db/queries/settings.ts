import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
import { preparedQuery } from '../prepared';
import { sections, siteSettings } from '../schema';
import { cacheTags } from '../tags';

export type SiteSettings = {
  name: string;
  tagline: string;
  description: string;
  locale: string;
  timeZone: string;
  staffEmailFormula: string;
};

export type SectionLink = { id: number; slug: string; name: string; description: string };

/** Defaults that keep pages rendering on a database that has not been seeded yet. */
const FALLBACK: SiteSettings = {
  name: 'Broadsheet',
  tagline: '',
  description: '',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  staffEmailFormula: '{first_initial}{last_name}@example.org',
};

/** What reader pages show of the comment settings: when threads close and how deep replies go. */
export type PublicCommentSettings = { closeAfterDays: number; maxDepth: number };
export const PUBLIC_COMMENT_DEFAULTS: PublicCommentSettings = { closeAfterDays: 14, maxDepth: 3 };

type SiteFrame = { settings: SiteSettings; comments: PublicCommentSettings; sections: SectionLink[] };

const sectionColumns = { id: sections.id, slug: sections.slug, name: sections.name, description: sections.description };

// Everything every reader page needs from the site in one statement: the settings row with the
// sections as JSON.
const siteFrame = preparedQuery((db) =>
  db
    .select({
      name: siteSettings.name,
      tagline: siteSettings.tagline,
      description: siteSettings.description,
      locale: siteSettings.locale,
      timeZone: siteSettings.timeZone,
      staffEmailFormula: siteSettings.staffEmailFormula,
      closeAfterDays: siteSettings.commentsCloseAfterDays,
      maxDepth: siteSettings.commentMaxDepth,
      sections: sql<SectionLink[]>`coalesce((
        select json_agg(json_build_object('id', ${sections.id}, 'slug', ${sections.slug}, 'name', ${sections.name}, 'description', ${sections.description}) order by ${sections.position}, ${sections.name})
        from ${sections}), '[]'::json)`,
    })
    .from(siteSettings)
    .where(eq(siteSettings.id, 1))
    .prepare('reader_site_frame'),
);

/** The site settings and sections as stored, uncached (the proxy asks this before a page renders). */
async function readSiteFrame(): Promise<SiteFrame> {
  const [row] = await siteFrame().execute();
  if (!row) {
    // Not seeded yet: the defaults, and whatever sections exist.
    const list = await getDb().select(sectionColumns).from(sections).orderBy(asc(sections.position), asc(sections.name));
    return { settings: FALLBACK, comments: PUBLIC_COMMENT_DEFAULTS, sections: list };
  }
  const { closeAfterDays, maxDepth, sections: list, ...settings } = row;
  return { settings, comments: { closeAfterDays, maxDepth }, sections: list };
}

/** The site settings and sections, cached together: a change to either refreshes every page. */
const getSiteFrame = cachedQuery('site-frame', readSiteFrame, () => [cacheTags.site(), cacheTags.sections()]);

export async function getSiteSettings(): Promise<SiteSettings> {
  return (await getSiteFrame()).settings;
}

export async function listSections(): Promise<SectionLink[]> {
  return (await getSiteFrame()).sections;
}

/** For reader pages: only what they show of the comment settings (closing and depth). */
export async function getPublicCommentSettings(): Promise<PublicCommentSettings> {
  return (await getSiteFrame()).comments;
}

const sectionIn = (frame: SiteFrame, slug: string) => frame.sections.find((s) => s.slug === slug) ?? null;

export async function getSection(slug: string): Promise<SectionLink | null> {
  return sectionIn(await getSiteFrame(), slug);
}

/** A section by its slug, uncached, through the same statement as the pages' site frame. */
export async function findSection(slug: string): Promise<SectionLink | null> {
  return sectionIn(await readSiteFrame(), slug);
}
