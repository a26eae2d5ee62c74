import { notFound } from 'next/navigation';
import { decodeCursor, listSectionArticles } from '@/db/queries/articles';
import { getSection, getSiteSettings } from '@/db/queries/settings';
import { isSlug, sectionPath } from '@/lib/urls';
import { CardList } from './card-list';

/** A section's stories, newest first, from the page that starts after `cursor` (if any). */
export async function SectionListing({ slug, cursor }: { slug: string; cursor: string }) {
  if (!isSlug(slug) || (cursor && !decodeCursor(cursor))) notFound();
  const [settings, section] = await Promise.all([getSiteSettings(), getSection(slug)]);
  if (!section) notFound();
  const page = await listSectionArticles(section.id, section.slug, cursor);
  if (cursor && page.items.length === 0) notFound();
  return (
    <div className="listing">
      <header className="listing__header">
        <h1>{section.name}</h1>
        {section.description ? <p className="listing__description">{section.description}</p> : null}
        {cursor ? <p className="listing__page-note">Older stories</p> : null}
      </header>
      <CardList page={page} basePath={sectionPath(section.slug)} locale={settings.locale} timeZone={settings.timeZone} showSection={false} label={`${section.name} stories`} />
    </div>
  );
}

export async function sectionMetadata(slug: string, cursor: string) {
  const [settings, section] = await Promise.all([getSiteSettings(), isSlug(slug) ? getSection(slug) : null]);
  if (!section) return { title: `Not found – ${settings.name}` };
  return {
    title: `${section.name}${cursor ? ' (older stories)' : ''} – ${settings.name}`,
    description: section.description || undefined,
    alternates: { canonical: cursor ? `${sectionPath(section.slug)}/before/${cursor}` : sectionPath(section.slug) },
  };
}
