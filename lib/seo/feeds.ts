// Where the feeds live (app/feeds/...). One place, so pages advertise exactly the URLs that answer.

export const FEED_LIMIT = 50;
export const siteFeedPath = () => '/feeds/all.xml';
export const sectionFeedPath = (slug: string) => `/feeds/section/${slug}.xml`;
export const authorFeedPath = (slug: string) => `/feeds/author/${slug}.xml`;
export const tagFeedPath = (slug: string) => `/feeds/tag/${slug}.xml`;
export const commentsFeedPath = (articleSlug: string) => `/feeds/comments/${articleSlug}.xml`;

/** "world.xml" → "world"; null for anything that is not a slug followed by .xml. */
export function slugFromFeedFile(file: string): string | null {
  const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.xml$/.exec(file);
  return m && m[1]!.length <= 120 ? m[1]! : null;
}
