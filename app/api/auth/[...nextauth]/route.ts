import { handlers } from '@/server/auth/auth';

// Auth.js's own endpoints (session, csrf, signout, callback). Password sign-in goes through
// app/api/auth/login, which throttles; the credentials callback here only accepts its tickets.
export const { GET, POST } = handlers;
