import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addressInList, clientAddressOf, installPeerAddressHeader, normaliseAddress, PEER_HEADER } from './client-address';

describe('normalising addresses', () => {
  it('unwraps IPv4-mapped IPv6 and refuses junk', () => {
    expect(normaliseAddress('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(normaliseAddress('[::1]')).toBe('::1');
    expect(normaliseAddress('999.1.1.1')).toBeNull();
    expect(normaliseAddress('evil.example')).toBeNull();
    expect(normaliseAddress('')).toBeNull();
  });

  it('matches exact addresses and IPv4 ranges', () => {
    expect(addressInList('10.1.2.3', ['10.0.0.0/8'])).toBe(true);
    expect(addressInList('11.1.2.3', ['10.0.0.0/8'])).toBe(false);
    expect(addressInList('::1', ['::1'])).toBe(true);
    expect(addressInList('127.0.0.1', ['127.0.0.1/32', 'junk/99'])).toBe(true);
  });
});

describe('the client address comes from the socket', () => {
  it('ignores a forged X-Forwarded-For and a forged peer header, without a trusted proxy', async () => {
    installPeerAddressHeader();
    const seen: Headers[] = [];
    const server = http.createServer((req, res) => {
      seen.push(new Headers(req.headers as Record<string, string>));
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, localAddress: '127.0.0.7', headers: { 'x-forwarded-for': '203.0.113.9', [PEER_HEADER]: '198.51.100.1' } }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
    server.close();
    const headers = seen[0]!;
    expect(clientAddressOf(headers, [])).toBe('127.0.0.7');
    // Behind a trusted proxy (here: the loopback socket), its forwarded address is used instead.
    expect(clientAddressOf(headers, ['127.0.0.0/8'])).toBe('203.0.113.9');
  });

  it('takes the nearest untrusted hop behind a chain of trusted proxies', () => {
    installPeerAddressHeader();
    const h = new Headers({ [PEER_HEADER]: '10.0.0.5', 'x-forwarded-for': '198.51.100.7, 203.0.113.1, 10.0.0.9' });
    expect(clientAddressOf(h, ['10.0.0.0/8'])).toBe('203.0.113.1');
    expect(clientAddressOf(h, [])).toBe('10.0.0.5');
  });
});
