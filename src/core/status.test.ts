import { describe, expect, it } from 'vitest';
import { knownStatusCodes, statusSemantics } from './status';

/** Every code in the IANA HTTP Status Code Registry between 100 and 599 (2025). */
const IANA_CODES = [
  100, 101, 102, 103, 104, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307,
  308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
  424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];

describe('statusSemantics', () => {
  it('has its own row, reason and meaning for every IANA code', () => {
    for (const code of IANA_CODES) {
      const s = statusSemantics(code);
      expect(s.code).toBe(code);
      expect(s.origin, String(code)).toBe('iana');
      expect(s.reason.length).toBeGreaterThan(1);
      expect(s.meaning.length).toBeGreaterThan(10);
    }
  });

  it('names the reason phrases of well-known codes', () => {
    expect(statusSemantics(429).reason).toBe('Too Many Requests');
    expect(statusSemantics(422).reason).toBe('Unprocessable Content');
    expect(statusSemantics(413).reason).toBe('Content Too Large');
    expect(statusSemantics(103).reason).toBe('Early Hints');
  });

  it('covers the common unofficial codes and says whose they are', () => {
    expect(statusSemantics(499)).toMatchObject({
      reason: 'Client Closed Request',
      origin: 'nginx',
      class: 'client-error',
    });
    for (const code of [444, 494, 495, 496, 497]) expect(statusSemantics(code).origin).toBe('nginx');
    for (const code of [520, 521, 522, 523, 524, 525, 526, 527, 530])
      expect(statusSemantics(code).origin).toBe('Cloudflare');
    expect(statusSemantics(509).reason).toBe('Bandwidth Limit Exceeded');
    expect(statusSemantics(529).reason).toMatch(/overloaded/i);
    expect(statusSemantics(598).class).toBe('server-error');
    expect(statusSemantics(599).meaning).toMatch(/timed out/i);
  });

  it('classes codes by range', () => {
    expect(statusSemantics(101).class).toBe('informational');
    expect(statusSemantics(204).class).toBe('success');
    expect(statusSemantics(304).class).toBe('redirection');
    expect(statusSemantics(404).class).toBe('client-error');
    expect(statusSemantics(503).class).toBe('server-error');
  });

  it('falls back to the class for unknown codes', () => {
    expect(statusSemantics(432)).toMatchObject({
      code: 432,
      class: 'client-error',
      reason: 'Client Error',
      origin: 'class fallback',
    });
    expect(statusSemantics(567)).toMatchObject({ class: 'server-error', reason: 'Server Error' });
    expect(statusSemantics(299)).toMatchObject({ class: 'success' });
    expect(statusSemantics(999).class).toBe('unknown');
    expect(statusSemantics(Number.NaN).class).toBe('unknown');
  });

  it('maps status 0 (and negative HAR statuses) to a network error', () => {
    expect(statusSemantics(0)).toMatchObject({ class: 'network-error', reason: 'No Response' });
    expect(statusSemantics(-1).class).toBe('network-error');
  });

  it('lists at least the IANA codes plus the unofficial ones', () => {
    const known = knownStatusCodes();
    for (const code of [...IANA_CODES, 444, 499, 509, 520, 527, 529, 530, 598, 599]) expect(known).toContain(code);
  });
});
