import 'server-only';
import { ImageResponse } from 'next/og';
import { OG_CARD } from '../../lib/seo/images';

// The social card for pages without an image of their own: the headline (or page name) and its
// section on the publication's paper colour. next/og's bundled font is used, so nothing is fetched.

export type CardText = { kicker: string; title: string; siteName: string; footer?: string };

/** Shrinks the type as the headline grows, so long headlines still fit in five lines. */
export function titleSize(title: string): number {
  const n = title.length;
  if (n <= 40) return 76;
  if (n <= 80) return 64;
  if (n <= 140) return 52;
  return 42;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function ogCard({ kicker, title, siteName, footer }: CardText, headers: Record<string, string> = {}): ImageResponse {
  const shown = truncate(title, 200);
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: '#fbfaf7', color: '#15171a', padding: '64px 72px' }}>
        <div style={{ display: 'flex', alignItems: 'center', borderBottom: '6px solid #15171a', paddingBottom: 20 }}>
          <div style={{ fontSize: 40, fontWeight: 700, letterSpacing: -1 }}>{truncate(siteName, 60)}</div>
        </div>
        <div style={{ display: 'flex', marginTop: 36, fontSize: 30, color: '#b3261e', textTransform: 'uppercase', letterSpacing: 2 }}>{truncate(kicker, 60)}</div>
        <div style={{ display: 'flex', flexGrow: 1, marginTop: 20, fontSize: titleSize(shown), lineHeight: 1.15, letterSpacing: -1 }}>{shown}</div>
        {footer ? <div style={{ display: 'flex', fontSize: 26, color: '#4a525b' }}>{truncate(footer, 110)}</div> : null}
      </div>
    ),
    { ...OG_CARD, headers: { 'Cache-Control': 'public, max-age=3600', ...headers } },
  );
}
