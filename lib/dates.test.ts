import { describe, expect, it } from 'vitest';
import { ageNotice, formatDateTime } from './dates';

describe('age notice', () => {
  const now = new Date('2026-11-28T12:00:00Z');
  it('says nothing for an article under a year old', () => {
    expect(ageNotice('2025-11-29T12:00:00Z', now)).toBeNull();
  });
  it('counts whole years', () => {
    expect(ageNotice('2025-11-27T12:00:00Z', now)).toBe('This article is more than 1 year old');
    expect(ageNotice('2024-03-14T09:30:00Z', now)).toBe('This article is more than 2 years old');
    expect(ageNotice('2023-06-01T10:00:00Z', now)).toBe('This article is more than 3 years old');
  });
});

describe('dates shown to readers', () => {
  it('are in the publication time zone', () => {
    expect(formatDateTime('2026-07-01T23:30:00Z', 'en-GB', 'Europe/London')).toMatch(/Thu, 2 Jul 2026, 00:30 BST/);
    expect(formatDateTime('2026-07-01T23:30:00Z', 'en-GB', 'America/New_York')).toMatch(/Wed, 1 Jul 2026, 19:30/);
  });
});
