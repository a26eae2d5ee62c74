vcl 4.1;

# Varnish in front of one or more Broadsheet (Next.js) instances: it answers repeat requests for
# public reader pages from memory, and the instances behind it keep their own tag-precise cache.
# See docs/decisions/2026-11-28-shared-http-cache.md and 2026-12-01-several-instances.md.
#
# Needs the xkey module (Debian: varnish-modules). scripts/varnish.mjs (tests, benchmarks and
# `npm run fleet`) rewrites the two marked blocks below: the backends, and the addresses allowed
# to purge. An operator edits them by hand, or generates them the same way.
#
# Rules:
# - Only GET and HEAD of reader pages are cached, for as long as the page's own s-maxage says.
# - Anything with a session or draft-mode cookie, the dashboard, sign-in, the API, previews,
#   search and the no-JavaScript comment pages go straight to the app.
# - Client-side navigations (the RSC header) go to the app: Next answers them with a different
#   body at the same URL.
# - Every cached page names its cache tags in an `xkey` header. When an instance expires tags it
#   sends PURGE with an `xkey-purge` header listing them, and exactly the pages carrying any of
#   them are dropped; the rest of the cache stays. Only the `purgers` addresses may purge.
# - When no instance is healthy, pages are served stale (grace) for up to a day rather than failing.
# - A live blog's update feed (/live/<id>/updates.json) is a reader page like any other: cached for
#   its few seconds of s-maxage, so thousands of polling readers cost one render per window.

import std;
import directors;
import xkey;

# BEGIN BACKENDS (one per instance; scripts/varnish.mjs rewrites this block)
backend app1 {
  .host = "127.0.0.1";
  .port = "3000";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
  .probe = {
    .url = "/api/health?live=1";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
  }
}

sub vcl_init {
  new fleet = directors.round_robin();
  fleet.add_backend(app1);
}
# END BACKENDS

# BEGIN PURGERS (who may purge; scripts/varnish.mjs rewrites this block)
acl purgers {
  "127.0.0.1";
  "::1";
}
# END PURGERS

sub vcl_recv {
  set req.backend_hint = fleet.backend();
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.xkey-purge) {
      return (synth(400, "Name the tags to purge in an xkey-purge header"));
    }
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone));
  }
  if (req.method == "BAN") {
    # The purge of earlier versions, emptying everything: refused, so an old instance in a mixed
    # fleet shows in the log instead of emptying the cache at every change.
    return (synth(405, "Use PURGE with xkey-purge"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # While an instance is healthy, a page past its time is refreshed at once (10 s of grace while
  # one request fetches it); when none is, cached pages are served for as long as they are kept.
  if (std.healthy(req.backend_hint)) {
    set req.grace = 10s;
  }
  if (req.url ~ "^/(dashboard|signin|api|preview|search|comments)(/|\?|$)") {
    return (pass);
  }
  if (req.http.Cookie ~ "(^|;\s*)(__Secure-)?authjs\.|(^|;\s*)__prerender_bypass=") {
    return (pass);
  }
  if (req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Router-State-Tree) {
    return (pass);
  }
  # Reader pages depend on no cookie: drop them so every reader shares one copy.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  # Never keep a personal or uncacheable answer (Next marks those private/no-store).
  if (beresp.http.Set-Cookie || beresp.http.Cache-Control ~ "private|no-store|no-cache") {
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
  }
  # A page with no tags could not be purged by a change: keep it only briefly.
  if (!beresp.http.xkey && beresp.ttl > 10s) {
    set beresp.ttl = 10s;
  }
  # Kept a day past its time for outages; while an instance is healthy only 10 s of it is used.
  set beresp.grace = 24h;
  return (deliver);
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  unset resp.http.xkey;
  # Browsers revalidate with the app's rules, not ours.
  if (resp.http.Cache-Control ~ "s-maxage") {
    set resp.http.Cache-Control = "public, max-age=0, must-revalidate";
  }
}
