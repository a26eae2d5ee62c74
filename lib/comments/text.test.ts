import { describe, expect, it } from 'vitest';
import { countLinks, findListedWord, linkify } from './text';

describe('word lists match through tricks but not inside other words', () => {
  const list = ['pillshop', 'cheap watches'];
  it.each([
    ['plain, any case', 'Try PillShop now'],
    ['markup between letters', 'pill<i></i>shop'],
    ['markup spanning a phrase', 'cheap <b>watches</b>'],
    ['numeric entities', 'pill&#x73;hop'],
    ['doubly encoded entities', 'pill&amp;#115;hop'],
    ['letters spaced out', 'p i l l s h o p'],
    ['letters dotted', 'p.i.l.l.s.h.o.p!'],
    ['accents', 'pîllshøp'.replace('ø', 'o')],
    ['zero-width characters', 'pill\u200dshop'],
    ['full-width letters', 'ｐｉｌｌｓｈｏｐ'],
  ])('%s', (_, text) => {
    expect(findListedWord(list, [text])).not.toBeNull();
  });

  it('does not match a listed word inside a longer word, or an empty entry', () => {
    expect(findListedWord(['ass'], ['A classic passage about class.'])).toBeNull();
    expect(findListedWord(['', '  '], ['anything'])).toBeNull();
  });

  it('checks every field it is given and reports the entry as listed', () => {
    expect(findListedWord([' Spam Co '], ['Fine text', 'spam co'])).toBe('Spam Co');
  });
});

describe('counting links', () => {
  it('counts web addresses and anchors', () => {
    expect(countLinks('no links here, just a.b')).toBe(0);
    expect(countLinks('see https://a.example/x and http://b.example')).toBe(2);
    expect(countLinks('www.example.com is one')).toBe(1);
    expect(countLinks('<a href="/relative">here</a> and <a href=https://x.example>x</a>')).toBe(2);
    expect(countLinks('entity trick: https&#58;//x.example')).toBe(1);
  });
});

describe('linkify', () => {
  it('turns http(s) and www addresses into links, leaving trailing punctuation outside', () => {
    expect(linkify('Read https://example.org/a_(b), then www.example.com.')).toEqual([
      { text: 'Read ' },
      { text: 'https://example.org/a_(b)', href: 'https://example.org/a_(b)' },
      { text: ', then ' },
      { text: 'www.example.com', href: 'https://www.example.com' },
      { text: '.' },
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual([{ text: 'javascript:alert(1) data:text/html,x' }]);
  });

  it('keeps a closing bracket that belongs to the sentence', () => {
    expect(linkify('(see https://example.org/page)')).toEqual([{ text: '(see ' }, { text: 'https://example.org/page', href: 'https://example.org/page' }, { text: ')' }]);
  });
});
