import { describe, expect, it } from 'vitest';
import { mintTicket, readTicket } from './ticket';

const secret = 'test-secret-0123456789-0123456789-abc';

describe('sign-in tickets', () => {
  it('carry the staff id and session version when genuine and fresh', () => {
    expect(readTicket(mintTicket(7, 3, secret), secret)).toEqual({ staffId: 7, sessionVersion: 3 });
  });

  it('are refused when forged, altered, signed with another secret or expired', () => {
    const ticket = mintTicket(7, 3, secret, 1_000_000);
    expect(readTicket(ticket, secret, 1_000_000 + 61_000)).toBeNull();
    const fresh = mintTicket(7, 3, secret);
    expect(readTicket(fresh.replace(/^7\./, '8.'), secret)).toBeNull();
    expect(readTicket(fresh, 'another-secret-0123456789-0123456789')).toBeNull();
    expect(readTicket('7.3.99999999999999.' + 'A'.repeat(43), secret)).toBeNull();
    expect(readTicket({ ticket: fresh }, secret)).toBeNull();
  });
});
