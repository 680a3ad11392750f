import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileFilter,
  completeKey,
  isNarrowing,
  parseFilter,
  tokenize,
  type FilterSpec,
  type FilterSubject,
  type QuickChip,
} from './filter';
import { makeRow } from './store/rows';
import { requestRecord, type RecordSpec } from './testing';

function subject(spec: Partial<RecordSpec> & { seq?: number }): FilterSubject {
  return makeRow(requestRecord({ seq: 1, ...spec }));
}

function spec(text: string, chips: QuickChip[] = [], showAll = false): FilterSpec {
  return { query: parseFilter(text), chips: new Set(chips), showAll };
}

function matches(text: string, s: FilterSubject, chips: QuickChip[] = [], showAll = false): boolean {
  return compileFilter(spec(text, chips, showAll))(s);
}

const rateLimited = subject({
  status: 429,
  code: 'rate_limited',
  errorId: 'req_ABC123',
  message: 'Slow down',
  method: 'POST',
  url: 'https://api.example.com/v2/Articles/42',
  retryable: true,
});
const invalid = subject({
  status: 422,
  code: 'invalid_input',
  errorId: 'err-77',
  message: 'Title is required',
  method: 'PATCH',
  url: 'https://api.example.com/v2/Articles/43',
});
const outage = subject({
  status: 503,
  code: null,
  errorId: null,
  message: 'Service Unavailable',
  url: 'https://cdn.other.net/assets/app.js',
  retryable: true,
});
const offline = subject({
  status: 0,
  error: 'net::ERR_CONNECTION_REFUSED',
  url: 'http://localhost:9/x',
  retryable: true,
});
const ok = subject({ status: 200, url: 'https://api.example.com/v2/health' });
const bodyError = subject({
  status: 200,
  kind: 'body',
  failure: true,
  code: 'GRAPHQL_ERROR',
  message: 'Cannot query field',
});

describe('tokenize', () => {
  it('splits on white space and keeps quoted runs together', () => {
    expect(tokenize('  status:429   "rate limit" -host:"a b" ')).toEqual(['status:429', 'rate limit', '-host:a b']);
  });
});

describe('parseFilter', () => {
  it('reads keys, negation and aliases', () => {
    const { terms, problems } = parseFilter('status:5xx -domain:cdn.other.net METHOD:post code:invalid_input timeout');
    expect(problems).toEqual([]);
    expect(terms.map((t) => [t.key, t.value, t.negate])).toEqual([
      ['status', '5xx', false],
      ['host', 'cdn.other.net', true],
      ['method', 'POST', false],
      ['code', 'invalid_input', false],
      ['text', 'timeout', false],
    ]);
  });

  it('treats unknown keys (and URLs) as free text', () => {
    const { terms } = parseFilter('https://api.example.com foo:bar');
    expect(terms.map((t) => t.key)).toEqual(['text', 'text']);
  });

  it('ignores tokens still being typed and reports invalid ones', () => {
    const parsed = parseFilter('status: host: - status:abc is:nonsense /[/');
    expect(parsed.terms).toEqual([]);
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems[0]).toContain('status:abc');
  });
});

describe('matching', () => {
  it('free text searches URL, code, ID and message, case-insensitively', () => {
    expect(matches('articles/42', rateLimited)).toBe(true);
    expect(matches('RATE_LIMITED', rateLimited)).toBe(true);
    expect(matches('req_abc', rateLimited)).toBe(true);
    // Words are separate terms, all required, in any order; quotes keep a phrase together.
    expect(matches('down slow', rateLimited)).toBe(true);
    expect(matches('slow nope', rateLimited)).toBe(false);
    expect(matches('"slow down"', rateLimited)).toBe(true);
    expect(matches('"down slow"', rateLimited)).toBe(false);
    expect(matches('required', invalid)).toBe(true);
    expect(matches('required', rateLimited)).toBe(false);
    expect(matches('ERR_CONNECTION', offline)).toBe(true);
  });

  it('status takes codes, classes, ranges and lists', () => {
    expect(matches('status:429', rateLimited)).toBe(true);
    expect(matches('status:429', invalid)).toBe(false);
    expect(matches('status:4xx', invalid)).toBe(true);
    expect(matches('status:5xx', invalid)).toBe(false);
    expect(matches('status:5xx', outage)).toBe(true);
    expect(matches('status:500-504', outage)).toBe(true);
    expect(matches('status:400-428', rateLimited)).toBe(false);
    expect(matches('status:422,503', invalid) && matches('status:422,503', outage)).toBe(true);
    expect(matches('status:0', offline)).toBe(true);
  });

  it('host, code, method, id, message and is: tokens', () => {
    expect(matches('host:api.example.com', rateLimited)).toBe(true);
    expect(matches('host:api.example.com', outage)).toBe(false);
    expect(matches('code:invalid_input', invalid)).toBe(true);
    expect(matches('code:invalid_input', rateLimited)).toBe(false);
    expect(matches('method:POST', rateLimited)).toBe(true);
    expect(matches('method:post', invalid)).toBe(false);
    expect(matches('id:err-77', invalid)).toBe(true);
    expect(matches('message:title', invalid)).toBe(true);
    expect(matches('is:retryable', rateLimited)).toBe(true);
    expect(matches('is:retryable', invalid)).toBe(false);
    expect(matches('is:network', offline)).toBe(true);
  });

  it('an empty id: or code: means "has one"; negated, "has none"', () => {
    expect(matches('id:', rateLimited)).toBe(true);
    expect(matches('id:', outage)).toBe(false);
    expect(matches('-id:', outage)).toBe(true);
    expect(matches('-code:', rateLimited)).toBe(false);
  });

  it('a leading - negates any token, and tokens combine with AND', () => {
    expect(matches('-status:429', rateLimited)).toBe(false);
    expect(matches('-status:429', invalid)).toBe(true);
    expect(matches('-host:example.com', outage)).toBe(true);
    expect(matches('-articles', invalid)).toBe(false);
    expect(matches('host:api.example.com -status:422 method:POST', rateLimited)).toBe(true);
    expect(matches('host:api.example.com -status:422 method:POST', invalid)).toBe(false);
    expect(matches('status:4xx -code:rate_limited is:retryable', rateLimited)).toBe(false);
  });

  it('regular expressions between slashes', () => {
    expect(matches('/articles\\/4[23]$/', invalid)).toBe(false); // hay has more after the URL
    expect(matches('/articles\\/4[23]/', invalid)).toBe(true);
  });

  it('shows failures only unless showAll', () => {
    expect(matches('', ok)).toBe(false);
    expect(matches('', ok, [], true)).toBe(true);
    expect(matches('', bodyError)).toBe(true);
  });

  it('chips: kinds OR together, retry chips AND with them', () => {
    expect(matches('', invalid, ['4xx'])).toBe(true);
    expect(matches('', outage, ['4xx'])).toBe(false);
    expect(matches('', outage, ['4xx', '5xx'])).toBe(true);
    expect(matches('', offline, ['network'])).toBe(true);
    expect(matches('', bodyError, ['2xx-error'])).toBe(true);
    expect(matches('', rateLimited, ['4xx', 'retryable'])).toBe(true);
    expect(matches('', invalid, ['4xx', 'retryable'])).toBe(false);
    expect(matches('', invalid, ['not-retryable'])).toBe(true);
    expect(matches('', ok, ['not-retryable'], true)).toBe(false);
  });
});

