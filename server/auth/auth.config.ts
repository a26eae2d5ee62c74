import type { NextAuthConfig } from 'next-auth';

// The part of the Auth.js configuration that needs no database, so it can run anywhere (the proxy
// included). auth.ts adds the credentials provider, which does. next-auth is pinned to
// 5.0.0-beta.32: see docs/decisions/2026-11-28-staff-authentication.md.

const DAY = 86_400;

export const authConfig = {
  pages: { signIn: '/signin', error: '/signin' },
  // Credentials sign-in only works with JWT sessions. Revocation is our own check: every request
  // compares the token's session version with the staff row (server/auth/session.ts).
  session: { strategy: 'jwt', maxAge: Number(process.env.SESSION_MAX_AGE_SECONDS ?? 14 * DAY) },
  // Self-hosted behind `next start`: the host header is the site's own unless AUTH_URL says otherwise.
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; sessionVersion?: number };
        token.staffId = Number(u.id);
        token.sessionVersion = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      const s = session as typeof session & { staffId?: number; sessionVersion?: number };
      s.staffId = typeof token.staffId === 'number' ? token.staffId : undefined;
      s.sessionVersion = typeof token.sessionVersion === 'number' ? token.sessionVersion : undefined;
      return s;
    },
  },
} satisfies NextAuthConfig;
