import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBodyView } from './body';
import { classify } from './classify';
import { recognizers } from './formats/index';
import { indexEntries, type HeaderEntry } from './headers';
import { normalizeKey } from './infer/dictionaries';
import { candidates, positionsOf, routeTable } from './routing';
import { seedExchange, type SeedCase } from './testing/seed-cases';
import type { BodyView, Exchange, FormatRecognizer, RecognizerContext } from './types';

const KINDS: BodyView['kind'][] = ['json', 'text', 'html', 'xml', 'event-stream', 'empty', 'binary', 'not-captured'];
const gated = recognizers.filter((r) => r.gate !== undefined);

function bodyOf(kind: BodyView['kind'], mimeType: string, json?: unknown): BodyView {
  const text = kind === 'json' ? JSON.stringify(json ?? {}) : kind === 'empty' || kind === 'binary' ? '' : 'x';
  return { text, json: kind === 'json' ? (json ?? {}) : undefined, mimeType, kind, truncated: false, notes: [] };
}

function routed(r: FormatRecognizer, body: BodyView, headers: HeaderEntry[] = []): boolean {
  const table = routeTable(recognizers, body.kind);
  const at = table.list.indexOf(r);
  return at !== -1 && positionsOf(candidates(table, body, indexEntries(headers))).includes(at);
}

/** Whether any fact of `r`'s gate holds for this context: what the routing index checks. */
function gateOpen(r: FormatRecognizer, ctx: RecognizerContext): boolean {
  const gate = r.gate;
  if (!gate) return true;
  if (gate.mimePrefixes?.some((p) => ctx.body.mimeType.startsWith(p))) return true;
  const contentType = (ctx.header('content-type') ?? '').toLowerCase();
  if (gate.mediaIncludes?.some((s) => ctx.body.mimeType.includes(s) || contentType.includes(s))) return true;
  if (gate.headers?.some((h) => ctx.header(h) !== undefined)) return true;
  if (gate.keys && ctx.body.kind === 'json') {
    const j = ctx.body.json;
    if (j === null || typeof j !== 'object' || Array.isArray(j)) return true;
    if (gate.keys.some((k) => Object.prototype.hasOwnProperty.call(j, k))) return true;
  }
  return false;
}

