vcl 4.1;

# Varnish in front of one or more Broadsheet (Next.js) instances: it answers repeat requests for
# public reader pages from memory, and the instances behind it keep their own tag-precise cache.
# See docs/decisions/2026-11-28-shared-http-cache.md. The benchmark (npm run bench -- reader)
# starts it with this file, BACKEND_HOST and BACKEND_PORT replaced.
#
# Rules:
# - Only GET and HEAD of reader pages are cached, for as long as the page's own s-maxage says.
# - Anything with a session or draft-mode cookie, the dashboard, sign-in, the API, previews,
#   search and the no-JavaScript comment pages go straight to the app.
# - Client-side navigations (the RSC header) go to the app: Next answers them with a different
#   body at the same URL.
# - The app sends BAN (SHARED_CACHE_PURGE_URLS) whenever it expires a cache tag: publishing,
#   updating, withdrawing or moving an article empties this cache at once.

backend app {
  .host = "BACKEND_HOST";
  .port = "BACKEND_PORT";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
}

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "BAN") {
    if (client.ip !~ purgers) {
      return (synth(403, "Forbidden"));
    }
    ban("obj.status != 0");
    return (synth(200, "Banned"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
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
  # Short grace: a stale page is served while one request refreshes it, for at most 10 seconds.
  set beresp.grace = 10s;
  return (deliver);
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  # Browsers revalidate with the app's rules, not ours.
  if (resp.http.Cache-Control ~ "s-maxage") {
    set resp.http.Cache-Control = "public, max-age=0, must-revalidate";
  }
}
