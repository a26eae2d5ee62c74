import { describe, expect, it } from 'vitest';
import { originRefusal } from './origin';

const h = (headers: Record<string, string>) => new Headers({ host: 'news.example', ...headers });

describe('originRefusal: a state-changing request must come from a page of this site', () => {
  it('lets a browser request from this site through (Origin, Sec-Fetch-Site or both)', () => {
    expect(originRefusal(h({ origin: 'https://news.example', cookie: 'a=1' }))).toBeNull();
    expect(originRefusal(h({ 'sec-fetch-site': 'same-origin', cookie: 'a=1' }))).toBeNull();
    expect(originRefusal(h({ origin: 'https://news.example', 'sec-fetch-site': 'same-origin', cookie: 'a=1' }))).toBeNull();
  });

  it('refuses a cookie-bearing request with neither Origin nor Sec-Fetch-Site', () => {
    expect(originRefusal(h({ cookie: 'authjs.session-token=x' }))).toBe('no-origin');
  });

  it('lets a request without cookies and without either header through: it can act in no one’s name', () => {
    expect(originRefusal(h({}))).toBeNull();
  });

  it('refuses a foreign, null or malformed Origin, with or without cookies', () => {
    expect(originRefusal(h({ origin: 'https://evil.example' }))).toBe('foreign-origin');
    expect(originRefusal(h({ origin: 'https://news.example.evil.example', cookie: 'a=1' }))).toBe('foreign-origin');
    expect(originRefusal(h({ origin: 'null', cookie: 'a=1' }))).toBe('null-origin');
    expect(originRefusal(h({ origin: 'not a url' }))).toBe('malformed-origin');
    expect(originRefusal(h({ origin: 'https://news.example/path' }))).toBe('malformed-origin');
    expect(originRefusal(h({ origin: 'javascript://news.example' }))).toBe('malformed-origin');
  });

  it('refuses a cross-site or same-site request by Sec-Fetch-Site even when the Origin is ours', () => {
    expect(originRefusal(h({ 'sec-fetch-site': 'cross-site', origin: 'https://news.example' }))).toBe('cross-site');
    expect(originRefusal(h({ 'sec-fetch-site': 'same-site' }))).toBe('cross-site');
  });

  it('compares with the forwarded host, as Next’s own action check does', () => {
    expect(originRefusal(h({ 'x-forwarded-host': 'public.example', origin: 'https://public.example', cookie: 'a=1' }))).toBeNull();
    expect(originRefusal(h({ 'x-forwarded-host': 'public.example', origin: 'https://news.example', cookie: 'a=1' }))).toBe('foreign-origin');
  });
});
