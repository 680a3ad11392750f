import { describe, expect, it } from 'vitest';
import { codeKey, collapsePathIds, endpointKey, GroupIndex } from './grouping';

describe('collapsePathIds', () => {
  it.each([
    ['/v2/Articles/42', '/v2/Articles/:id'],
    ['/v2/Articles/42/versions/7', '/v2/Articles/:id/versions/:id'],
    ['/users/3fa85f64-5717-4562-b3fc-2c963f66afa6/profile', '/users/:id/profile'],
    ['/objects/507f1f77bcf86cd799439011', '/objects/:id'],
    ['/commits/a1b2c3d4', '/commits/:id'],
    ['/v1/customers/cus_9s6XKzkNRiz8i3', '/v1/customers/:id'],
    ['/files/12345.json', '/files/:id.json'],
    ['/tokens/dGhpcyBpcyBhIHRva2VuIDEyMw', '/tokens/:id'],
    ['/reports/2024-05-01', '/reports/:id'],
    ['/members/jane@example.com', '/members/:id'],
  ])('%s → %s', (input, expected) => {
    expect(collapsePathIds(input)).toBe(expected);
  });

  it('keeps slugs made of words even when they hold numbers', () => {
    expect(collapsePathIds('/api/case/document360-429-retry-after-seconds')).toBe(
      '/api/case/document360-429-retry-after-seconds',
    );
    expect(collapsePathIds('/blog/top-10-tips-for-2024')).toBe('/blog/top-10-tips-for-2024');
  });

  it('keeps route words, versions and short tokens', () => {
    expect(collapsePathIds('/api/v2/en-us/2fa/settings')).toBe('/api/v2/en-us/2fa/settings');
    expect(collapsePathIds('/deadbeef/cafe')).toBe('/deadbeef/cafe'); // hex-looking words without digits
    expect(collapsePathIds('/')).toBe('/');
  });
});

describe('endpointKey', () => {
  it('is the upper-case method and the collapsed path, without host or query', () => {
    expect(endpointKey('post', 'https://api.example.com/v2/Articles/42?draft=1#x')).toBe('POST /v2/Articles/:id');
    expect(endpointKey('GET', 'https://api.example.com')).toBe('GET /');
  });

  it('puts calls that differ only by ID in one group', () => {
    expect(endpointKey('GET', 'https://a.test/v2/Articles/1')).toBe(
      endpointKey('GET', 'https://a.test/v2/Articles/999'),
    );
    expect(endpointKey('GET', 'https://a.test/v2/Articles/1')).not.toBe(
      endpointKey('DELETE', 'https://a.test/v2/Articles/1'),
    );
  });
});

describe('codeKey', () => {
  it('uses the error code, else the status, else the network error', () => {
    expect(codeKey('invalid_input', 422)).toBe('invalid_input');
    expect(codeKey(null, 503)).toBe('HTTP 503');
    expect(codeKey(null, 0, 'net::ERR_CONNECTION_REFUSED')).toBe('net::ERR_CONNECTION_REFUSED');
    expect(codeKey(null, 0)).toBe('network error');
  });
});

describe('GroupIndex', () => {
  it('counts members and tracks first and last seen whatever the insertion order', () => {
    const g = new GroupIndex();
    g.add('A', 5, 5000);
    g.add('B', 4, 4000);
    g.add('A', 2, 2000);
    g.add('A', 9, 9000);
    g.add('A', 7, undefined);
    const groups = g.groups();
    expect(groups.map((x) => [x.key, x.count])).toEqual([
      ['A', 4],
      ['B', 1],
    ]);
    expect(groups[0].firstSeen).toBe(2000);
    expect(groups[0].lastSeen).toBe(9000);
    expect(g.members('A')).toEqual([2, 5, 7, 9]);
    expect(g.members('missing')).toEqual([]);
  });

  it('orders equal counts by the most recently seen', () => {
    const g = new GroupIndex();
    g.add('old', 1, 1000);
    g.add('new', 2, 2000);
    expect(g.groups().map((x) => x.key)).toEqual(['new', 'old']);
  });
});

describe('one ID rule for every path', () => {
  it('keeps every demo case name (slugs with numbers) and still collapses prefixed and opaque IDs', () => {
    for (const name of [
      'document360-401-token',
      'document360-503-maintenance',
      'document360-404',
      'x360-401-invalid-token',
      'generic-502-html',
    ]) {
      expect(collapsePathIds(`/api/case/${name}`)).toBe(`/api/case/${name}`);
    }
    expect(collapsePathIds('/v1/customers/cus_9s6XKzkNRiz8i3')).toBe('/v1/customers/:id');
    expect(collapsePathIds('/orders/ord-123abc456')).toBe('/orders/:id');
    expect(collapsePathIds('/v2/Articles/3f1c2a9e-1111-4c2b-9a7e-5d2f0b6c7a10/en')).toBe('/v2/Articles/:id/en');
  });

  it('groups error codes case-insensitively', () => {
    expect(codeKey('RATE_LIMITED', 429)).toBe(codeKey('rate_limited', 429));
  });
});
