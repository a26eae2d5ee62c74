// Which links become embeds, and what an embed loads. Everything is worked out from the address
// the editor pasted, by strict patterns: nothing is fetched from a provider when an article is
// saved or rendered (the machines may have no internet, and a newsroom should not depend on it).
// An address that matches no pattern stays an ordinary link. See docs/decisions/2026-12-01-embeds.md.

export const EMBED_PROVIDERS = ['youtube', 'vimeo', 'mastodon', 'bluesky', 'x', 'openstreetmap'] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

export type EmbedKind = 'video' | 'post' | 'map';

/** What a recognised address loads: all derived from the address alone. */
export type RecognisedEmbed = {
  provider: EmbedProvider;
  kind: EmbedKind;
  /** The address in one canonical form: stored in the block and shown as the plain link. */
  url: string;
  /** What the iframe loads once the reader asks for it. */
  frameSrc: string;
  /** The origin the page's Content-Security-Policy must allow in frame-src. */
  frameOrigin: string;
};

export const PROVIDER_NAMES: Record<EmbedProvider, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  openstreetmap: 'OpenStreetMap',
};

export const KIND_WORDS: Record<EmbedKind, string> = { video: 'video', post: 'post', map: 'map' };

/**
 * Mastodon is federated: any server can host a post, and any site can copy its URL shape. Only
 * these servers are embedded (one line to add another); a post elsewhere stays a link.
 */
export const MASTODON_SERVERS = [
  'mastodon.social',
  'mastodon.online',
  'mstdn.social',
  'mas.to',
  'journa.host',
  'newsie.social',
  'mastodon.world',
  'hachyderm.io',
  'fosstodon.org',
  'infosec.exchange',
] as const;

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const VIMEO_ID = /^\d{1,12}$/;
const MASTODON_PATH = /^\/@([A-Za-z0-9_]{1,30})\/(\d{1,20})\/?$/;
// A handle is a domain name (alice.bsky.social) or a DID (did:plc:…); a record key is a TID.
const BLUESKY_PATH = /^\/profile\/((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]|did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253})\/post\/([a-z2-7]{13})\/?$/i;
const X_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,20})\/?$/;
const OSM_MAP = /^map=(\d{1,2})\/(-?\d{1,2}(?:\.\d{1,7})?)\/(-?\d{1,3}(?:\.\d{1,7})?)$/;

function parseUrl(input: string): URL | null {
  const text = input.trim();
  // Only absolute https (or http, upgraded) addresses with no credentials, port or odd spacing.
  if (text.length > 500 || /\s/.test(text) || !/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password || url.port) return null;
  return url;
}

function youtube(url: URL): RecognisedEmbed | null {
  const host = url.hostname;
  let id: string | null = null;
  if (host === 'youtu.be') id = url.pathname.slice(1).replace(/\/$/, '');
  else if (YOUTUBE_HOSTS.has(host)) {
    if (url.pathname === '/watch') id = url.searchParams.get('v');
    else {
      const m = /^\/(?:embed|shorts|live|v)\/([^/]+)\/?$/.exec(url.pathname);
      id = m ? m[1]! : null;
    }
  } else return null;
  if (!id || !YOUTUBE_ID.test(id)) return null;
  return {
    provider: 'youtube',
    kind: 'video',
    url: `https://www.youtube.com/watch?v=${id}`,
    // The no-cookie host: YouTube sets no tracking cookies until the video plays.
    frameSrc: `https://www.youtube-nocookie.com/embed/${id}`,
    frameOrigin: 'https://www.youtube-nocookie.com',
  };
}

function vimeo(url: URL): RecognisedEmbed | null {
  let id: string | null = null;
  if (url.hostname === 'vimeo.com' || url.hostname === 'www.vimeo.com') {
    const m = /^\/(\d+)\/?$/.exec(url.pathname);
    id = m ? m[1]! : null;
  } else if (url.hostname === 'player.vimeo.com') {
    const m = /^\/video\/(\d+)\/?$/.exec(url.pathname);
    id = m ? m[1]! : null;
  } else return null;
  if (!id || !VIMEO_ID.test(id)) return null;
  return {
    provider: 'vimeo',
    kind: 'video',
    url: `https://vimeo.com/${id}`,
    frameSrc: `https://player.vimeo.com/video/${id}?dnt=1`,
    frameOrigin: 'https://player.vimeo.com',
  };
}

function mastodon(url: URL): RecognisedEmbed | null {
  if (!(MASTODON_SERVERS as readonly string[]).includes(url.hostname)) return null;
  const m = MASTODON_PATH.exec(url.pathname);
  if (!m) return null;
  const base = `https://${url.hostname}/@${m[1]}/${m[2]}`;
  return { provider: 'mastodon', kind: 'post', url: base, frameSrc: `${base}/embed`, frameOrigin: `https://${url.hostname}` };
}

