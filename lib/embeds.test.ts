import { describe, expect, it } from 'vitest';
import { frameOriginsOf, recogniseEmbed, withFrameOrigins } from './embeds';

describe('a pasted address becomes an embed only when a strict pattern recognises it', () => {
  it('YouTube: watch, short, embed and youtu.be addresses load from the no-cookie host', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=Qm3bT_x9-aZ',
      'https://youtube.com/watch?v=Qm3bT_x9-aZ&t=42s',
      'https://m.youtube.com/watch?v=Qm3bT_x9-aZ',
      'https://youtu.be/Qm3bT_x9-aZ',
      'https://www.youtube.com/shorts/Qm3bT_x9-aZ',
      'https://www.youtube.com/embed/Qm3bT_x9-aZ',
      'http://www.youtube.com/watch?v=Qm3bT_x9-aZ',
    ]) {
      expect(recogniseEmbed(url), url).toEqual({
        provider: 'youtube',
        kind: 'video',
        url: 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ',
        frameSrc: 'https://www.youtube-nocookie.com/embed/Qm3bT_x9-aZ',
        frameOrigin: 'https://www.youtube-nocookie.com',
      });
    }
  });

  it('Vimeo: a video page or the player address', () => {
    expect(recogniseEmbed('https://vimeo.com/76979871')).toMatchObject({ provider: 'vimeo', url: 'https://vimeo.com/76979871', frameSrc: 'https://player.vimeo.com/video/76979871?dnt=1', frameOrigin: 'https://player.vimeo.com' });
    expect(recogniseEmbed('https://player.vimeo.com/video/76979871')?.url).toBe('https://vimeo.com/76979871');
  });

  it('Mastodon: a post on a listed server, framed from that server', () => {
    expect(recogniseEmbed('https://mastodon.social/@harbourwatch/113456789012345678')).toEqual({
      provider: 'mastodon',
      kind: 'post',
      url: 'https://mastodon.social/@harbourwatch/113456789012345678',
      frameSrc: 'https://mastodon.social/@harbourwatch/113456789012345678/embed',
      frameOrigin: 'https://mastodon.social',
    });
    expect(recogniseEmbed('https://journa.host/@ellery_desk/112233445566778899')?.frameOrigin).toBe('https://journa.host');
  });

  it('Bluesky: a post by handle or DID, framed from embed.bsky.app', () => {
    expect(recogniseEmbed('https://bsky.app/profile/portellery.bsky.social/post/3kq2abcdefg2x')).toEqual({
      provider: 'bluesky',
      kind: 'post',
      url: 'https://bsky.app/profile/portellery.bsky.social/post/3kq2abcdefg2x',
      frameSrc: 'https://embed.bsky.app/embed/portellery.bsky.social/app.bsky.feed.post/3kq2abcdefg2x',
      frameOrigin: 'https://embed.bsky.app',
    });
    expect(recogniseEmbed('https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3kq2abcdefg2x')?.provider).toBe('bluesky');
  });

  it('X: a status on x.com or twitter.com, framed from platform.twitter.com', () => {
    const expected = { provider: 'x', url: 'https://x.com/EllerySandsRNLI/status/1790000000000000001', frameOrigin: 'https://platform.twitter.com' };
    expect(recogniseEmbed('https://x.com/EllerySandsRNLI/status/1790000000000000001')).toMatchObject(expected);
    expect(recogniseEmbed('https://twitter.com/EllerySandsRNLI/status/1790000000000000001?s=20')).toMatchObject(expected);
  });

  it('OpenStreetMap: the map address bar, with or without a marker, framed from the export page', () => {
    const found = recogniseEmbed('https://www.openstreetmap.org/?mlat=50.1234&mlon=-5.0678#map=15/50.1234/-5.0678');
    expect(found).toMatchObject({ provider: 'openstreetmap', kind: 'map', frameOrigin: 'https://www.openstreetmap.org' });
    expect(found!.frameSrc).toMatch(/^https:\/\/www\.openstreetmap\.org\/export\/embed\.html\?bbox=-5\.\d+,50\.\d+,-5\.\d+,50\.\d+&layer=mapnik&marker=50\.1234,-5\.0678$/);
    expect(recogniseEmbed('https://www.openstreetmap.org/#map=12/50.1/-5.1')?.frameSrc).not.toContain('marker');
  });

  it('the canonical address is recognised as itself, so a saved block validates again', () => {
    for (const url of ['https://youtu.be/Qm3bT_x9-aZ', 'https://player.vimeo.com/video/1', 'https://www.openstreetmap.org/?mlat=50.10&mlon=-5.0#map=15/50.10/-5.0', 'https://twitter.com/a/status/1']) {
      const once = recogniseEmbed(url)!;
      expect(recogniseEmbed(once.url)).toEqual(once);
    }
  });

  it('refuses look-alike hosts, other paths and malformed ids: they stay links', () => {
    for (const url of [
      'https://www.youtube.com.evil.example/watch?v=Qm3bT_x9-aZ',
      'https://evil-youtube.com/watch?v=Qm3bT_x9-aZ',
      'https://youtube.co/watch?v=Qm3bT_x9-aZ',
      'https://www.youtube.com/watch?v=short',
      'https://www.youtube.com/watch?v=Qm3bT_x9-aZ%22onload',
      'https://www.youtube.com/playlist?list=PL123',
      'https://user:pass@www.youtube.com/watch?v=Qm3bT_x9-aZ',
      'https://www.youtube.com:8443/watch?v=Qm3bT_x9-aZ',
      'javascript:alert(1)//https://youtu.be/Qm3bT_x9-aZ',
      'https://vimeo.com/channels/staffpicks',
      'https://vimeo.com.attacker.example/76979871',
      'https://mastodon.social.evil.example/@a/1',
      'https://evil.example/@harbourwatch/113456789012345678',
      'https://bsky.app.evil.example/profile/a.bsky.social/post/3kq2abcdefg2x',
      'https://bsky.app/profile/a.bsky.social/post/<script>',
      'https://x.com.evil.example/a/status/1',
      'https://x.com/a/likes',
      'https://www.openstreetmap.org.evil.example/#map=15/50/-5',
      'https://www.openstreetmap.org/#map=99/50/-5',
      'https://www.openstreetmap.org/way/123',
      'https://example.org/video',
      'ftp://youtu.be/Qm3bT_x9-aZ',
      'https://youtu.be/Qm3bT_x9-aZ and more',
    ]) {
      expect(recogniseEmbed(url), url).toBeNull();
    }
  });
});

describe('frame origins and the page policy', () => {
  it('lists each provider origin once, only for recognised addresses', () => {
    expect(frameOriginsOf(['https://youtu.be/Qm3bT_x9-aZ', 'https://www.youtube.com/watch?v=Qm3bT_x9-aZ', 'https://evil.example/x', 'https://vimeo.com/1'])).toEqual(['https://player.vimeo.com', 'https://www.youtube-nocookie.com']);
    expect(frameOriginsOf([])).toEqual([]);
  });

  it('adds frame-src for exactly those origins and leaves a page without embeds alone', () => {
    const base = "default-src 'self'; script-src 'self'; frame-ancestors 'self'";
    expect(withFrameOrigins(base, [])).toBe(base);
    expect(withFrameOrigins(base, ['https://www.youtube-nocookie.com'])).toBe(`${base}; frame-src 'self' https://www.youtube-nocookie.com`);
    expect(withFrameOrigins(base, ["https://a.example 'unsafe-inline'"])).toBe(base);
  });
});
