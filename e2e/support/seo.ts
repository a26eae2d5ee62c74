// Helpers for the SEO specs: the configured site URL, JSON-LD and head tags as a crawler reads
// them, raw HTTP with any Host header, and XML/RSS parsing with real parsers.
import http from 'node:http';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import Parser from 'rss-parser';

/**
 * The public origin the server builds URLs from (the server inherits this environment): SITE_URL,
 * else the address it listens on, E2E_PORT (playwright.config.ts's default port when unset).
 */
export const SITE = (process.env.SITE_URL?.trim() || `http://localhost:${process.env.E2E_PORT ?? 3100}`).replace(/\/+$/, '');

/** The path of a published URL ("http://localhost:3000/news" → "/news"), checking it is ours. */
export function sitePath(url: string): string {
  expect(url.startsWith(`${SITE}/`) || url === SITE, `${url} is built from SITE_URL (${SITE})`).toBe(true);
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

export type JsonLd = Record<string, unknown> & { '@type': string };

/** Every JSON-LD block on the page, parsed; fails if one is not valid JSON. */
export async function jsonLdBlocks(page: Page): Promise<JsonLd[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((text, i) => {
    try {
      return JSON.parse(text) as JsonLd;
    } catch (error) {
      throw new Error(`JSON-LD block ${i} is not JSON: ${(error as Error).message}\n${text.slice(0, 200)}`);
    }
  });
}

export function blockOfType(blocks: JsonLd[], type: string): JsonLd {
  const found = blocks.filter((b) => b['@type'] === type);
  expect(found, `exactly one ${type} block among ${blocks.map((b) => b['@type']).join(', ')}`).toHaveLength(1);
  expect(found[0]!['@context']).toBe('https://schema.org');
  return found[0]!;
}

export async function meta(page: Page, selector: string): Promise<string | null> {
  const el = page.locator(selector);
  return (await el.count()) ? el.first().getAttribute('content') : null;
}

export async function headTags(page: Page) {
  const canonicals = await page.locator('link[rel="canonical"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  const feeds = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((els) => els.map((e) => ({ href: e.getAttribute('href')!, title: e.getAttribute('title') })));
  return {
    title: await page.title(),
    description: await meta(page, 'meta[name="description"]'),
    canonicals,
    robots: await meta(page, 'meta[name="robots"]'),
    ogTitle: await meta(page, 'meta[property="og:title"]'),
    ogUrl: await meta(page, 'meta[property="og:url"]'),
    ogType: await meta(page, 'meta[property="og:type"]'),
    ogImage: await meta(page, 'meta[property="og:image"]'),
    ogImageWidth: await meta(page, 'meta[property="og:image:width"]'),
    ogImageHeight: await meta(page, 'meta[property="og:image:height"]'),
    ogSiteName: await meta(page, 'meta[property="og:site_name"]'),
    twitterCard: await meta(page, 'meta[name="twitter:card"]'),
    twitterImage: await meta(page, 'meta[name="twitter:image"]'),
    feeds,
  };
}

/** A GET with exactly these headers (a poisoned Host included), not following redirects. */
export function rawGet(baseURL: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const base = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout on ${path}`)));
    req.end();
  });
}

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'image:image'].includes(name) });

export type SitemapUrl = { loc: string; lastmod?: string; 'image:image'?: { 'image:loc': string }[]; 'news:news'?: Record<string, unknown> };

export async function fetchXml(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type']).toMatch(/xml/);
  return xml.parse(await res.text());
}

/** Every URL entry of every child sitemap named in /sitemap.xml, by child path. */
export async function allSitemaps(request: APIRequestContext): Promise<Map<string, SitemapUrl[]>> {
  const index = await fetchXml(request, '/sitemap.xml');
  const out = new Map<string, SitemapUrl[]>();
  for (const s of index.sitemapindex.sitemap as { loc: string }[]) {
    const path = sitePath(s.loc);
    const doc = await fetchXml(request, path);
    out.set(path, (doc.urlset.url ?? []) as SitemapUrl[]);
  }
  return out;
}

export async function fetchFeed(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/rss\+xml/);
  return new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } }).parseString(await res.text());
}
