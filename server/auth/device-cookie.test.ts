import { describe, expect, it } from 'vitest';
import { mintDeviceCookie, readDeviceCookie } from './device-cookie';

const secret = 'a-test-secret-of-some-length-0123456789';

describe('device cookies', () => {
  it('name the device for the account they were issued for, whatever the case typed', () => {
    const cookie = mintDeviceCookie('Ana@Example.org', secret, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(readDeviceCookie(cookie, ' ana@example.ORG', secret)).toBe('AAAAAAAAAAAAAAAAAAAAAA');
  });

  it('count for nothing for another account, with another secret, or altered', () => {
    const cookie = mintDeviceCookie('ana@example.org', secret);
    expect(readDeviceCookie(cookie, 'bo@example.org', secret)).toBeNull();
    expect(readDeviceCookie(cookie, 'ana@example.org', 'another-secret-entirely-0123456789')).toBeNull();
    const [id, email, mac] = cookie.split('.');
    const forged = `${id}.${Buffer.from('bo@example.org').toString('base64url')}.${mac}`;
    expect(readDeviceCookie(forged, 'bo@example.org', secret)).toBeNull();
    expect(readDeviceCookie(`${id}.${email}.${'A'.repeat(43)}`, 'ana@example.org', secret)).toBeNull();
    expect(readDeviceCookie('junk', 'ana@example.org', secret)).toBeNull();
  });
});
