// Reader pages: the front page, a section page and an article, served from Next's cache (ISR hit)
// and rendered on every request (draft-mode bypass cookie: no ISR cache, no data cache), next to
// a static file of the article's size from public/ served by the same server; the server's CPU
// per request; and the JavaScript the article page loads, gzipped. When Debian's varnishd is
// installed, the same pages through Varnish with the project's VCL (scripts/varnish.mjs),
// the deployment the cached targets are meant for (docs/decisions/2026-11-28-shared-http-cache.md).
import { gzipSync } from 'node:zlib';
import { startVarnish } from '../varnish.mjs';

export const name = 'reader';
export const description = 'front, section and article pages, cached and uncached, against a static file of the same size';

const ARTICLE = /href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/;

const TARGETS = {
  cachedShareOfStatic: 0.5,
  cachedP99Ms: 50,
  uncachedCpuMs: 10,
  articleJsKb: 120,
};

async function text(ctx, path, headers) {
  const response = await ctx.fetch(path, { headers });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return { html: await response.text(), headers: response.headers };
}

/** Every external script the page loads, fetched and gzipped. */
async function scriptWeight(ctx, html) {
  // A noModule script (Next's polyfills) is only fetched by browsers without ES modules: not counted.
  const tags = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"[^>]*>/g)].filter((m) => !/\bnoModule\b/i.test(m[0]));
  const sources = [...new Set(tags.map((m) => m[2].replaceAll('&amp;', '&')))];
  let raw = 0;
  let gzipped = 0;
  const files = [];
  for (const src of sources) {
    const response = await ctx.fetch(src);
    const body = Buffer.from(await response.arrayBuffer());
    const gz = gzipSync(body).length;
    raw += body.length;
    gzipped += gz;
    files.push({ src, bytes: body.length, gzipBytes: gz });
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return { scripts: sources.length, bytes: raw, gzipBytes: gzipped, inlineScriptGzipBytes: gzipSync(Buffer.from(inline)).length, files };
}

export async function run(ctx) {
  // The pages to measure: the lead story and the first section, as a reader would find them.
  const front = await text(ctx, '/');
  const articlePath = ARTICLE.exec(front.html)?.[1];
  const sectionPath = /<nav[^>]*aria-label="Sections"[\s\S]*?<a[^>]*href="(\/[a-z0-9-]+)"/.exec(front.html)?.[1];
  if (!articlePath || !sectionPath) throw new Error('could not find an article and a section on the front page');
  const pages = [
    ['article', articlePath],
    ['front page', '/'],
    ['section', sectionPath],
  ];
  const bypass = { cookie: ctx.bypassCookie };

  // Warm up: fill the caches and let the JIT settle, and check what each mode really does.
  const modes = {};
  for (const [label, path] of pages) {
    for (let i = 0; i < 30; i++) await text(ctx, path);
    for (let i = 0; i < 30; i++) await text(ctx, path, bypass);
    const cached = await text(ctx, path);
    const uncached = await text(ctx, path, bypass);
    modes[label] = {
      path,
      cached: { xNextjsCache: cached.headers.get('x-nextjs-cache'), cacheControl: cached.headers.get('cache-control') },
      uncached: { xNextjsCache: uncached.headers.get('x-nextjs-cache'), cacheControl: uncached.headers.get('cache-control') },
    };
  }

  const articleHtml = (await text(ctx, articlePath)).html;
  const articleBytes = Buffer.byteLength(articleHtml);
  const staticPath = ctx.staticFile(articleBytes);
  const staticCheck = await ctx.fetch(staticPath);
  const staticBytes = (await staticCheck.arrayBuffer()).byteLength;
  if (staticCheck.status !== 200 || staticBytes !== articleBytes) throw new Error(`static file ${staticPath}: ${staticCheck.status}, ${staticBytes} bytes (want ${articleBytes})`);
  for (let i = 0; i < 30; i++) await ctx.fetch(staticPath).then((r) => r.arrayBuffer());

  const rows = [];
  for (const c of ctx.connections) rows.push(await ctx.load({ group: 'static', label: `static file, ${(articleBytes / 1024).toFixed(0)} KB`, path: staticPath, connections: c }));
  for (const [label, path] of pages) {
    for (const c of ctx.connections) rows.push(await ctx.load({ group: label, label: `${label}, cached`, path, connections: c }));
    for (const c of ctx.connections) rows.push(await ctx.load({ group: label, label: `${label}, uncached`, path, connections: c, headers: bypass }));
  }

  // The deployment for the cached targets: Varnish in front (deploy/varnish/broadsheet.vcl).
  const varnish = await startVarnish({ backendUrl: ctx.baseUrl });
  let varnishCheck = null;
  if (varnish) {
    try {
      const fetchVia = async (urlPath) => fetch(new URL(urlPath, varnish.url), { redirect: 'manual' });
      for (const [, path] of pages) for (let i = 0; i < 30; i++) await fetchVia(path).then((r) => r.arrayBuffer());
      const via = await fetchVia(articlePath);
      varnishCheck = { status: via.status, xCache: via.headers.get('x-cache'), bytes: (await via.arrayBuffer()).byteLength };
      if (via.status !== 200 || varnishCheck.xCache !== 'HIT' || varnishCheck.bytes !== articleBytes) throw new Error(`Varnish does not serve the article from its cache: ${JSON.stringify(varnishCheck)}`);
      for (const [label, path] of pages) {
        for (const c of ctx.connections) rows.push(await ctx.load({ group: label, label: `${label}, via Varnish`, path, connections: c, baseUrl: varnish.url, alsoPgid: varnish.pid }));
      }
    } finally {
      varnish.stop();
    }
  }

  const js = await scriptWeight(ctx, articleHtml);
  const find = (label, c) => rows.find((r) => r.label === label && r.connections === c);
  const high = Math.max(...ctx.connections);
  const low = Math.min(...ctx.connections);
  const staticHigh = find(`static file, ${(articleBytes / 1024).toFixed(0)} KB`, high);
  const cachedHigh = find('article, cached', high);
  const uncachedLow = find('article, uncached', low);
  const cachedLow = find('article, cached', low);
  const share = cachedHigh.rps / staticHigh.rps;
  const rendersPerRequest = uncachedLow.serverCpuMsPerRequest > 2 * cachedLow.serverCpuMsPerRequest;

  const checks = [
    {
      name: `cached article at ${high} connections, share of the static-file rate`,
      target: `≥ ${TARGETS.cachedShareOfStatic * 100}%`,
      actual: `${(share * 100).toFixed(0)}% (${cachedHigh.rps.toFixed(0)} vs ${staticHigh.rps.toFixed(0)} req/s)`,
      ok: share >= TARGETS.cachedShareOfStatic,
    },
    {
      name: `cached article p99 at ${high} connections`,
      target: `≤ ${TARGETS.cachedP99Ms} ms`,
      actual: `${cachedHigh.p99.toFixed(1)} ms`,
      ok: cachedHigh.p99 <= TARGETS.cachedP99Ms,
    },
    {
      name: `uncached article, server CPU per request (${low} connections)`,
      target: `≤ ${TARGETS.uncachedCpuMs} ms`,
      actual: `${uncachedLow.serverCpuMsPerRequest.toFixed(2)} ms (cached: ${cachedLow.serverCpuMsPerRequest.toFixed(2)} ms)`,
      ok: uncachedLow.serverCpuMsPerRequest <= TARGETS.uncachedCpuMs,
    },
    {
      name: 'JavaScript the article page loads, gzipped',
      target: `≤ ${TARGETS.articleJsKb} KB`,
      actual: `${(js.gzipBytes / 1024).toFixed(1)} KB in ${js.scripts} scripts (${(js.bytes / 1024).toFixed(0)} KB raw; inline scripts ${(js.inlineScriptGzipBytes / 1024).toFixed(1)} KB gzipped)`,
      ok: js.gzipBytes <= TARGETS.articleJsKb * 1024,
    },
  ];
  const viaHigh = find('article, via Varnish', high);
  if (viaHigh) {
    const viaShare = viaHigh.rps / staticHigh.rps;
    checks.push(
      {
        name: `article via Varnish at ${high} connections, share of the static-file rate`,
        target: `≥ ${TARGETS.cachedShareOfStatic * 100}%`,
        actual: `${(viaShare * 100).toFixed(0)}% (${viaHigh.rps.toFixed(0)} vs ${staticHigh.rps.toFixed(0)} req/s)`,
        ok: viaShare >= TARGETS.cachedShareOfStatic,
      },
      { name: `article via Varnish p99 at ${high} connections`, target: `≤ ${TARGETS.cachedP99Ms} ms`, actual: `${viaHigh.p99.toFixed(1)} ms`, ok: viaHigh.p99 <= TARGETS.cachedP99Ms },
    );
  }
  const notes = [
    `article ${articlePath}: ${(articleBytes / 1024).toFixed(1)} KB of HTML; section ${sectionPath}`,
    `cached responses: x-nextjs-cache=${modes.article.cached.xNextjsCache}, cache-control "${modes.article.cached.cacheControl}"`,
    `uncached (draft-mode cookie): x-nextjs-cache=${modes.article.uncached.xNextjsCache ?? 'none'}, cache-control "${modes.article.uncached.cacheControl}"; ` +
      `renders per request: ${rendersPerRequest ? 'yes' : 'NO'} (CPU per request ${uncachedLow.serverCpuMsPerRequest.toFixed(2)} vs ${cachedLow.serverCpuMsPerRequest.toFixed(2)} ms cached)`,
  ];
  notes.push(varnish ? `via Varnish: ${JSON.stringify(varnishCheck)} (load and CPU: Varnish plus the app)` : 'Varnish rows skipped: varnishd is not installed (apt-get install varnish)');
  if (!rendersPerRequest) checks.push({ name: 'the uncached runs really render per request', target: 'CPU per request well above cached', actual: 'no', ok: false });
  return { rows, checks, notes, info: { articlePath, sectionPath, articleBytes, staticPath, modes, javascript: js, targets: TARGETS } };
}
