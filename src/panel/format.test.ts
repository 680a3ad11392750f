import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatSeconds,
  formatStatus,
  formatTime,
  formatUtc,
  hostPath,
  pathOnly,
  truncate,
  truncateStart,
} from './format';

describe('hostPath', () => {
  it('splits host from path and query, drops fragment and userinfo', () => {
    expect(hostPath('https://API.example.com:8443/v2/a?b=1#frag')).toEqual({
      host: 'api.example.com:8443',
      path: '/v2/a?b=1',
    });
    expect(hostPath('https://user:secret@api.example.com/x')).toEqual({ host: 'api.example.com', path: '/x' });
    expect(hostPath('https://api.example.com')).toEqual({ host: 'api.example.com', path: '/' });
    expect(hostPath('https://api.example.com?q=1')).toEqual({ host: 'api.example.com', path: '/?q=1' });
    expect(hostPath('not a url')).toEqual({ host: '', path: 'not a url' });
  });

  it('pathOnly leaves out the query', () => {
    expect(pathOnly('https://a.test/v2/x?y=1')).toBe('/v2/x');
  });
});

describe('formatStatus', () => {
  it('is the code and reason, or the network error', () => {
    expect(formatStatus(429, 'Too Many Requests')).toBe('429 Too Many Requests');
    expect(formatStatus(599, '')).toBe('599');
    expect(formatStatus(0, '', 'net::ERR_CONNECTION_REFUSED')).toBe('(failed) net::ERR_CONNECTION_REFUSED');
    expect(formatStatus(0, undefined)).toBe('(failed)');
  });

  it('says "(outcome lost)" for a request whose end the capture lost, and the status when one had started', () => {
    expect(formatStatus(0, undefined, undefined, 'none', 'background restart')).toBe('(outcome lost)');
    expect(formatStatus(503, 'Service Unavailable', undefined, 'server', 'background restart')).toBe(
      '503 Service Unavailable',
    );
  });
});

describe('formatSeconds', () => {
  it('reads like the retry column', () => {
    expect(formatSeconds(37)).toBe('37 s');
    expect(formatSeconds(1.5)).toBe('1.5 s');
    expect(formatSeconds(125)).toBe('2 min 5 s');
    expect(formatSeconds(120)).toBe('2 min');
    expect(formatSeconds(3780)).toBe('1 h 3 min');
    expect(formatSeconds(-1)).toBe('');
  });
});

describe('times and counts', () => {
  it('formats local time with milliseconds and UTC ISO', () => {
    const t = new Date(2025, 2, 4, 14, 3, 7, 215).getTime();
    expect(formatTime(t)).toBe('14:03:07.215');
    expect(formatTime(undefined)).toBe('');
    expect(formatUtc(Date.UTC(2025, 0, 2, 3, 4, 5))).toBe('2025-01-02T03:04:05.000Z');
  });

  it('groups thousands and truncates with an ellipsis', () => {
    expect(formatCount(100000)).toBe('100,000');
    expect(formatCount(312)).toBe('312');
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
    expect(truncateStart('/api/items/42', 6)).toBe('…ms/42');
    expect(truncateStart('/api', 6)).toBe('/api');
  });
});
