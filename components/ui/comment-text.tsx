import { linkify } from '@/lib/comments/text';

// A comment's plain text as paragraphs, with web addresses made into links that pass no ranking
// and no access to this page (rel="nofollow ugc noopener"). Used by the server-rendered thread and
// by the island alike; it has no state, so it runs in either.
export function CommentText({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/);
  return (
    <>
      {paragraphs.map((paragraph, p) => (
        <p key={p}>
          {paragraph.split('\n').map((line, l) => (
            <span key={l}>
              {l > 0 ? <br /> : null}
              {linkify(line).map((segment, s) =>
                segment.href ? (
                  <a key={s} href={segment.href} rel="nofollow ugc noopener">
                    {segment.text}
                  </a>
                ) : (
                  segment.text
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </>
  );
}
