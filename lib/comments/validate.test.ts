import { describe, expect, it } from 'vitest';
import { parseSubmission, typedValues } from './validate';

const good = { articleId: '12', name: 'Mara Quill', email: 'mara@example.net', comment: 'A fair point.', formToken: 't', homepage: '' };

describe('comment validation', () => {
  it('accepts a good submission, coercing form strings and dropping unknown fields', () => {
    const r = parseSubmission({ ...good, parentId: '', isAdmin: 'true', status: 'approved' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ articleId: 12, parentId: null, name: 'Mara Quill', email: 'mara@example.net', comment: 'A fair point.', idempotencyKey: null });
    expect(r.value).not.toHaveProperty('isAdmin');
    expect(r.value).not.toHaveProperty('status');
  });

  it('trims the comment, normalises line endings, and measures in characters, not bytes', () => {
    const r = parseSubmission({ ...good, comment: '  line one\r\nline two  ' });
    expect(r.ok && r.value.comment).toBe('line one\nline two');
    expect(parseSubmission({ ...good, comment: 'é'.repeat(5000) }).ok).toBe(true);
    expect(parseSubmission({ ...good, comment: '😀'.repeat(5000) }).ok).toBe(true);
  });

  it.each([
    ['name', { name: '   ' }, 'Please enter your name.'],
    ['name', { name: 'x'.repeat(246) }, 'Your name is too long'],
    ['name', { name: 'é'.repeat(123) }, 'Your name is too long'],
    ['name', { name: 'Bad\u0007Bell' }, 'not allowed'],
    ['email', { email: '' }, 'Please enter your email address.'],
    ['email', { email: 'not-an-address' }, 'valid email address'],
    ['email', { email: `${'a'.repeat(90)}@example.com` }, 'too long'],
    ['comment', { comment: ' \n\t ' }, 'Please write a comment.'],
    ['comment', { comment: 'x'.repeat(5001) }, 'too long'],
    ['comment', { comment: 'nul\u0000here' }, 'not allowed'],
    ['comment', { comment: 'escape\u001b[31m' }, 'not allowed'],
    ['idempotencyKey', { idempotencyKey: 'short' }, 'not valid'],
  ])('refuses a bad %s with a clear message', (field, patch, message) => {
    const r = parseSubmission({ ...good, ...patch });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fieldErrors[field as 'name']).toContain(message);
    expect(r.error.message).toContain(message);
  });

  it('allows exactly 245 bytes of name and 100 bytes of e-mail', () => {
    expect(parseSubmission({ ...good, name: 'x'.repeat(245) }).ok).toBe(true);
    expect(parseSubmission({ ...good, email: `${'a'.repeat(88)}@example.com` }).ok).toBe(true);
  });

  it('lists every problem at once', () => {
    const r = parseSubmission({ articleId: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error.fieldErrors).sort()).toEqual(['comment', 'email', 'name']);
  });

  it('gives back what was typed, for the form to keep', () => {
    expect(typedValues({ name: 'A', email: 5, comment: 'x', other: 'y' })).toEqual({ name: 'A', email: '5', comment: 'x', parentId: '' });
    expect(typedValues(null)).toEqual({ name: '', email: '', comment: '', parentId: '' });
  });
});
