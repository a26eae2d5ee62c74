// Shared helpers for the end-to-end specs. Any spec in e2e/ can use them with the shared config.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';

export { FIXTURES } from '../../db/seed';

/** An article URL: /section/yyyy/mm/dd/slug. */
export const ARTICLE_PATH = /^\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/;
/** A full URL of an article on the test server, for toHaveURL. */
export const ARTICLE_URL = /^https?:\/\/[^/]+\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/;

/** GET without following redirects, as a crawler or an old bookmark sees the answer. */
export function getRaw(request: APIRequestContext, path: string, headers?: Record<string, string>): Promise<APIResponse> {
  return request.get(path, { maxRedirects: 0, failOnStatusCode: false, headers });
}

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, listing
 * each rule with the first few offending elements so the failure says what to fix.
 */
export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} → ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(' | ')}`);
  expect(serious, `serious or critical accessibility violations on ${what}`).toEqual([]);
}

/** The first article link in a region of the page. */
export async function firstArticleHref(page: Page, scope = page.getByRole('main')): Promise<string> {
  const hrefs = await scope.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => ARTICLE_PATH.test(h));
  expect(href, 'an article link on the page').toBeTruthy();
  return href!;
}

/** The element that has keyboard focus, described for assertions. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      href: el.getAttribute('href'),
      inSectionsNav: Boolean(el.closest('nav[aria-label="Sections"]')),
      focusVisible: el.matches(':focus-visible'),
      outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 ? `${style.outlineWidth} ${style.outlineStyle}` : '',
      boxShadow: style.boxShadow !== 'none' ? style.boxShadow : '',
      inViewport: (() => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
      })(),
    };
  });
}
