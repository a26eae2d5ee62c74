// Cache tags. Every tag string in the app comes from here, so a mutation can name exactly the
// reader pages it affects and nothing is forgotten.

export const cacheTags = {
  /** Site settings and anything rendered in the layout (name, tagline, navigation). */
  site: () => 'site',
  sections: () => 'sections',
  section: (slug: string) => `section:${slug}`,
  frontPage: () => 'front-page',
  article: (id: number) => `article:${id}`,
  /** A slug a page looked up, found or not, so publishing under that slug refreshes its 404. */
  articleSlug: (slug: string) => `article-slug:${slug}`,
  author: (slug: string) => `author:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  comments: (articleId: number) => `comments:${articleId}`,
  corrections: () => 'corrections',
} as const;

export type ArticleTagInput = {
  id: number;
  slug: string;
  sectionSlug: string | null;
  authorSlugs: string[];
  tagSlugs: string[];
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
    for (const t of a.tagSlugs) out.add(cacheTags.tag(t));
  }
  return [...out];
}
