import { describe, expect, it } from 'vitest';
import { canSeeArticleFigures } from './permissions';
import { hourOf, INTERNAL_REFERRER, isBot, optedOut, parseBeacon, parsePeriod, referrerDomain } from './views';

// What is counted and what is kept of it, as pure rules.

describe('bots are not readers', () => {
  it('recognises crawlers, previewers, scripts and headless browsers, and lets ordinary browsers through', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; YandexBot/3.0)',
      'Twitterbot/1.0',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome-Lighthouse',
      'Go-http-client/1.1',
      'Wget/1.21',
      'Mozilla/5.0',
      '',
    ])
      expect(isBot(ua), ua).toBe(true);
    for (const ua of [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    ])
      expect(isBot(ua), ua).toBe(false);
  });
});

describe('the referring site, and nothing more', () => {
  it('keeps the host only, without www. or a port; our own host is internal; nothing or an address is none', () => {
    expect(referrerDomain('www.Search.Example', 'news.test')).toBe('search.example');
    expect(referrerDomain('https://m.social.example:8443/p/123?u=alice', 'news.test')).toBe('m.social.example');
    expect(referrerDomain('www.news.test', 'news.test:3000')).toBe(INTERNAL_REFERRER);
    expect(referrerDomain('', 'news.test')).toBe('');
    expect(referrerDomain('192.168.0.10', 'news.test')).toBe('');
    expect(referrerDomain('[2001:db8::1]', 'news.test')).toBe('');
    expect(referrerDomain('not a host!', 'news.test')).toBe('');
  });

  it('reads a beacon as an article id, and refuses anything else with a reason', () => {
    expect(parseBeacon('a=42&r=search.example')).toEqual({ ok: true, articleId: 42, referrerHost: 'search.example' });
    for (const body of ['', 'a=0', 'a=1.5', 'a=2147483648', 'r=x']) expect(parseBeacon(body).ok).toBe(false);
  });

  it('honours Do Not Track and Global Privacy Control', () => {
    const h = (o: Record<string, string>) => new Headers(o);
    expect(optedOut(h({ dnt: '1' }))).toBe(true);
    expect(optedOut(h({ 'sec-gpc': '1' }))).toBe(true);
    expect(optedOut(h({ dnt: '0' }))).toBe(false);
  });
});

describe('periods and hours', () => {
  it('puts a moment in the hour it falls in', () => {
    expect(hourOf(new Date('2026-12-01T10:59:59.999Z')).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });
  it('offers the listed periods and falls back to a week with a message', () => {
    const now = new Date('2026-12-01T10:20:00Z');
    const { period } = parsePeriod('30', now);
    expect(period.to.toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(period.to.getTime() - period.from.getTime()).toBe(30 * 86_400_000);
    expect(parsePeriod(undefined, now)).toMatchObject({ period: { days: 7 }, error: null });
    expect(parsePeriod('13', now)).toMatchObject({ period: { days: 7 }, error: expect.stringMatching(/choose/i) });
  });
});

describe('who sees a story’s figures', () => {
  it('its writers, editors and admins; not another author', () => {
    const story = { createdBy: 7, authorIds: [8], status: 'published' as const };
    expect(canSeeArticleFigures({ id: 7, role: 'contributor' }, story)).toBe(true);
    expect(canSeeArticleFigures({ id: 8, role: 'author' }, story)).toBe(true);
    expect(canSeeArticleFigures({ id: 9, role: 'author' }, story)).toBe(false);
    expect(canSeeArticleFigures({ id: 9, role: 'editor' }, story)).toBe(true);
  });
});
