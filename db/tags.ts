// Cache tags. Every tag string in the app comes from here, so a mutation can name exactly the
// reader pages it affects and nothing is forgotten.

export const cacheTags = {
  /** On every cached query and so every cached page: expiring it empties every cache at once. */
  all: () => 'all',
  /** Site settings and anything rendered in the layout (name, tagline, navigation). */
  site: () => 'site',
  sections: () => 'sections',
  section: (slug: string) => `section:${slug}`,
  frontPage: () => 'front-page',
  article: (id: number) => `article:${id}`,
  /** A slug a page looked up, found or not, so publishing under that slug refreshes its 404. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** A topic's page (its articles are listed at /tag/<slug>). */
  topic: (slug: string) => `topic:${slug}`,
  comments: (articleId: number) => `comments:${articleId}`,
  corrections: () => 'corrections',
  /** A live blog's entries, summary and coverage: its article page, older-entry pages, update answers and feed. */
  liveBlog: (articleId: number) => `live-blog:${articleId}`,
  /** Anything that follows every live blog's newest entry (the sitemaps' lastmod, the news sitemap). */
  liveBlogs: () => 'live-blogs',
  /** The most-read box on the front page and articles (also refreshed on a time limit). */
  mostRead: () => 'most-read',
} as const;

// What an article contributes to cache tags: its id, slug, section and the slugs of its authors and topics.
export type ArticleTagInput = {
  id: number;
  slug: string;
  sectionSlug: string | null;
  authorSlugs: string[];
  topicSlugs: string[];
};

/**
 * Everything a change to an article can alter: its page, the page its old slug answered, its
 * sections before and after, the front page, and its authors' and tags' pages.
 */
export function articleChangeTags(before: ArticleTagInput | null, after: ArticleTagInput | null): string[] {
  const out = new Set<string>([cacheTags.frontPage(), cacheTags.corrections()]);
  for (const a of [before, after]) {
    if (!a) continue;
    out.add(cacheTags.article(a.id));
    out.add(cacheTags.articleSlug(a.slug));
    if (a.sectionSlug) out.add(cacheTags.section(a.sectionSlug));
    for (const s of a.authorSlugs) out.add(cacheTags.author(s));
    for (const t of a.topicSlugs) out.add(cacheTags.topic(t));
  }
  return [...out];
}

/** An article whose public comments changed: its id and its current slug. */
export type CommentArticleRef = { id: number; slug: string };

/**
 * Everything a change to the public comments of these articles can alter: the thread (its first
 * page in the article's HTML, the later no-JavaScript pages and the article's comment feed all
 * read it under `comments`), the count in the article page's heading and structured data (read
 * with the article itself, by slug), and the article page's own entry (its related-stories read
 * is tagged by id, as is the comment feed). A comment nobody can see changes none of them, so a
 * mutation passes only the articles whose approved comments changed.
 */
export function commentChangeTags(articles: CommentArticleRef[]): string[] {
  const out = new Set<string>();
  for (const a of articles) {
    out.add(cacheTags.comments(a.id));
    out.add(cacheTags.articleSlug(a.slug));
    out.add(cacheTags.article(a.id));
  }
  return [...out];
}

/** Site settings show in the layout of every page (name, time zone, e-mail formula) and in the corrections page. */
export function settingsChangeTags(): string[] {
  return [cacheTags.site(), cacheTags.frontPage(), cacheTags.sections(), cacheTags.corrections()];
}

/**
 * A section created, renamed, moved or deleted: the navigation in every page's layout, the front
 * page's section blocks, and the section's page under its old and new slug.
 */
export function sectionChangeTags(beforeSlug: string | null, afterSlug: string | null): string[] {
  const out = new Set<string>([cacheTags.sections(), cacheTags.site(), cacheTags.frontPage()]);
  for (const slug of [beforeSlug, afterSlug]) if (slug) out.add(cacheTags.section(slug));
  return [...out];
}

/**
 * A topic renamed or deleted: its own page, and the page of every article filed under it (the
 * article page lists its topics by name, and is read by slug; related stories are read by id).
 */
