// What the site itself answers at the top level of its URLs, so that nothing else (a section's
// slug, above all) can take those addresses. Derived from the route tree: see
// scripts/app-paths.mjs. Nothing here needs an edit when a page is added under app/.
import { APP_TOP_LEVEL_PATHS } from './app-paths.generated';

/**
 * The publication's fixed pages: each answers at `/<slug>`, rewritten by next.config.ts to
 * app/(site)/pages/[page], whose table of pages is typed by this list.
 */
export const FIXED_PAGE_SLUGS = ['about', 'privacy', 'corrections', 'standards', 'corrections-policy', 'ethics'] as const;
export type FixedPageSlug = (typeof FIXED_PAGE_SLUGS)[number];

/** Rewrite targets: internal routes that have no public address of their own (a direct visit is a 404). */
export const INTERNAL_PATHS = ['edition', 'pages', 'missing', 'withdrawn', 'unavailable'] as const;

const RESERVED = new Set<string>([...APP_TOP_LEVEL_PATHS, ...FIXED_PAGE_SLUGS, '_next']);

/** Whether a first path segment belongs to the site itself (a route, a public file or a fixed page). */
export const isReservedTopLevelPath = (segment: string) => RESERVED.has(segment);
export const isInternalPath = (segment: string) => (INTERNAL_PATHS as readonly string[]).includes(segment);