describe('recognizer routing (routing.ts)', () => {
  it('some recognizers declare gates (grpc-web, connect, aws-json)', () => {
    expect(gated.map((r) => r.id)).toEqual(expect.arrayContaining(['grpc-web', 'connect', 'aws-json']));
  });

  it('reaches a gated recognizer for every media type, header and key it declares, in every kind it declares', () => {
    for (const r of gated) {
      for (const kind of r.kinds ?? KINDS) {
        const closed = bodyOf(kind, 'application/x-unrelated', { unrelated: 1 });
        expect(routed(r, closed), `${r.id} (${kind}) with no gate fact`).toBe(false);
        // A JSON object must also hold one of the recognizer's own `keys` (they apply as well).
        const own = kind === 'json' && r.keys ? Object.fromEntries(r.keys.map((k) => [k, 1])) : { unrelated: 1 };
        const openByKeys = kind === 'json' && (r.gate?.keys ?? []).some((k) => k in own);
        if (!openByKeys)
          expect(routed(r, bodyOf(kind, 'application/x-unrelated', own)), `${r.id} (${kind}) own keys only`).toBe(
            false,
          );
        for (const prefix of r.gate?.mimePrefixes ?? [])
          expect(routed(r, bodyOf(kind, `${prefix}+proto`, own)), `${r.id} ${kind} ${prefix}`).toBe(true);
        for (const text of r.gate?.mediaIncludes ?? []) {
          expect(routed(r, bodyOf(kind, `application/vnd.x.${text}`, own)), `${r.id} ${kind} ${text}`).toBe(true);
          expect(
            routed(r, bodyOf(kind, 'application/x-unrelated', own), [
              { name: 'Content-Type', value: `application/${text.toUpperCase()}; charset=utf-8` },
            ]),
            `${r.id} ${kind} content-type ${text}`,
          ).toBe(true);
        }
        for (const name of r.gate?.headers ?? [])
          expect(
            routed(r, bodyOf(kind, 'application/x-unrelated', own), [{ name: name.toUpperCase(), value: '14' }]),
            `${r.id} ${kind} ${name}`,
          ).toBe(true);
        if (kind === 'json')
          for (const key of r.gate?.keys ?? [])
            expect(routed(r, bodyOf(kind, 'application/json', { [key]: 'x' })), `${r.id} key ${key}`).toBe(true);
      }
    }
  });

  it('reaches every registry recognizer of a kind when its facts hold (nothing unreachable)', () => {
    for (const kind of KINDS) {
      const table = routeTable(recognizers, kind);
      table.list.forEach((r, i) => {
        const keys = [...(r.keys ?? []), ...(r.gate?.keys ?? [])];
        // A recognizer that declares no key at all (`keys: []`) is reached by arrays only.
        const json =
          kind !== 'json' ? undefined : r.keys?.length === 0 ? [{}] : Object.fromEntries(keys.map((k) => [k, 1]));
        const mime = r.gate?.mimePrefixes?.[0] ?? 'application/json';
        const headers = (r.gate?.headers ?? []).map((name) => ({ name, value: '1' }));
        const mask = candidates(table, bodyOf(kind, mime, json), indexEntries(headers));
        expect(positionsOf(mask), `${r.id} (${kind})`).toContain(i);
      });
    }
  });

  it('a gate never closes on a body its recognizer matches: fixtures and corpus cases at several statuses', () => {
    const exchanges: Exchange[] = [...fixtureExchanges(), ...corpusExchanges()];
    expect(exchanges.length).toBeGreaterThan(150);
    let matched = 0;
    for (const x0 of exchanges) {
      for (const status of [x0.status, 200, 400, 500]) {
        const x = { ...x0, status };
        const headers = indexEntries(Array.isArray(x.responseHeaders) ? (x.responseHeaders as HeaderEntry[]) : []);
        const ctx: RecognizerContext = { exchange: x, body: buildBodyView(x, headers), header: (n) => headers.get(n) };
        for (const r of gated) {
          if (r.recognize(ctx) === null) continue;
          matched++;
          expect(gateOpen(r, ctx), `${r.id} matched ${x.url} with its gate closed`).toBe(true);
        }
      }
    }
    expect(matched).toBeGreaterThan(10);
  });

  it('a gate never closes on a random body its recognizer matches', () => {
    const mime = fc.constantFrom(
      'application/json',
      'application/grpc-web+proto',
      'application/grpc-web-text',
      'application/connect+json',
      'text/plain',
      'application/octet-stream',
      '',
    );
    const header = fc.constantFrom('grpc-status', 'grpc-message', 'x-amzn-errortype', 'x-request-id', 'content-type');
    const json = fc.oneof(
      fc.dictionary(
        fc.constantFrom('code', 'message', '__type', 'details', 'msg', 'error', 'status'),
        fc.jsonValue({ maxDepth: 2 }),
        {
          maxKeys: 4,
        },
      ),
      fc.jsonValue({ maxDepth: 3 }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...KINDS),
        mime,
        fc.array(fc.tuple(header, fc.constantFrom('0', '14', 'ValidationException', 'x')), { maxLength: 3 }),
        json,
        fc.constantFrom(200, 400, 503),
        (kind, mimeType, pairs, value, status) => {
          const headers = indexEntries(pairs.map(([name, v]) => ({ name, value: v })));
          const body = bodyOf(kind, mimeType, value);
          const ctx: RecognizerContext = {
            exchange: { method: 'POST', url: 'https://api.example.com/x', status, body: body.text },
            body,
            header: (n) => headers.get(n),
          };
          for (const r of gated) {
            if (r.kinds && !r.kinds.includes(kind)) continue;
            let found = null;
            try {
              found = r.recognize(ctx);
            } catch {
              found = null;
            }
            if (found !== null) expect(gateOpen(r, ctx), r.id).toBe(true);
            // The index and the reference check agree.
            expect(
              routed(
                r,
                body,
                pairs.map(([name, v]) => ({ name, value: v })),
              ),
              r.id,
            ).toBe(gateOpen(r, ctx) && keysAdmit(r, body));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('routes registries of any size: 100 keyed recognizers over four mask words', () => {
    const many: FormatRecognizer[] = Array.from({ length: 100 }, (_, i) => ({
      id: `r${i}`,
      title: `r${i}`,
      priority: 100 - i,
      kinds: ['json'],
      keys: [`k${i}`],
      recognize: () => null,
    }));
    const table = routeTable(many, 'json');
    expect(table.words).toBe(4);
    for (const i of [0, 31, 32, 63, 64, 99]) {
      const mask = candidates(table, bodyOf('json', 'application/json', { [`k${i}`]: 1, other: 2 }), indexEntries([]));
      expect(positionsOf(mask)).toEqual([i]);
    }
    // Too many keys to route: every keyed recognizer may run.
    const wide = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`w${i}`, i]));
    expect(positionsOf(candidates(table, bodyOf('json', 'application/json', wide), indexEntries([]))).length).toBe(100);
    // An array is not routed by key.
    expect(positionsOf(candidates(table, bodyOf('json', 'application/json', [1]), indexEntries([]))).length).toBe(100);
  });

  it('classify gives the same result routed as unrouted for gated shapes', () => {
    const everyRecognizer = [...recognizers];
    const cases: Exchange[] = [
      {
        method: 'POST',
        url: 'https://a.example/x',
        status: 200,
        body: '',
        responseHeaders: [
          { name: 'grpc-status', value: '14' },
          { name: 'grpc-message', value: 'down' },
        ],
      },
      { method: 'POST', url: 'https://a.example/x', status: 200, body: 'AAAA', mimeType: 'application/grpc-web-text' },
      {
        method: 'POST',
        url: 'https://a.example/x',
        status: 400,
        body: '{"__type":"com.amazon#ValidationException","message":"bad"}',
      },
      {
        method: 'POST',
        url: 'https://a.example/x',
        status: 400,
        body: '{"message":"bad"}',
        responseHeaders: [{ name: 'x-amzn-ErrorType', value: 'ThrottlingException' }],
      },
      { method: 'POST', url: 'https://a.example/x', status: 503, body: '{"code":"unavailable","message":"try later"}' },
      {
        method: 'POST',
        url: 'https://a.example/x',
        status: 200,
        body: '{"error":{"code":"unavailable","message":"x"}}',
        mimeType: 'application/connect+json',
      },
      {
        method: 'GET',
        url: 'https://a.example/x.png',
        status: 200,
        body: 'iVBORw0KGgo=',
        bodyEncoding: 'base64',
        mimeType: 'image/png',
      },
    ];
    for (const x of cases)
      expect(classify(x, { now: 0 }), x.body).toEqual(classify(x, { now: 0, recognizers: everyRecognizer }));
  });
});

describe('keys matched by name (keysByName)', () => {
  const byName: FormatRecognizer = {
    id: 'by-name',
    title: '',
    priority: 1,
    kinds: ['json'],
    keys: ['error_code'],
    keysByName: true,
    recognize: () => null,
  };
  const exact: FormatRecognizer = {
    id: 'exact',
    title: '',
    priority: 0,
    kinds: ['json'],
    keys: ['error_code'],
    recognize: () => null,
  };
  const reached = (json: object) => {
    const table = routeTable([byName, exact], 'json');
    return positionsOf(candidates(table, bodyOf('json', 'application/json', json), indexEntries([]))).map(
      (i) => table.list[i].id,
    );
  };
  it('reaches a by-name recognizer for its key in any case style, an exact one only for the spelling it declares', () => {
    expect(reached({ error_code: 1 })).toEqual(['by-name', 'exact']);
    for (const key of ['errorCode', 'ErrorCode', 'ERROR_CODE', 'error-code'])
      expect(reached({ [key]: 1 }), key).toEqual(['by-name']);
    expect(reached({ code: 1 })).toEqual([]);
  });
});

function keysAdmit(r: FormatRecognizer, body: BodyView): boolean {
  if (!r.keys || body.kind !== 'json') return true;
  const j = body.json;
  if (j === null || typeof j !== 'object' || Array.isArray(j)) return true;
  if (r.keys.some((k) => Object.prototype.hasOwnProperty.call(j, k))) return true;
  if (!r.keysByName) return false;
  const names = new Set(r.keys.map(normalizeKey));
  return Object.keys(j).some((k) => names.has(normalizeKey(k)));
}

function jsonFiles(dir: URL): unknown[] {
  const path = fileURLToPath(dir);
  return readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(`${path}/${f}`, 'utf8')) as unknown[]);
}

/** The format fixtures (formats/fixtures/*.json). */
function fixtureExchanges(): Exchange[] {
  return jsonFiles(new URL('./formats/fixtures/', import.meta.url)).map((f) => (f as { exchange: Exchange }).exchange);
}

/** The real-response corpus (corpus/cases/*.json). */
export function corpusExchanges(): Exchange[] {
  return jsonFiles(new URL('../../corpus/cases/', import.meta.url)).map((c) => seedExchange(c as SeedCase));
}
