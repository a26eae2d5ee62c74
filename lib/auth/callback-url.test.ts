import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback-url';

describe('after sign-in, people land on this site only', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    expect(safeCallbackPath('/dashboard/articles?status=draft#list')).toBe('/dashboard/articles?status=draft#list');
  });

  it.each([
    'https://evil.example/dashboard',
    '//evil.example/dashboard',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0d//evil.example',
    'dashboard',
    '',
    '/signin',
    '/api/auth/signout',
  ])('refuses %j and falls back to the dashboard', (value) => {
    const result = safeCallbackPath(value);
    expect(result.startsWith('/') && !result.startsWith('//')).toBe(true);
    expect(new URL(result, 'https://news.example').origin).toBe('https://news.example');
    if (value !== '/%0d//evil.example') expect(result).toBe('/dashboard');
  });

  it('ignores values that are not strings', () => {
    expect(safeCallbackPath(undefined)).toBe('/dashboard');
    expect(safeCallbackPath(['/x'])).toBe('/dashboard');
  });
});
