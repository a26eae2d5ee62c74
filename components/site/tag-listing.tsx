import { notFound } from 'next/navigation';
import { decodeCursor, listTagArticles } from '@/db/queries/articles';
import { getSiteSettings } from '@/db/queries/settings';
import { getTag } from '@/db/queries/topics';
import { isSlug, tagPath } from '@/lib/urls';
import { CardList } from './card-list';

export async function TagListing({ slug, cursor }: { slug: string; cursor: string }) {
  if (!isSlug(slug) || (cursor && !decodeCursor(cursor))) notFound();
  const [settings, tag] = await Promise.all([getSiteSettings(), getTag(slug)]);
  if (!tag) notFound();
  const page = await listTagArticles(tag.id, tag.slug, cursor);
  if (cursor && page.items.length === 0) notFound();
  return (
    <div className="listing">
      <header className="listing__header">
        <p className="kicker">Topic</p>
        <h1>{tag.name}</h1>
        {tag.description ? <p className="listing__description">{tag.description}</p> : null}
      </header>
      <CardList page={page} basePath={tagPath(tag.slug)} locale={settings.locale} timeZone={settings.timeZone} label={`Stories about ${tag.name}`} />
    </div>
  );
}

export async function tagMetadata(slug: string, cursor: string) {
  const [settings, tag] = await Promise.all([getSiteSettings(), isSlug(slug) ? getTag(slug) : null]);
  if (!tag) return { title: `Not found – ${settings.name}` };
  return {
    title: `${tag.name} – ${settings.name}`,
    description: tag.description || `Stories about ${tag.name}`,
    alternates: { canonical: cursor ? `${tagPath(tag.slug)}/before/${cursor}` : tagPath(tag.slug) },
  };
}
