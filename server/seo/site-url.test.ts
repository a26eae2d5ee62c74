import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { absoluteUrl, siteHost, siteUrl } from './site-url';

const saved: Record<string, string | undefined> = {};
beforeEach(() => {
  for (const key of ['SITE_URL', 'PORT']) saved[key] = process.env[key];
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('siteUrl', () => {
  it('without SITE_URL, names the port the app listens on (PORT)', () => {
    delete process.env.SITE_URL;
    process.env.PORT = '3262';
    expect(siteUrl()).toBe('http://localhost:3262');
    expect(absoluteUrl('/feeds/all.xml')).toBe('http://localhost:3262/feeds/all.xml');
    expect(siteHost()).toBe('localhost:3262');
  });

  it('without SITE_URL or PORT, is http://localhost:3000, the port `next start` binds by default', () => {
    delete process.env.SITE_URL;
    delete process.env.PORT;
    expect(siteUrl()).toBe('http://localhost:3000');
  });

  it('ignores a PORT that is not a number rather than publishing a broken origin', () => {
    delete process.env.SITE_URL;
    process.env.PORT = 'eighty';
    expect(siteUrl()).toBe('http://localhost:3000');
  });

  it('prefers SITE_URL over the listening port, keeping a path prefix and dropping the trailing slash', () => {
    process.env.SITE_URL = 'https://news.example/paper/';
    process.env.PORT = '3262';
    expect(siteUrl()).toBe('https://news.example/paper');
    expect(absoluteUrl('/world')).toBe('https://news.example/paper/world');
  });
});