function bluesky(url: URL): RecognisedEmbed | null {
  if (url.hostname !== 'bsky.app') return null;
  const m = BLUESKY_PATH.exec(url.pathname);
  if (!m) return null;
  const actor = m[1]!.toLowerCase();
  const rkey = m[2]!.toLowerCase();
  return {
    provider: 'bluesky',
    kind: 'post',
    url: `https://bsky.app/profile/${actor}/post/${rkey}`,
    frameSrc: `https://embed.bsky.app/embed/${actor}/app.bsky.feed.post/${rkey}`,
    frameOrigin: 'https://embed.bsky.app',
  };
}

function x(url: URL): RecognisedEmbed | null {
  if (!['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'].includes(url.hostname)) return null;
  const m = X_PATH.exec(url.pathname);
  if (!m) return null;
  return {
    provider: 'x',
    kind: 'post',
    url: `https://x.com/${m[1]}/status/${m[2]}`,
    frameSrc: `https://platform.twitter.com/embed/Tweet.html?id=${m[2]}&dnt=true`,
    frameOrigin: 'https://platform.twitter.com',
  };
}

/** Degrees of longitude and latitude shown either side of the centre at a zoom level. */
function span(zoom: number): { lon: number; lat: number } {
  const lon = 360 / 2 ** (zoom + 1);
  return { lon, lat: lon / 2 };
}

function openstreetmap(url: URL): RecognisedEmbed | null {
  if (url.hostname !== 'www.openstreetmap.org' && url.hostname !== 'openstreetmap.org') return null;
  // The address bar of openstreetmap.org: /#map=zoom/lat/lon, optionally with a marker (?mlat&mlon).
  if (url.pathname !== '/') return null;
  const m = OSM_MAP.exec(url.hash.slice(1));
  if (!m) return null;
  const zoom = Number(m[1]);
  const lat = Number(m[2]);
  const lon = Number(m[3]);
  if (zoom < 1 || zoom > 19 || Math.abs(lat) > 85 || Math.abs(lon) > 180) return null;
  const mlat = url.searchParams.get('mlat');
  const mlon = url.searchParams.get('mlon');
  const marker = mlat !== null && mlon !== null && /^-?\d{1,2}(\.\d{1,7})?$/.test(mlat) && /^-?\d{1,3}(\.\d{1,7})?$/.test(mlon) ? `${Number(mlat)},${Number(mlon)}` : null;
  const s = span(zoom);
  const round = (n: number) => Number(n.toFixed(5));
  const bbox = [round(lon - s.lon), round(lat - s.lat), round(lon + s.lon), round(lat + s.lat)].join(',');
  const query = marker ? `?mlat=${marker.split(',')[0]}&mlon=${marker.split(',')[1]}` : '';
  return {
    provider: 'openstreetmap',
    kind: 'map',
    url: `https://www.openstreetmap.org/${query}#map=${zoom}/${lat}/${lon}`,
    frameSrc: `https://www.openstreetmap.org/export/embed.html?bbox=${bbox}&layer=mapnik${marker ? `&marker=${marker}` : ''}`,
    frameOrigin: 'https://www.openstreetmap.org',
  };
}

const RECOGNISERS = [youtube, vimeo, mastodon, bluesky, x, openstreetmap];

/** The embed an address stands for, or null: it stays a link. */
export function recogniseEmbed(input: string): RecognisedEmbed | null {
  const url = parseUrl(input);
  if (!url) return null;
  for (const recognise of RECOGNISERS) {
    const found = recognise(url);
    if (found) return found;
  }
  return null;
}

/** What the placeholder calls an embed with no title of its own: "Video on YouTube". */
export function defaultEmbedTitle(embed: Pick<RecognisedEmbed, 'provider' | 'kind'>): string {
  const word = KIND_WORDS[embed.kind];
  return `${word[0]!.toUpperCase()}${word.slice(1)} on ${PROVIDER_NAMES[embed.provider]}`;
}

/** Every frame origin a provider may load from: for pages that may show any embed (previews). */
export const ALL_FRAME_ORIGINS: readonly string[] = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  ...MASTODON_SERVERS.map((host) => `https://${host}`),
  'https://embed.bsky.app',
  'https://platform.twitter.com',
  'https://www.openstreetmap.org',
];

/** The frame origins a set of stored embed addresses needs, sorted and each once. */
export function frameOriginsOf(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    const found = typeof url === 'string' ? recogniseEmbed(url) : null;
    if (found) origins.add(found.frameOrigin);
  }
  return [...origins].sort();
}

/**
 * The site's Content-Security-Policy with frame-src widened to exactly `frameOrigins`. The base
 * policy has no frame-src, so frames fall back to default-src 'self'.
 */
export function withFrameOrigins(csp: string, frameOrigins: readonly string[]): string {
  const safe = frameOrigins.filter((o) => /^https:\/\/[a-z0-9.-]+$/.test(o));
  if (!safe.length) return csp;
  const directives = csp.split(';').map((d) => d.trim()).filter((d) => d && !/^frame-src\b/i.test(d));
  directives.push(`frame-src 'self' ${safe.join(' ')}`);
  return directives.join('; ');
}
