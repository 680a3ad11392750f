// Every fixture in ./fixtures/<id>.json must be recognized FIRST by the recognizer `<id>`
// (in registry order, as classify.ts runs them) with the expected extracted fields.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBodyView } from '../body';
import { classify } from '../classify';
import type { BodyView, Exchange, Extracted, FieldError, RecognizerContext } from '../types';
import { recognizers } from './index';
import { SIGNAL_KEYS } from './json';
import { normalizeKey } from '../infer/dictionaries';

const here = dirname(fileURLToPath(import.meta.url));
const fixturesDir = resolve(here, 'fixtures');
const docsPath = resolve(here, '../../../docs/formats.md');

interface Expected {
  format: string;
  errorCode?: string | number | null;
  errorId?: string | null;
  errorIdField?: string;
  message?: string | null;
  fieldErrors?: FieldError[];
  retryAfterSeconds?: number | null;
  retryAfterField?: string;
  saysFailure?: boolean;
  saysSuccess?: boolean;
  retryable?: boolean | null;
}

interface Fixture {
  name: string;
  source: string;
  exchange: Exchange;
  expected: Expected;
}

function headerLookup(headers: Exchange['responseHeaders']): (name: string) => string | undefined {
  const list: Array<{ name: string; value: string }> = Array.isArray(headers)
    ? [...headers]
    : Object.entries((headers ?? {}) as Record<string, string>).map(([name, value]) => ({ name, value }));
  return (name) => list.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
}

/** The context classify() builds: the engine's body view and a case-insensitive header lookup. */
function contextFor(exchange: Exchange): RecognizerContext {
  return { exchange, body: buildBodyView(exchange), header: headerLookup(exchange.responseHeaders) };
}

function firstMatch(ctx: RecognizerContext): { id: string; extracted: Extracted } | null {
  for (const r of recognizers) {
    const extracted = r.recognize(ctx);
    if (extracted) return { id: r.id, extracted };
  }
  return null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function loadFixtures(): Map<string, Fixture[]> {
  const byFile = new Map<string, Fixture[]>();
  for (const file of readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    byFile.set(file.replace(/\.json$/, ''), JSON.parse(readFileSync(resolve(fixturesDir, file), 'utf8')) as Fixture[]);
  }
  return byFile;
}

const fixtures = loadFixtures();

describe.each([...fixtures.entries()])('format fixtures %s', (fileId, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
    const { expected } = fixture;
    expect(expected.format, 'fixture file name = expected format').toBe(fileId);
    const match = firstMatch(contextFor(fixture.exchange));
    expect(match?.id).toBe(expected.format);
    const got = match!.extracted;

    if ('errorCode' in expected) {
      expect(got.errorCode == null ? null : String(got.errorCode)).toBe(
        expected.errorCode == null ? null : String(expected.errorCode),
      );
    }
    if ('errorId' in expected) expect(got.errorId ?? null).toBe(expected.errorId);
    if (expected.errorIdField !== undefined) expect(got.errorIdField).toBe(expected.errorIdField);
    if ('message' in expected) {
      expect(got.message == null ? null : squash(got.message)).toBe(
        expected.message == null ? null : squash(expected.message),
      );
    }
    if (expected.fieldErrors !== undefined) expect(got.fieldErrors ?? []).toEqual(expected.fieldErrors);
    if ('retryAfterSeconds' in expected) {
      if (expected.retryAfterSeconds == null) expect(got.retryAfterSeconds ?? null).toBeNull();
      else expect(got.retryAfterSeconds).toBeCloseTo(expected.retryAfterSeconds, 2);
    }
    if (expected.retryAfterField !== undefined) expect(got.retryAfterField).toBe(expected.retryAfterField);
    if (expected.saysFailure !== undefined) expect(got.saysFailure === true).toBe(expected.saysFailure);
    if (expected.saysSuccess !== undefined) expect(got.saysSuccess === true).toBe(expected.saysSuccess);
    if ('retryable' in expected) expect(got.retryable ?? null).toBe(expected.retryable);
  });
});

