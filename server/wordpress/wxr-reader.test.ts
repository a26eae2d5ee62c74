import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WxrRecord } from '../../lib/wordpress/wxr';
import { readWxr, readWxrFile, WxrError } from './wxr-reader';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../../test/fixtures/wordpress', name);

async function collect(files: string[]): Promise<WxrRecord[]> {
  const out: WxrRecord[] = [];
  for await (const r of readWxr(files)) out.push(r);
  return out;
}

async function failure(files: string[]): Promise<WxrError> {
  try {
    await collect(files);
  } catch (e) {
    if (e instanceof WxrError) return e;
    throw e;
  }
  throw new Error('expected the read to fail');
}

describe('the WXR reader', () => {
  it('reads the site, authors, terms and items of a WXR 1.2 export, with comments and custom fields', async () => {
    const records = await collect([fixture('harbour-gazette.xml')]);
    const site = records.find((r) => r.kind === 'site');
    expect(site?.kind === 'site' && site.site).toMatchObject({ title: 'The Harbour Gazette', wxrVersion: '1.2', baseBlogUrl: 'https://gazette.example' });
    expect(records.filter((r) => r.kind === 'author').map((r) => r.kind === 'author' && r.author.login)).toEqual(['mbrightwater', 'oquill', 'deskeditor']);
    const terms = records.flatMap((r) => (r.kind === 'term' ? [r.term] : []));
    expect(terms.find((t) => t.slug === 'council')).toMatchObject({ taxonomy: 'category', parentSlug: 'local-news', name: 'Council' });
    expect(terms.find((t) => t.slug === 'tides')).toMatchObject({ taxonomy: 'post_tag', name: 'Tides' });
    const items = records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    expect(items.map((i) => i.id)).toEqual([101, 102, 103, 201, 202, 203, 204, 205, 206, 207, 208, 301, 401]);
    const lighthouse = items.find((i) => i.id === 201)!;
    expect(lighthouse).toMatchObject({ slug: 'lighthouse-keepers-return', status: 'publish', type: 'post', sticky: true, dateGmt: '2024-03-05 09:30:00', creator: 'mbrightwater' });
    expect(lighthouse.content).toContain('[caption id="attachment_101"');
    expect(lighthouse.meta.filter((m) => m.key === '_wp_old_slug').map((m) => m.value)).toEqual(['keepers-back-at-gull-point', 'gull-point-lamp']);
    expect(lighthouse.comments.map((c) => [c.id, c.parent, c.approved, c.type])).toEqual([
      [501, 0, '1', 'comment'],
      [502, 501, '1', ''],
      [503, 502, '0', 'comment'],
      [504, 0, 'spam', 'comment'],
      [505, 0, '1', 'pingback'],
      [506, 0, 'trash', 'comment'],
    ]);
    expect(lighthouse.terms).toContainEqual({ domain: 'post_tag', slug: 'lighthouse', name: 'Lighthouse' });
  });

  it('reads a gzipped export the same as the plain one, told by its bytes', async () => {
    const plain = await collect([fixture('harbour-gazette.xml')]);
    const gzipped = await collect([fixture('harbour-gazette.xml.gz')]);
    expect(gzipped).toEqual(plain);
  });

  it('reads an export split over several files (WXR 1.1) as one, marking which file each item came from', async () => {
    const records = await collect([fixture('split-part-1.xml'), fixture('split-part-2.xml')]);
    const items = records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    expect(items.map((i) => [i.id, i.fileIndex])).toEqual([
      [11, 0],
      [12, 1],
    ]);
  });

  it('names the file and line of broken XML', async () => {
    const error = await failure([fixture('broken.xml')]);
    expect(error.message).toMatch(/^broken\.xml, line 13: /);
    expect(error.line).toBe(13);
  });

  it('says a file cut short is cut short, with the line it stopped at, after the items read whole', async () => {
    const seen: number[] = [];
    let error: unknown;
    try {
      for await (const r of readWxrFile(fixture('truncated.xml'))) if (r.kind === 'item') seen.push(r.item.id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WxrError);
    expect((error as WxrError).message).toMatch(/^truncated\.xml, line \d+: /);
    expect((error as WxrError).line).toBeGreaterThan(40);
    expect(seen).toEqual([101, 102, 103]);
  });

  it('says a damaged gzip file is damaged', async () => {
    const error = await failure([fixture('truncated.xml.gz')]);
    expect(error.message).toMatch(/truncated\.xml\.gz/);
  });

  it('refuses an RSS feed that is not a WordPress export', async () => {
    const error = await failure([fixture('not-wxr.xml')]);
    expect(error.message).toMatch(/not-wxr\.xml, line \d+: this is not a WordPress export/);
  });

  it('refuses a file that is not XML at all', async () => {
    const error = await failure([fixture('uploads/2024/03/slipway.png')]);
    expect(error.message).toMatch(/^slipway\.png, line \d+: /);
  });
});
