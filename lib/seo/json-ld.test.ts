import { describe, expect, it } from 'vitest';
import { serializeJsonLd } from './json-ld';

describe('serializeJsonLd', () => {
  it('cannot be broken out of by a headline that closes the script element', () => {
    const headline = 'Tide turns </script><script>alert(1)</script> at <!-- Port --> Ellery ]]>';
    const out = serializeJsonLd({ '@type': 'NewsArticle', headline });
    expect(out).not.toMatch(/<\/script/i);
    expect(out).not.toContain('<!--');
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(out).not.toContain(']]>');
  });

  it('reads back as exactly the same data', () => {
    const data = {
      headline: 'Fish & chips < £5 > 4 "quoted" \u2028 line \u2029 para \\ back',
      nested: [{ name: 'Ana Ruiz', url: 'https://example.org/author/ana?x=1&y=2' }],
      count: 3,
      free: true,
      none: null,
    };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });

  it('escapes the line separators that end a JavaScript string', () => {
    const out = serializeJsonLd({ text: 'a\u2028b\u2029c' });
    expect(out).toBe('{"text":"a\\u2028b\\u2029c"}');
  });

  it('drops undefined properties rather than writing them', () => {
    expect(JSON.parse(serializeJsonLd({ a: 1, b: undefined }))).toEqual({ a: 1 });
  });

  it('survives an HTML parser: the script text is the JSON, whole', async () => {
    // What a browser does: the script element ends at the first "</script", case-insensitively.
    const html = `<script type="application/ld+json">${serializeJsonLd({ headline: '</SCRIPT></script >' })}</script>`;
    const text = /^<script[^>]*>([\s\S]*?)<\/script/i.exec(html)?.[1];
    expect(JSON.parse(text!)).toEqual({ headline: '</SCRIPT></script >' });
  });
});
