import { describe, expect, it } from 'vitest';
import { commentUnavailablePage, keptComment } from './comment-unavailable';

describe('commentUnavailablePage: the no-JavaScript form keeps what the reader typed while the database is down', () => {
  it('carries every typed value back in a form that posts to the comment endpoint again', () => {
    const html = commentUnavailablePage(keptComment({ articleId: '7', parentId: '3', formToken: 'tok', name: 'Ada', email: 'ada@example.org', comment: 'First line\nsecond line' }));
    expect(html).toContain('<form method="post" action="/api/comments">');
    expect(html).toContain('name="articleId" value="7"');
    expect(html).toContain('name="parentId" value="3"');
    expect(html).toContain('name="formToken" value="tok"');
    expect(html).toContain('value="Ada"');
    expect(html).toContain('value="ada@example.org"');
    expect(html).toContain('>First line\nsecond line</textarea>');
    expect(html).toContain('cannot reach its archive');
  });

  it('escapes what was typed, so markup in a comment stays text', () => {
    const html = commentUnavailablePage(keptComment({ name: '"><script>alert(1)</script>', comment: '</textarea><img src=x onerror=alert(1)>' }));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;/textarea&#62;&#60;img src=x onerror=alert(1)&#62;');
  });

  it('keeps strings only, cut to length', () => {
    const kept = keptComment({ name: { evil: true }, comment: 'x'.repeat(30000), articleId: 12 });
    expect(kept.name).toBe('');
    expect(kept.comment).toHaveLength(20000);
    expect(kept.articleId).toBe('12');
  });
});