export function topicChangeTags(topicSlug: string, taggedArticles: CommentArticleRef[]): string[] {
  const out = new Set<string>([cacheTags.topic(topicSlug)]);
  for (const a of taggedArticles) {
    out.add(cacheTags.articleSlug(a.slug));
    out.add(cacheTags.article(a.id));
  }
  return [...out];
}

/**
 * A staff member changed their name or bio: their author page, and every page that may show their
 * byline (article pages, cards on every listing). Rare enough that expiring the whole site is
 * cheaper than finding each page.
 */
export function staffProfileChangeTags(staffSlug: string): string[] {
  return [cacheTags.author(staffSlug), cacheTags.site()];
}

/** A staff member deactivated or reactivated: their author page. */
export function staffChangeTags(staffSlug: string): string[] {
  return [cacheTags.author(staffSlug)];
}

/**
 * An image's alt text, caption or credit changed: every page showing an article that uses it as
 * its featured image (its card on listings and its own page), as if each article had changed.
 */
export function featuredImageChangeTags(articlesUsingIt: ArticleTagInput[]): string[] {
  return [...new Set(articlesUsingIt.flatMap((a) => articleChangeTags(a, a)))];
}

/**
 * An image's crop changed (or was reset): what it shows and the names of its files. Every page of
 * an article featuring it, as for its text (cards and social crops), and the page of every article
 * showing it as a figure in its body or in one of its live blog entries (the figure's size and files
 * are read with the article, and with the blog under its own tag).
 */
export function mediaCropChangeTags(featuring: ArticleTagInput[], showingInText: CommentArticleRef[], liveBlogsShowing: number[] = []): string[] {
  const out = new Set(featuredImageChangeTags(featuring));
  for (const a of showingInText) {
    out.add(cacheTags.article(a.id));
    out.add(cacheTags.articleSlug(a.slug));
  }
  for (const id of liveBlogsShowing) out.add(cacheTags.liveBlog(id));
  return [...out];
}

/** The front page's own layout changed (its pinned lead, the breaking-news strip): the front page only. */
export function frontPageLayoutTags(): string[] {
  return [cacheTags.frontPage()];
}

/**
 * A section's top stories changed (pinned, unpinned, reordered): that section's tag only. Its page
 * reads them under it, and so does the front page's block of the section (the front page's query
 * carries every section's tag), so no other section's page is refreshed.
 */
export function sectionTopStoriesTags(sectionSlug: string): string[] {
  return [cacheTags.section(sectionSlug)];
}

/**
 * A story left the live site (withdrawn, unpublished, rescheduled): the most-read box must not
 * list it for the minutes until its own refresh. Only then: the box is on every article page, so
 * expiring it on every edit would refresh them all.
 */
export function liveStatusChangeTags(wasLive: boolean, isLive: boolean): string[] {
  return wasLive && !isLive ? [cacheTags.mostRead()] : [];
}

/**
 * An entry of a live blog posted, edited, deleted, pinned or unpinned: that blog's pages and
 * answers, and the sitemaps that follow its newest entry. The front page only when a key event
 * appears, changes or goes (it may show the blog's latest key event); any other entry leaves every
 * other page of the site alone, so a busy blog does not empty the site's caches.
 */
export function liveEntryChangeTags(articleId: number, keyEvent: boolean): string[] {
  const out = [cacheTags.liveBlog(articleId), cacheTags.liveBlogs()];
  if (keyEvent) out.push(cacheTags.frontPage());
  return out;
}

/**
 * A live blog's own settings changed (summary, coverage, poll interval), or an article became one:
 * its pages and, because a card may say "Live", the front page and its section when coverage
 * starts or ends.
 */
export function liveBlogChangeTags(articleId: number, coverageChanged: boolean, sectionSlug: string | null): string[] {
  const out = [cacheTags.liveBlog(articleId), cacheTags.liveBlogs()];
  if (coverageChanged) {
    out.push(cacheTags.frontPage());
    if (sectionSlug) out.push(cacheTags.section(sectionSlug));
  }
  return out;
}

/**
 * A whole publication imported (db/mutations/publication-archive.ts): new sections, staff, topics
 * and articles everywhere, and perhaps the site's settings, so every cached page and query.
 */
export function publicationImportTags(): string[] {
  return [cacheTags.all(), ...settingsChangeTags(), cacheTags.liveBlogs(), cacheTags.mostRead()];
}
