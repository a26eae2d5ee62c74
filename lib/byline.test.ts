import { describe, expect, it } from 'vitest';
import { bylineText, wireCredit } from './byline';

describe('bylines', () => {
  it('joins staff authors in order with commas and "and"', () => {
    expect(bylineText([{ name: 'Ana Ruiz' }], null)).toBe('Ana Ruiz');
    expect(bylineText([{ name: 'Ana Ruiz' }, { name: 'Tom Hale' }], null)).toBe('Ana Ruiz and Tom Hale');
    expect(bylineText([{ name: 'Ana Ruiz' }, { name: 'Tom Hale' }, { name: 'Li Wen' }], null)).toBe('Ana Ruiz, Tom Hale and Li Wen');
  });

  it('uses the collective byline when there are no staff authors', () => {
    expect(bylineText([], 'Editors and Wire Services')).toBe('Editors and Wire Services');
    expect(bylineText([{ name: 'Ana Ruiz' }], 'Editors and Wire Services')).toBe('Ana Ruiz');
  });
});

describe('wire credits', () => {
  it('reads "initials (agencies)"', () => {
    expect(wireCredit('ab/cd', ['AP', 'Reuters'])).toBe('ab/cd (AP, Reuters)');
  });
  it('copes with only one part, and with nothing', () => {
    expect(wireCredit('ab/cd', [])).toBe('ab/cd');
    expect(wireCredit(null, ['AFP'])).toBe('(AFP)');
    expect(wireCredit('  ', [' '])).toBeNull();
  });
});
