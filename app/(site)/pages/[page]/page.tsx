import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Timestamp } from '@/components/site/timestamp';
import { listCorrections } from '@/db/queries/corrections';
import { getSiteSettings, type SiteSettings } from '@/db/queries/settings';

// The publication's fixed pages. /about, /privacy and /corrections are rewritten here
// (next.config.js); "withdrawn" is what the proxy shows, with status 410, for a withdrawn article.
export const revalidate = 3600;
export const generateStaticParams = async () => [];

type PageDef = { title: string; description: string; index: boolean; render: (s: SiteSettings) => Promise<ReactNode> | ReactNode };

const PAGES: Record<string, PageDef> = {
  about: {
    title: 'About us',
    description: 'Who we are, how we report, and how to reach the newsroom.',
    index: true,
    render: (s) => (
      <>
        <p>
          {s.name} is an independent newsroom. {s.description}
        </p>
        <h2>How we work</h2>
        <p>
          We check what we publish with at least two sources where we can, we say where our information comes from, and we label opinion as opinion. Wire copy carries the agencies’ names and the initials of the
          editors who handled it.
        </p>
        <h2>When we get it wrong</h2>
        <p>
          We correct mistakes openly, on the story itself and on our <Link href="/corrections">corrections page</Link>, with the date of the change.
        </p>
      </>
    ),
  },
  privacy: {
    title: 'Privacy',
    description: 'What we store when you read or comment, why, and for how long.',
    index: true,
    render: () => (
      <>
        <h2>Reading</h2>
        <p>Reading our pages sets no cookies and needs no account. Our servers keep ordinary access logs, without your e-mail address, for security and to fix faults.</p>
        <h2>Commenting</h2>
        <p>
          When you leave a comment we store the name, e-mail address and text you give us, the time, and the network address your comment came from. Your name and comment are shown with the story once a
          moderator approves them. Your e-mail address is never published: we keep it to recognise returning commenters and to contact you about your comment if we must.
        </p>
        <p>
          We keep network addresses for 30 days to fight spam and abuse, then delete them. Comments stay until you ask us to remove them. If you ticked “remember me”, your name and e-mail are kept in your own
          browser, not by us.
        </p>
        <h2>Your rights</h2>
        <p>You can ask for a copy of everything we hold about you, or for it to be erased, by writing to the newsroom. We answer within a month.</p>
      </>
    ),
  },
  corrections: {
    title: 'Corrections and clarifications',
    description: 'Every correction, clarification and update we have made to published stories.',
    index: true,
    render: async (s) => {
      const entries = await listCorrections();
      if (entries.length === 0) return <p>No corrections have been published.</p>;
      return (
        <ol className="corrections-list">
          {entries.map((c) => (
            <li key={c.id}>
              <p className="kicker">
                {c.kind[0]!.toUpperCase() + c.kind.slice(1)}, <Timestamp iso={c.publishedAt} locale={s.locale} timeZone={s.timeZone} withTime={false} />
              </p>
              <p>
                <Link href={c.path}>{c.headline}</Link>
              </p>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
      );
    },
  },
  withdrawn: {
    title: 'This article has been withdrawn',
    description: 'This article is no longer available.',
    index: false,
    render: () => (
      <>
        <p>The article that was published at this address has been withdrawn and is no longer available. Where we withdraw a story, we explain why on our corrections page.</p>
        <p>
          <Link href="/corrections">See our corrections</Link> · <Link href="/">Go to the front page</Link>
        </p>
      </>
    ),
  },
};

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const def = PAGES[(await params).page];
  const settings = await getSiteSettings();
  if (!def) return { title: `Not found – ${settings.name}` };
  return { title: `${def.title} – ${settings.name}`, description: def.description, robots: def.index ? undefined : { index: false } };
}

export default async function FixedPage({ params }: Props) {
  const { page } = await params;
  const def = Object.hasOwn(PAGES, page) ? PAGES[page] : undefined;
  if (!def) notFound();
  const settings = await getSiteSettings();
  return (
    <div className="prose-page">
      <h1>{def.title}</h1>
      {await def.render(settings)}
    </div>
  );
}