describe('isNarrowing', () => {
  it('typing more of a term narrows; deleting or negating does not', () => {
    expect(isNarrowing(spec('art'), spec('arti'))).toBe(true);
    expect(isNarrowing(spec('arti'), spec('art'))).toBe(false);
    expect(isNarrowing(spec('status:4xx'), spec('status:4xx host:api'))).toBe(true);
    expect(isNarrowing(spec('-foo'), spec('-fooo'))).toBe(false);
    expect(isNarrowing(spec('-fooo'), spec('-foo'))).toBe(true);
    expect(isNarrowing(spec('status:4'), spec('status:42'))).toBe(false); // status:4 is not a prefix test
    expect(isNarrowing(spec('', [], true), spec(''))).toBe(true);
    expect(isNarrowing(spec(''), spec('', [], true))).toBe(false);
    expect(isNarrowing(spec(''), spec('', ['4xx']))).toBe(true);
    expect(isNarrowing(spec('', ['4xx']), spec('', ['4xx', '5xx']))).toBe(false);
    expect(isNarrowing(spec('', ['4xx', '5xx']), spec('', ['5xx']))).toBe(true);
  });

  it('whenever it says so, the new result is a subset of the old (property)', () => {
    const subjects = [rateLimited, invalid, outage, offline, ok, bodyError];
    const word = fc.constantFrom(
      'a',
      'ar',
      'art',
      'api',
      'status:4xx',
      'status:429',
      '-code:',
      'id:',
      'host:api',
      'host:api.',
      '-slow',
      '-s',
      'is:retryable',
      'code:in',
      'code:inv',
    );
    const query = fc.array(word, { maxLength: 3 }).map((w) => w.join(' '));
    const chips = fc.subarray(['4xx', '5xx', 'network', '2xx-error', 'retryable', 'not-retryable'] as QuickChip[]);
    const arbSpec = fc.tuple(query, chips, fc.boolean()).map(([q, c, all]) => spec(q, c, all));
    fc.assert(
      fc.property(arbSpec, arbSpec, (prev, next) => {
        if (!isNarrowing(prev, next)) return true;
        const p = compileFilter(prev);
        const n = compileFilter(next);
        return subjects.every((s) => !n(s) || p(s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('filter keys like the Network panel', () => {
  it('warns about an unknown key and names the nearest known one', () => {
    const parsed = parseFilter('stauts:500');
    expect(parsed.problems[0]).toContain('did you mean status:?');
    expect(parseFilter('https://a.test/x').problems).toEqual([]);
  });

  it('completes a key from its start', () => {
    expect(completeKey('code:x sta')).toBe('code:x status:');
    expect(completeKey('larger')).toBe('larger-than:');
    expect(completeKey('zzz')).toBeNull();
  });

  it('larger-than and mime-type test the response', () => {
    const big = subject({
      status: 500,
      url: 'https://api.big.test/x',
      body: 'x'.repeat(5000),
      responseHeaders: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }],
    });
    expect(matches('larger-than:1k', big)).toBe(true);
    expect(matches('larger-than:10k', big)).toBe(false);
    expect(matches('mime-type:json', big)).toBe(true);
    expect(matches('domain:big.test', big)).toBe(true);
    expect(parseFilter('larger-than:lots').problems[0]).toContain('not a size');
  });
});

describe('keys named like Object.prototype members', () => {
  it('are unknown keys, searched as text, not a crash', () => {
    for (const key of ['constructor', 'tostring', 'valueof', '__proto__']) {
      const parsed = parseFilter(`${key}:x`);
      expect(parsed.terms).toEqual([expect.objectContaining({ key: 'text', value: `${key}:x` })]);
      expect(matches(`${key}:x`, subject({ message: `bad ${key}:x` }))).toBe(true);
      expect(matches(`${key}:x`, subject({ message: 'bad' }))).toBe(false);
    }
    expect(parseFilter('is:constructor').problems).toEqual([expect.stringContaining('is:constructor: unknown')]);
  });
});