// The engine reports what the recognizer found: format, code, body id (as `body.<field>`), message, field errors.
describe('fixtures through classify()', () => {
  const all = [...fixtures.values()].flat();
  it.each(all.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const { expected } = fixture;
    const c = classify(fixture.exchange);
    expect(c.format).toBe(expected.format);
    if (expected.errorCode != null) expect(c.errorCode).toBe(String(expected.errorCode));
    if (expected.errorId != null) expect(c.errorId).toBe(expected.errorId);
    if (expected.errorIdField !== undefined) expect(c.errorIdSource).toBe(`body.${expected.errorIdField}`);
    if (expected.message != null) expect(squash(c.message ?? '')).toContain(squash(expected.message));
    if (expected.fieldErrors?.length) expect(c.fieldErrors).toEqual(expected.fieldErrors);
    if (expected.saysFailure === true) expect(c.failure).toBe(true);
    if (expected.saysSuccess === true) expect(c.failure).toBe(fixture.exchange.status >= 400);
    // Retry verdicts are advice.ts/rules.ts decisions (vendor rules may override a body hint), so they are
    // checked at the recognizer level above, not here.
  });
});

describe('registry', () => {
  it('is sorted by descending priority and ids are unique', () => {
    const priorities = recognizers.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(new Set(recognizers.map((r) => r.id)).size).toBe(recognizers.length);
  });

  it('every format has a fixture file and every fixture file names a registered format', () => {
    const ids = recognizers.map((r) => r.id).sort();
    const withFixtures = [...fixtures.keys()].filter((id) => (fixtures.get(id) ?? []).length > 0).sort();
    expect(withFixtures).toEqual(ids);
  });

  it('every format is documented in docs/formats.md', () => {
    const docs = readFileSync(docsPath, 'utf8');
    const missing = recognizers.map((r) => r.id).filter((id) => !docs.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});

describe('2xx success bodies are not read as failures', () => {
  const successBodies: Array<[string, unknown]> = [
    ['NestJS-style wrapper', { statusCode: 200, message: 'Success', data: { id: 1 } }],
    ['code 200 wrapper on 201', { code: 200, message: 'created', data: { id: 1 } }],
    ['code 0 wrapper', { code: 0, message: 'success', data: [] }],
    ['code "OK"', { code: 'OK', message: 'done' }],
    ['problem-like data', { title: 'Quarterly report', status: 2, detail: 'Draft', type: 'report' }],
    ['spring-like data', { timestamp: '2026-11-23T18:00:00Z', status: 200, error: null, path: '/x' }],
    ['record with a status word', { status: 'active', message: 'Welcome back' }],
    ['JSend success', { status: 'success', data: { post: { id: 1 } } }],
    ['Kubernetes Success', { kind: 'Status', apiVersion: 'v1', status: 'Success', code: 200 }],
    ['GraphQL data only', { data: { viewer: { login: 'octocat' } } }],
    ['document360 success', { data: [], success: true, errors: [], warnings: [], information: [] }],
  ];
  it.each(successBodies)('%s', (_name, json) => {
    const ctx: RecognizerContext = {
      exchange: { method: 'POST', url: 'https://api.example.com/v1/things', status: 201 },
      body: {
        text: JSON.stringify(json),
        json,
        kind: 'json',
        mimeType: 'application/json',
        truncated: false,
        notes: [],
      },
      header: () => undefined,
    };
    expect(firstMatch(ctx)?.extracted.saysFailure ?? false).toBe(false);
  });
});

describe('plain-data gate (format json)', () => {
  const gate = recognizers.find((r) => r.id === 'json')!;
  const others = recognizers.filter((r) => r.id !== 'json');
  // Signal keys are written out (not taken from SIGNAL_KEYS) so that dropping one from the set is caught.
  const signalPool = [
    'error',
    'errors',
    'errormessages',
    'message',
    'detail',
    'success',
    'ok',
    'status',
    'statuscode',
    'code',
    'error_code',
    'errorcode',
    'errcode',
    '__type',
    'kind',
    'statusCode',
    'errorCode',
    'errorMessages',
    'Message',
    'Code',
    'OK',
  ];
  // Keys seen next to error envelopes.
  const companionPool = [
    'data',
    'title',
    'timestamp',
    'details',
    'description',
    'type',
    'name',
    'id',
    'path',
    'meta',
    'result',
    'messages',
    'warnings',
    'information',
    'errorMessage',
    'errorInfo',
    'retry_after',
    'global',
    'more_info',
    'debug_id',
    'traceId',
    'requestId',
    'request_id',
    'correlationId',
    'policyName',
    'category',
    'hint',
    'instance',
    '_links',
    'content',
    'items',
    'loc',
    'msg',
    'errmsg',
    'field',
    'exception',
    'file',
    'line',
    'fields',
    'errorSummary',
    'errorType',
  ];
  const value = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'error',
        'failure',
        'fail',
        'success',
        'Status',
        'Failure',
        'RATE_LIMITED',
        'E0000011',
        'invalid_auth',
        'some message',
        false,
        true,
        0,
        7,
        429,
        null,
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        { message: 'm', type: 't', param: null },
        { code: 'C', message: 'm' },
        ['a'],
        { title: ['is blank'] },
        [{ message: 'm', path: ['x'] }],
      ),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
  const record = fc
    .tuple(
      fc.dictionary(fc.constantFrom(...companionPool), value, { maxKeys: 5 }),
      fc.dictionary(fc.constantFrom(...signalPool), value, { maxKeys: 2 }),
    )
    .map(([companions, signals]) => ({ ...companions, ...signals }));

  it('never claims a 2xx body that another recognizer would recognize', () => {
    fc.assert(
      fc.property(
        fc.oneof(record, fc.array(record, { maxLength: 2 })),
        fc.constantFrom(200, 201, 204, 302),
        fc.constantFrom(
          'https://api.example.com/x',
          'https://slack.com/api/x',
          'https://discord.com/api/x',
          'https://s.myshopify.com/admin/x',
          'https://api.example.com/graphql',
        ),
        fc.constantFrom(
          'application/json',
          'application/vnd.api+json',
          'application/problem+json',
          'application/hal+json',
        ),
        (json, status, url, mimeType) => {
          const ctx: RecognizerContext = {
            exchange: { method: 'GET', url, status },
            body: { text: JSON.stringify(json), json, kind: 'json', mimeType, truncated: false, notes: [] },
            header: () => undefined,
          };
          if (!gate.recognize(ctx)) return;
          const hidden = others.filter((r) => r.recognize(ctx)).map((r) => r.id);
          expect(hidden).toEqual([]);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('never claims any fixture body replayed as a 200', () => {
    for (const [, cases] of fixtures) {
      for (const fixture of cases) {
        const ctx = contextFor({ ...fixture.exchange, status: 200, statusText: 'OK' });
        if (ctx.body.kind !== 'json' || !gate.recognize(ctx)) continue;
        const hidden = others.filter((r) => r.recognize(ctx)).map((r) => r.id);
        expect(hidden, fixture.name).toEqual([]);
      }
    }
  });

  it('leaves error statuses and signal keys to the recognizers', () => {
    const ctx = (status: number, json: unknown): RecognizerContext => ({
      exchange: { method: 'GET', url: 'https://api.example.com/x', status },
      body: { text: '', json, kind: 'json', mimeType: 'application/json', truncated: false, notes: [] },
      header: () => undefined,
    });
    expect(gate.recognize(ctx(200, { data: [1], meta: {} }))).toEqual({});
    expect(gate.recognize(ctx(500, { data: [1] }))).toBeNull();
    for (const key of SIGNAL_KEYS) expect(gate.recognize(ctx(200, { [key]: 1 }))).toBeNull();
    expect(gate.recognize(ctx(200, { Success: false }))).toBeNull();
  });
});

// classify() runs a recognizer that declares `keys` only for JSON objects holding one of them.
describe('key routing (recognizer keys)', () => {
  const keyed = recognizers.filter((r) => r.keys !== undefined);
  const declared = [...new Set(keyed.flatMap((r) => r.keys ?? []))];
  // A recognizer whose keys match by name (`keysByName`) must not match without any spelling of them either.
  const without = (json: Record<string, unknown>, keys: readonly string[], byName = false) => {
    const copy = { ...json };
    for (const k of keys) delete copy[k];
    if (byName) {
      const names = new Set(keys.map(normalizeKey));
      for (const k of Object.keys(copy)) if (names.has(normalizeKey(k))) delete copy[k];
    }
    return copy;
  };
  const jsonCtx = (json: unknown, status: number, url: string, mimeType = 'application/json'): RecognizerContext => ({
    exchange: { method: 'GET', url, status },
    body: { text: JSON.stringify(json), json, kind: 'json', mimeType, truncated: false, notes: [] },
    header: () => undefined,
  });
  const objectBodies = [...fixtures.values()]
    .flat()
    .map((f) => ({ name: f.name, url: f.exchange.url, ctx: contextFor(f.exchange) }))
    .filter(
      ({ ctx }) =>
        ctx.body.kind === 'json' &&
        ctx.body.json !== null &&
        typeof ctx.body.json === 'object' &&
        !Array.isArray(ctx.body.json),
    );

  it('no keyed recognizer matches a fixture object without its keys, at any status', () => {
    expect(objectBodies.length).toBeGreaterThan(50);
    for (const r of keyed) {
      for (const { name, url, ctx } of objectBodies) {
        for (const status of [200, 400, 404, 429, 500]) {
          const json = without(ctx.body.json as Record<string, unknown>, r.keys!, r.keysByName);
          expect(
            r.recognize({ ...jsonCtx(json, status, url, ctx.body.mimeType), header: ctx.header }),
            `${r.id} on ${name} without ${r.keys!.join('/')}`,
          ).toBeNull();
        }
      }
    }
  });

  it('no keyed recognizer matches a random envelope without its keys', () => {
    const pool = [
      ...declared,
      'data',
      'title',
      'detail',
      'type',
      'id',
      'description',
      'errorSummary',
      'errorType',
      'error_description',
      'documentation_url',
      'more_info',
      'debug_id',
      'messages',
      'result',
      'warnings',
      'timestamp',
      'path',
      'details',
      'hint',
      'msg',
      'errmsg',
      'reason',
    ];
    const value = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(
          'error',
          'fail',
          'failure',
          'success',
          'Status',
          'invalid_auth',
          'some message',
          'https://x',
          false,
          true,
          0,
          7,
          429,
          null,
        ),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          { message: 'm', type: 't', param: null },
          { code: 'C', message: 'm', status: 'NOT_FOUND' },
          ['a'],
          { title: ['is blank'] },
          [{ message: 'm', path: ['x'] }],
          [{ message: 'm', field: 'f', code: 'c', category: 'k' }],
        ),
      },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...pool), value, { maxKeys: 8 }),
        fc.constantFrom(200, 400, 429, 500),
        fc.constantFrom(
          'https://api.example.com/x',
          'https://slack.com/api/x',
          'https://discord.com/api/x',
          'https://s.myshopify.com/admin/x',
          'https://api.example.com/graphql',
          'https://api.stripe.com/v1/x',
        ),
        (json, status, url) => {
          for (const r of keyed)
            expect(r.recognize(jsonCtx(without(json, r.keys!, r.keysByName), status, url)), r.id).toBeNull();
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('classify() gives the same result routed as when it asks every recognizer', () => {
    const everyRecognizer = [...recognizers];
    for (const f of [...fixtures.values()].flat()) {
      for (const status of [f.exchange.status, 200, 400, 500]) {
        const x = { ...f.exchange, status };
        expect(classify(x, { now: 0 }), f.name).toEqual(classify(x, { now: 0, recognizers: everyRecognizer }));
      }
    }
    // Objects too large to route run every recognizer.
    const wide: Record<string, unknown> = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`k${i}`, i]));
    wide.error = 'invalid_token';
    wide.error_description = 'The token expired';
    const x = { method: 'GET', url: 'https://api.example.com/x', status: 401, body: JSON.stringify(wide) };
    expect(classify(x).format).toBe('oauth2');
    expect(classify(x, { now: 0 })).toEqual(classify(x, { now: 0, recognizers: everyRecognizer }));
  });
});

describe('robustness', () => {
  const statuses = [0, 200, 400, 403, 429, 500];
  const kinds: BodyView['kind'][] = ['json', 'text', 'html', 'xml', 'event-stream', 'empty', 'binary', 'not-captured'];

  it('no recognizer throws on arbitrary JSON values, texts and kinds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue({ maxDepth: 6 }),
          fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }),
        ),
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...kinds),
        fc.constantFrom(...statuses),
        (json, text, kind, status) => {
          const exchange: Exchange = { method: 'GET', url: 'https://api.example.com/x', status, body: text };
          const ctx: RecognizerContext = {
            exchange,
            body: { text, json, kind, mimeType: 'application/json', truncated: false, notes: [] },
            header: () => undefined,
          };
          for (const r of recognizers) r.recognize(ctx);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('error-shaped JSON anywhere inside a plausible envelope never throws', () => {
    const errorish = fc.dictionary(
      fc.constantFrom(
        'error',
        'errors',
        'message',
        'Message',
        'code',
        'status',
        'detail',
        'data',
        'success',
        'ok',
        '__type',
        'type',
        'title',
        'kind',
        'details',
        'id',
        'statusCode',
        'timestamp',
        'path',
        '__proto__',
        'constructor',
      ),
      fc.jsonValue({ maxDepth: 4 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          errorish,
          fc.array(errorish, { maxLength: 3 }),
          fc.record({ error: errorish, errors: fc.array(errorish) }),
        ),
        fc.constantFrom(...statuses),
        (json, status) => {
          const ctx: RecognizerContext = {
            exchange: { method: 'POST', url: 'https://api.example.com/graphql', status },
            body: {
              text: JSON.stringify(json),
              json,
              kind: 'json',
              mimeType: 'application/json',
              truncated: false,
              notes: [],
            },
            header: () => undefined,
          };
          for (const r of recognizers) r.recognize(ctx);
        },
      ),
      { numRuns: 600 },
    );
  });

  it('reads __proto__ keys as plain data and never from the prototype', () => {
    const json = JSON.parse(
      '{"__proto__": {"error": "polluted", "message": "from proto"}, "constructor": {"prototype": {"x": 1}}}',
    );
    const ctx: RecognizerContext = {
      exchange: { method: 'GET', url: 'https://api.example.com/', status: 500 },
      body: { text: '', json, kind: 'json', mimeType: 'application/json', truncated: false, notes: [] },
      header: () => undefined,
    };
    const match = firstMatch(ctx);
    expect(match?.extracted.errorCode ?? null).not.toBe('polluted');
    expect(({} as Record<string, unknown>).error).toBeUndefined();
    // An object inheriting an error shape through its prototype is not an error envelope.
    const inherited = Object.create({ error: 'inherited', message: 'inherited message', success: false, ok: false });
    const m2 = firstMatch({ ...ctx, body: { ...ctx.body, json: inherited } });
    expect(m2?.extracted.message ?? null).not.toBe('inherited message');
    expect(m2?.extracted.errorCode ?? null).not.toBe('inherited');
  });

  it('deeply nested bodies do not overflow the stack', () => {
    let deep: unknown = { message: 'bottom' };
    for (let i = 0; i < 20000; i++) deep = { errors: { field: [deep] }, error: deep };
    const ctx: RecognizerContext = {
      exchange: { method: 'GET', url: 'https://api.example.com/', status: 422 },
      body: { text: '', json: deep, kind: 'json', mimeType: 'application/json', truncated: false, notes: [] },
      header: () => undefined,
    };
    for (const r of recognizers) expect(() => r.recognize(ctx)).not.toThrow();
  });
});
