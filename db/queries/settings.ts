import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { cachedQuery } from '../cache';
import { getDb } from '../client';
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

export const getSiteSettings = cachedQuery(
  'site-settings',
  async (): Promise<SiteSettings> => {
    const [row] = await getDb()
      .select({
        name: siteSettings.name,
        tagline: siteSettings.tagline,
        description: siteSettings.description,
        locale: siteSettings.locale,
        timeZone: siteSettings.timeZone,
        staffEmailFormula: siteSettings.staffEmailFormula,
      })
      .from(siteSettings)
      .where(eq(siteSettings.id, 1));
    return row ?? FALLBACK;
  },
  () => [cacheTags.site()],
);

export const listSections = cachedQuery(
  'sections',
  async (): Promise<SectionLink[]> =>
    getDb()
      .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
      .from(sections)
      .orderBy(asc(sections.position), asc(sections.name)),
  () => [cacheTags.site(), cacheTags.sections()],
);

export async function getSection(slug: string): Promise<SectionLink | null> {
  return (await listSections()).find((s) => s.slug === slug) ?? null;
}
