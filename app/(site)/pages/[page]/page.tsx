import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { Timestamp } from '@/components/site/timestamp';
import { listCorrections } from '@/db/queries/corrections';
import { getSiteSettings, type SiteSettings } from '@/db/queries/settings';
import { OrganizationJsonLd } from '@/components/site/structured-data';
import { fixedPageMetadata, notFoundMetadata } from '@/server/seo/page-metadata';
import { NOINDEX } from '@/server/seo/metadata';
import type { FixedPageSlug } from '@/lib/site-paths';

// The publication's fixed pages. /about, /privacy, /corrections and the policies our structured
// data points to (/standards, /corrections-policy, /ethics) are rewritten here (next.config.ts, from FIXED_PAGE_SLUGS in lib/site-paths.ts);
// The withdrawn-article page (status 410) is app/(site)/withdrawn, rendered per request.
export const revalidate = 3600;
export const generateStaticParams = async () => [];

type PageDef = { title: string; description: string; index: boolean; render: (s: SiteSettings) => Promise<ReactNode> | ReactNode };

const PAGES: Record<FixedPageSlug, PageDef> = {
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
        <p>Reading our pages sets no cookies and needs no account. Our servers keep ordinary access logs, without your e-mail address, for security and to fix faults; the reader counts below are not made from them.</p>
        <h2>Counting readers</h2>
        <p>
          To know which stories are read, each article page tells us once that it was opened: the story’s number and, if your browser says, the name of the site whose link you followed (such as a
          search engine), never the page you were on. We add one to that story’s count for the hour and keep nothing else: no cookie, no network address, no browser details, no identifier, nothing that
          could tell one reader from another or link two visits. Hourly counts are kept for 90 days, daily totals after that. Visits from bots are not counted, and if your browser sends Do Not Track or
          Global Privacy Control, nothing is sent at all.
        </p>
        <h2>Commenting</h2>
        <p>
          When you leave a comment we store the name, e-mail address and text you give us, the time, and the network address and browser name your comment came from. Your name and comment are shown with the
          story once a moderator approves them. Your e-mail address is never published: we keep it to recognise returning commenters (so their comments need not wait for a moderator) and to contact you about
          your comment if we must.
        </p>
        <p>
          We keep network addresses and browser names for 30 days to fight spam and abuse, then delete them. Comments stay until you ask us to remove them. If you ticked “remember me”, your name and e-mail are
          kept in your own browser, not by us. Your browser also keeps a short note of the comments you posted from it, so that you can see them while they wait for a moderator; it forgets them after 30 days.
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
                {c.kind === 'withdrawal' ? 'Withdrawn' : c.kind[0]!.toUpperCase() + c.kind.slice(1)}, <Timestamp iso={c.publishedAt} locale={s.locale} timeZone={s.timeZone} withTime={false} />
              </p>
              {/* A withdrawn story has no page to link to: its headline is given as text. */}
              <p>{c.path ? <Link href={c.path}>{c.headline}</Link> : <cite>{c.headline}</cite>}</p>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
      );
    },
  },
  standards: {
    title: 'Editorial standards',
    description: 'The principles behind what we publish: accuracy, fairness, independence and clear labelling.',
    index: true,
    render: (s) => (
      <>
        <p>These are the rules {s.name} reports by. Every journalist, editor and contributor who publishes with us works to them, and readers may hold us to them.</p>
        <h2>Accuracy first</h2>
        <p>
          We would rather be right than first. Facts that matter to a story are checked with the people or documents they come from; where a claim cannot be confirmed we say so in the story rather than leave
          it out of sight. Numbers are given with their source and, where it helps, their context.
        </p>
        <h2>Sources</h2>
        <p>
          We name our sources wherever we can. We grant anonymity only when a source would face real harm by being named and the information cannot be had any other way; the editor on duty must agree, and
          the story tells readers why the source is not named.
        </p>
        <h2>Fairness</h2>
        <p>People and organisations facing serious criticism in a story are given a fair chance to answer it before publication, and their answer, or the fact that they did not reply, is reported.</p>
        <h2>News, analysis and opinion</h2>
        <p>Reporting, analysis and opinion are labelled as such. Opinion pieces carry the writer’s name; the views in them are theirs.</p>
        <h2>Wire copy and partners</h2>
        <p>Stories that use material from news agencies carry the agencies’ names and the initials of the editors who prepared them, so readers can see what came from where.</p>
        <h2>Changes after publication</h2>
        <p>
          Stories are updated as events move on, and each update is dated. Mistakes are corrected in the open: see our <Link href="/corrections-policy">corrections policy</Link> and the{' '}
          <Link href="/corrections">list of corrections</Link>.
        </p>
      </>
    ),
  },
  'corrections-policy': {
    title: 'Corrections policy',
    description: 'How to tell us about a mistake, how we decide, and how corrections appear on our stories.',
    index: true,
    render: () => (
      <>
        <p>When we get something wrong we put it right promptly and say that we have. We never change the substance of a published story silently.</p>
        <h2>Telling us about a mistake</h2>
        <p>Write to the newsroom and name the story and what you believe is wrong. An editor who did not write the story reviews every request, normally within two working days.</p>
        <h2>What we publish</h2>
        <ul>
          <li>
            <strong>Correction</strong>: a factual error that we have fixed. The note says what was wrong and what is right.
          </li>
          <li>
            <strong>Clarification</strong>: the story was accurate but could be misread; we explain what we meant.
          </li>
          <li>
            <strong>Update</strong>: new information since publication changes the story.
          </li>
        </ul>
        <p>
          Each note is dated and shown at the foot of the story, and every one is also listed on our <Link href="/corrections">corrections page</Link>. Small fixes of spelling or grammar that change no
          meaning are made without a note.
        </p>
        <h2>Withdrawing a story</h2>
        <p>We remove a story only in rare cases, such as a legal order or a serious risk to someone’s safety. Its address then says that it has been withdrawn, and where we can we explain why.</p>
      </>
    ),
  },
  ethics: {
    title: 'Ethics policy',
    description: 'Conflicts of interest, gifts, privacy, and how our journalists treat the people they report on.',
    index: true,
    render: (s) => (
      <>
        <p>Readers trust {s.name} to report without fear or favour. This policy sets out what that asks of the people who work here.</p>
        <h2>Independence</h2>
        <p>
          Our journalists do not accept payment, gifts beyond token value, or free travel from people or organisations they cover. Advertisers and owners have no say over what we report. Sponsored material, if
          we ever carry it, is labelled and produced separately from the newsroom.
        </p>
        <h2>Conflicts of interest</h2>
        <p>Staff declare personal, financial and political interests that touch their work to an editor, and do not cover subjects in which they have such an interest.</p>
        <h2>Privacy and harm</h2>
        <p>
          We intrude on private lives only when the public interest clearly requires it. We take particular care with children, with people who are grieving, and with victims of crime, and we do not name
          people who have not been charged with an offence unless there is a strong reason to.
        </p>
        <h2>Honest reporting</h2>
        <p>We do not misrepresent who we are to get a story, except where a serious wrong can be exposed in no other way and a senior editor has agreed beforehand.</p>
        <h2>Our readers’ comments</h2>
        <p>Comments are moderated. We remove abuse, harassment and unlawful material, and we never publish a commenter’s e-mail address.</p>
      </>
    ),
  },
};

type Props = { params: Promise<{ page: string }> };

const pageDef = (page: string): PageDef | undefined => (Object.hasOwn(PAGES, page) ? PAGES[page as FixedPageSlug] : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  const def = pageDef(page);
  const settings = await getSiteSettings();
  if (!def) return notFoundMetadata(settings.name);
  // "withdrawn" is shown at the withdrawn article's own address: no canonical of its own.
  if (!def.index) return { title: `${def.title} – ${settings.name}`, description: def.description, robots: NOINDEX };
  return fixedPageMetadata(settings, { ...def, path: `/${page}` });
}

export default async function FixedPage({ params }: Props) {
  const { page } = await params;
  const def = pageDef(page);
  if (!def) notFound();
  const settings = await getSiteSettings();
  return (
    <div className="prose-page">
      {def.index ? <OrganizationJsonLd settings={settings} /> : null}
      <h1>{def.title}</h1>
      {await def.render(settings)}
    </div>
  );
}
