import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authConfig } from './auth.config';
import { getStaffIdentity } from '../../db/queries/staff';
import { resolveAuthSecret } from './secret';
import { readTicket } from './ticket';

// The full Auth.js set-up. The only way in is a ticket minted by the throttled password check in
// app/api/auth/login, so Auth.js's own callback endpoint cannot be used to guess passwords.
// The configuration is a function so nothing (the secret above all) is read during `next build`.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const secret = resolveAuthSecret();
  return {
    ...authConfig,
    secret,
    providers: [
      Credentials({
        credentials: { ticket: {} },
        async authorize(credentials) {
          const ticket = readTicket(credentials?.ticket, secret);
          if (!ticket) return null;
          const person = await getStaffIdentity(ticket.staffId);
          if (!person || !person.active || person.sessionVersion !== ticket.sessionVersion) return null;
          return { id: String(person.id), name: person.name, email: person.email, sessionVersion: person.sessionVersion } as never;
        },
      }),
    ],
  };
});
