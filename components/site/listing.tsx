import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { decodeCursor, listListingArticles, PAGE_SIZE, type CardPage, type ListingKind } from '@/db/queries/articles';
import { getSectionFront } from '@/db/queries/front-page';
import { getAuthor } from '@/db/queries/authors';
import { getSection, getSiteSettings } from '@/db/queries/settings';
import { getTopic } from '@/db/queries/topics';
import { cacheSecondsBefore } from '@/lib/front-layout';
import { authorPath, isSlug, sectionPath, tagPath } from '@/lib/urls';
import { keepPageAtMost } from '@/server/http/page-lifetime';
import { CardList } from './card-list';
import { SectionTop } from './section-top';
import { StaffEmail } from './staff-email';
import { AuthorJsonLd, SectionJsonLd, TagJsonLd } from './structured-data';

/** What a listing's header shows of its owner, and how its list is named. */
type Owner = {
  id: number;
  slug: string;
  name: string;
  path: string;
  /** The line above the name ("Topic"). */
  kicker?: string;
  description: string;
  /** An author's title and address, shown as a profile. */
  profile?: { jobTitle: string; email: string };
  /** Said in the header of an older page. */
  olderNote?: string;
  /** A heading between the header and the list. */
  subhead?: ReactNode;
  /** The list's accessible name. */
  label: string;
  /** Whether each card names its section (not on a section's own page). */
  showSection: boolean;
};

/** The section, author or topic a listing belongs to, or null when there is none at that slug. */
async function getOwner(kind: ListingKind, slug: string): Promise<Owner | null> {
  if (kind === 'section') {
    const section = await getSection(slug);
    return section && { ...section, path: sectionPath(section.slug), olderNote: 'Older stories', label: `${section.name} stories`, showSection: false };
  }
  if (kind === 'author') {
    const author = await getAuthor(slug);
    if (!author) return null;
    return {
      id: author.id,
      slug: author.slug,
      name: author.name,
      path: authorPath(author.slug),
      description: author.bio,
      profile: { jobTitle: author.jobTitle, email: author.email },
      subhead: <>Stories by {author.name}</>,
      label: `Stories by ${author.name}`,
      showSection: true,
    };
  }
  const topic = await getTopic(slug);
  return topic && { ...topic, path: tagPath(topic.slug), kicker: 'Topic', label: `Stories about ${topic.name}`, showSection: true };
}

/** The section page's own `revalidate` (app/(site)/[section]/page.tsx). */
const SECTION_PAGE_SECONDS = 600;

const JSON_LD = { section: SectionJsonLd, author: AuthorJsonLd, topic: TagJsonLd } satisfies Record<ListingKind, unknown>;

/**
 * The page of a section, an author or a topic: its structured data and header, then its stories
 * newest first, from the page that starts after `cursor` ('' for the first page).
 */
export async function Listing({ kind, slug, cursor }: { kind: ListingKind; slug: string; cursor: string }) {
  if (!isSlug(slug) || (cursor && !decodeCursor(cursor))) notFound();
  const [settings, owner] = await Promise.all([getSiteSettings(), getOwner(kind, slug)]);
  if (!owner) notFound();
  // A section's first page leads with its top stories (the editors' pins, then its newest).
  const front = kind === 'section' && !cursor ? await getSectionFront(owner.id, owner.slug, PAGE_SIZE) : null;
  const page: CardPage = front ? { items: front.list, next: front.next, newer: null } : await listListingArticles(kind, owner.id, owner.slug, cursor);
  if (cursor && page.items.length === 0) notFound();
  // A pin that ends before the page's own lifetime shortens it (docs/decisions/2026-12-01-edited-front-page.md).
  if (front?.nextChangeAt) await keepPageAtMost(cacheSecondsBefore(new Date(front.nextChangeAt), new Date(), SECTION_PAGE_SECONDS));
  const JsonLd = JSON_LD[kind];
  const { profile } = owner;
  return (
    <>
      <JsonLd slug={slug} cursor={cursor} />
      <div className="listing">
        <header className={profile ? 'listing__header profile' : 'listing__header'}>
          {owner.kicker ? <p className="kicker">{owner.kicker}</p> : null}
          <h1>{owner.name}</h1>
          {profile?.jobTitle ? <p className="profile__title">{profile.jobTitle}</p> : null}
          {owner.description ? <p className="listing__description">{owner.description}</p> : null}
          {profile ? (
            <p className="profile__contact">
              Contact: <StaffEmail email={profile.email} />
            </p>
          ) : null}
          {cursor && owner.olderNote ? <p className="listing__page-note">{owner.olderNote}</p> : null}
        </header>
        {owner.subhead ? <h2 className="listing__subhead">{owner.subhead}</h2> : null}
        {front && front.top.length > 0 ? <SectionTop stories={front.top} sectionName={owner.name} locale={settings.locale} timeZone={settings.timeZone} /> : null}
        {front && front.top.length > 0 && page.items.length === 0 ? null : <CardList page={page} basePath={owner.path} locale={settings.locale} timeZone={settings.timeZone} showSection={owner.showSection} label={owner.label} isOlderPage={cursor !== ''} />}
      </div>
    </>
  );
}
