import { describe, expect, it } from 'vitest';
import { articleBodySchema, bodyToText, TABLE_LIMITS, type ArticleBody, type Block } from './article-body';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const messages = (body: unknown) => articleBodySchema.safeParse(body).error?.issues.map((i) => i.message) ?? [];
const cell = (text: string, type: 'tableCell' | 'tableHeader' = 'tableCell') => ({ type, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const row = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });

describe('an embed block is saved only for an address the patterns recognise', () => {
  it('accepts a recognised address in its canonical form with title, caption and credit', () => {
    const body = doc({ type: 'embed', attrs: { url: 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ', provider: 'youtube', title: 'The lifeboat launch', caption: 'The launch at dawn', credit: 'Video: Port Ellery RNLI' } });
    expect(articleBodySchema.safeParse(body).success).toBe(true);
  });

  it('refuses an unknown provider, a look-alike host, a javascript: address, a mismatched provider and a non-canonical form, saying why', () => {
    const why = /An embed must be a YouTube, Vimeo, Mastodon, Bluesky, X or OpenStreetMap address/;
    expect(messages(doc({ type: 'embed', attrs: { url: 'https://example.org/clip', provider: 'youtube' } }))[0]).toMatch(why);
    expect(messages(doc({ type: 'embed', attrs: { url: 'https://www.youtube.com.evil.example/watch?v=Qm3bT_x9-aZ', provider: 'youtube' } }))[0]).toMatch(why);
    expect(messages(doc({ type: 'embed', attrs: { url: 'javascript:alert(1)', provider: 'youtube' } }))[0]).toMatch(why);
    expect(messages(doc({ type: 'embed', attrs: { url: 'https://vimeo.com/1', provider: 'youtube' } }))[0]).toMatch(why);
    expect(messages(doc({ type: 'embed', attrs: { url: 'https://youtu.be/Qm3bT_x9-aZ', provider: 'youtube' } }))[0]).toMatch(why);
    expect(articleBodySchema.safeParse(doc({ type: 'embed', attrs: { url: 'https://vimeo.com/1', provider: 'myspace' } })).success).toBe(false);
  });

  it('refuses an iframe or raw HTML smuggled in as a block', () => {
    expect(articleBodySchema.safeParse(doc({ type: 'iframe', attrs: { src: 'https://evil.example/' } })).success).toBe(false);
    expect(articleBodySchema.safeParse(doc({ type: 'html', html: '<script>alert(1)</script>' })).success).toBe(false);
  });
});

describe('a table block is saved within its limits', () => {
  it('accepts a header row, spans and a caption', () => {
    const body = doc({ type: 'table', attrs: { caption: 'Summer fares' }, content: [row(cell('Ticket', 'tableHeader'), cell('Fare', 'tableHeader')), row({ ...cell('Child free'), attrs: { colspan: 2 } })] });
    expect(articleBodySchema.safeParse(body).success).toBe(true);
  });

  it('refuses an oversized table with a message that says the limit', () => {
    const tooLong = doc({ type: 'table', content: Array.from({ length: TABLE_LIMITS.rows + 1 }, () => row(cell('x'))) });
    expect(messages(tooLong)).toEqual([`A table can have at most ${TABLE_LIMITS.rows} rows: put a longer one in a linked file.`]);
    const tooWide = doc({ type: 'table', content: [row(...Array.from({ length: TABLE_LIMITS.columns + 1 }, () => cell('x')))] });
    expect(messages(tooWide)).toEqual([`A table can have at most ${TABLE_LIMITS.columns} columns.`]);
    const bigCell = doc({ type: 'table', content: [row(cell('x'.repeat(TABLE_LIMITS.cellCharacters + 1)))] });
    expect(messages(bigCell)).toEqual(['A table cell can hold at most 2,000 characters.']);
    expect(articleBodySchema.safeParse(doc({ type: 'table', content: [row({ ...cell('x'), attrs: { colspan: 500 } })] })).success).toBe(false);
    expect(articleBodySchema.safeParse(doc({ type: 'table', content: [] })).success).toBe(false);
  });

  it('refuses a cell holding anything but paragraphs (an embed or a script node)', () => {
    const sneaky = doc({ type: 'table', content: [row({ type: 'tableCell', content: [{ type: 'embed', attrs: { url: 'https://vimeo.com/1', provider: 'vimeo' } }] })] });
    expect(articleBodySchema.safeParse(sneaky).success).toBe(false);
  });
});

describe('plain text of new blocks', () => {
  it('keeps table cells apart and gives an embed its title and caption', () => {
    const body: ArticleBody = {
      type: 'doc',
      content: [
        { type: 'table', content: [row(cell('Cell A'), cell('Cell B')) as Extract<Block, { type: 'table' }>['content'][number]] },
        { type: 'embed', attrs: { url: 'https://vimeo.com/1', provider: 'vimeo', title: 'Regatta highlights', caption: 'The final race' } },
      ],
    };
    const text = bodyToText(body);
    expect(text).not.toContain('Cell ACell B');
    expect(text.split('\n')[0]).toMatch(/^Cell A\s+\S?\s*Cell B$/);
    expect(text).toContain('Regatta highlights\nThe final race');
  });
});
