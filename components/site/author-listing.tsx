import { notFound } from 'next/navigation';
import { decodeCursor, listAuthorArticles } from '@/db/queries/articles';
import { getAuthor } from '@/db/queries/authors';
import { getSiteSettings } from '@/db/queries/settings';
import { authorPath, isSlug } from '@/lib/urls';
import { CardList } from './card-list';
import { StaffEmail } from './staff-email';

export async function AuthorListing({ slug, cursor }: { slug: string; cursor: string }) {
  if (!isSlug(slug) || (cursor && !decodeCursor(cursor))) notFound();
  const [settings, author] = await Promise.all([getSiteSettings(), getAuthor(slug)]);
  if (!author) notFound();
  const page = await listAuthorArticles(author.id, author.slug, cursor);
  if (cursor && page.items.length === 0) notFound();
  return (
    <div className="listing">
      <header className="listing__header profile">
        <h1>{author.name}</h1>
        {author.jobTitle ? <p className="profile__title">{author.jobTitle}</p> : null}
        {author.bio ? <p className="listing__description">{author.bio}</p> : null}
        <p className="profile__contact">
          Contact: <StaffEmail email={author.email} />
        </p>
      </header>
      <h2 className="listing__subhead">Stories by {author.name}</h2>
      <CardList page={page} basePath={authorPath(author.slug)} locale={settings.locale} timeZone={settings.timeZone} label={`Stories by ${author.name}`} />
    </div>
  );
}

export async function authorMetadata(slug: string, cursor: string) {
  const [settings, author] = await Promise.all([getSiteSettings(), isSlug(slug) ? getAuthor(slug) : null]);
  if (!author) return { title: `Not found – ${settings.name}` };
  return {
    title: `${author.name} – ${settings.name}`,
    description: author.bio || `Stories by ${author.name}`,
    alternates: { canonical: cursor ? `${authorPath(author.slug)}/before/${cursor}` : authorPath(author.slug) },
  };
}
