import { describe, expect, it } from 'vitest';
import { wireCredit } from './byline';

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
