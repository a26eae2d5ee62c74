import { describe, expect, it } from 'vitest';
import { EmailFormulaError, formulaProblem, staffEmail } from './staff-email';

describe('staff e-mail formula', () => {
  it('builds addresses from the publication formula', () => {
    expect(staffEmail('{first_initial}{last_name}@example.org', { firstName: 'Jane', lastName: 'Doe' })).toBe('jdoe@example.org');
    expect(staffEmail('{first_name}.{last_name}@news.example.org', { firstName: 'Jane', lastName: 'Doe' })).toBe('jane.doe@news.example.org');
    expect(staffEmail('{last_name}{first_initial}{last_initial}@example.org', { firstName: 'Jane', lastName: 'Doe' })).toBe('doejd@example.org');
  });

  it('folds accents, apostrophes, hyphens and case', () => {
    expect(staffEmail('{first_initial}{last_name}@example.org', { firstName: 'Siân', lastName: "O'Connor-Hale" })).toBe('soconnorhale@example.org');
    expect(staffEmail('{first_name}@example.org', { firstName: 'ZOË', lastName: 'x' })).toBe('zoe@example.org');
  });

  it('refuses formulas that cannot make an address, with a reason', () => {
    expect(formulaProblem('{first_name}')).toMatch(/"@"/);
    expect(formulaProblem('{nickname}@example.org')).toMatch(/Unknown placeholder \{nickname\}/);
    expect(formulaProblem('press@example.org')).toMatch(/name placeholder/);
    expect(formulaProblem('{first_name}@localhost')).toMatch(/domain/);
    expect(() => staffEmail('x', { firstName: 'a', lastName: 'b' })).toThrow(EmailFormulaError);
  });
});
