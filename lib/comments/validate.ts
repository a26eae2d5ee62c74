// What a comment submission must look like, with messages a person understands. Used for both
// the island's JSON and the plain HTML form (whose values are all strings), so numbers are coerced
// and unknown fields are dropped.
import { z } from 'zod';
import { MAX_COMMENT_CHARS, MAX_EMAIL_BYTES, MAX_NAME_BYTES } from './config';
import { CONTROL_CHARACTERS } from './text';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const characters = (s: string) => [...s].length;

/** Line endings as "\n", surrounding white space removed. */
export const tidyText = (s: string) => s.replace(/\r\n?/g, '\n').trim();

const text = z.preprocess((v) => (v === undefined || v === null ? '' : typeof v === 'number' ? String(v) : v), z.string({ message: 'Must be text.' }));

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

export const commentSubmissionSchema = z.object({
  articleId: z.coerce
    .number({ message: 'The article is missing.' })
    .int({ message: 'The article is missing.' })
    .positive({ message: 'The article is missing.' })
    .max(2147483647, { message: 'The article is missing.' }),
  parentId: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: 'The comment you replied to is not available.' })
      .int({ message: 'The comment you replied to is not available.' })
      .positive({ message: 'The comment you replied to is not available.' })
      .max(Number.MAX_SAFE_INTEGER, { message: 'The comment you replied to is not available.' })
      .nullable(),
  ),
  name: text
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'Please enter your name.' })
        .refine((s) => bytes(s) <= MAX_NAME_BYTES, { message: `Your name is too long: at most ${MAX_NAME_BYTES} bytes (about ${MAX_NAME_BYTES} letters, fewer for accented or non-Latin ones).` })
        .refine((s) => !CONTROL_CHARACTERS.test(s) && !s.includes('\n') && !s.includes('\t'), { message: 'Your name contains characters that are not allowed.' }),
    ),
  email: text
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'Please enter your email address.' })
        .refine((s) => bytes(s) <= MAX_EMAIL_BYTES, { message: `Your email address is too long: at most ${MAX_EMAIL_BYTES} bytes.` })
        .refine((s) => !CONTROL_CHARACTERS.test(s) && EMAIL.test(s), { message: 'Please enter a valid email address, like name@example.com.' }),
    ),
  comment: text
    .transform(tidyText)
    .pipe(
      z
        .string()
        .min(1, { message: 'Please write a comment.' })
        .refine((s) => characters(s) <= MAX_COMMENT_CHARS, { message: `Your comment is too long: at most ${MAX_COMMENT_CHARS.toLocaleString('en-GB')} characters.` })
        .refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'Your comment contains characters that are not allowed (control characters).' }),
    ),
  /** Sent by the island for every submission; the plain form has none (the server derives one). */
  idempotencyKey: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, { message: 'The submission key is not valid.' }).nullable(),
  ),
  formToken: text.transform((s) => s.trim()),
  /** The honeypot: a field people never see. */
  homepage: text,
  remember: text.optional(),
});

export type CommentSubmission = z.infer<typeof commentSubmissionSchema>;
export type CommentField = 'name' | 'email' | 'comment' | 'parentId' | 'articleId' | 'idempotencyKey' | 'formToken';

export type ValidationFailure = { message: string; fieldErrors: Partial<Record<CommentField, string>> };

/** Parses a submission; on failure, one message per field and a summary for the live region. */
export function parseSubmission(input: unknown): { ok: true; value: CommentSubmission } | { ok: false; error: ValidationFailure } {
  const result = commentSubmissionSchema.safeParse(typeof input === 'object' && input !== null ? input : {});
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: Partial<Record<CommentField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as CommentField | undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  const messages = Object.values(fieldErrors);
  return {
    ok: false,
    error: { message: messages.length === 1 ? messages[0]! : `Please correct ${messages.length} things: ${messages.join(' ')}`, fieldErrors },
  };
}

/** The submitted values as typed, for putting back into a form after an error. */
export function typedValues(input: unknown): { name: string; email: string; comment: string; parentId: string } {
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const str = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '');
  return { name: str(o.name, 1000), email: str(o.email, 1000), comment: str(o.comment, 20000), parentId: str(o.parentId, 20) };
}
