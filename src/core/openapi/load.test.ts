import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSpec } from './load';
import { matchOperation } from './match';
import { MAX_SPEC_BYTES, parseSpecText } from './parse';
import { examplePath, githubSpecPath, loadFile, loadText, pathFor } from './testing';
import type { LoadedSpec } from './types';

/** Every documented operation is found again from a URL built from its template, under its first server. */
function expectEveryTemplateMatches(spec: LoadedSpec, base: string): number {
  let checked = 0;
  const misses: string[] = [];
  for (const op of spec.operations) {
    const url = `${base}${pathFor(op.path)}?q=1`;
    const match = matchOperation([spec], op.method, url);
    if (match?.kind !== 'operation' || match.operation.key !== op.key)
      misses.push(`${op.key} → ${match?.kind === 'operation' ? match.operation.key : (match?.kind ?? 'null')}`);
    checked++;
  }
  expect(misses).toEqual([]);
  return checked;
}

describe('real public specs', () => {
  it('petstore 3.0 (YAML): loads, binds its server, and every template matches', () => {
    const spec = loadFile(examplePath('3.0/yaml/petstore.yaml'));
    expect(spec.openapi).toBe('3.0');
    expect(spec.title).toBe('Swagger Petstore');
    expect(spec.servers.map((s) => s.display)).toEqual(['http://petstore.swagger.io/v2']);
    expect(expectEveryTemplateMatches(spec, 'http://petstore.swagger.io/v2')).toBeGreaterThanOrEqual(19);
  });

  it('petstore 3.1 (YAML) loads with the 2020-12 dialect', () => {
    const spec = loadFile(examplePath('3.1/yaml/petstore.yaml'));
    expect(spec.openapi).toBe('3.1');
    expect(spec.draft).toBe('2020-12');
    expect(expectEveryTemplateMatches(spec, 'http://petstore.swagger.io/v2')).toBeGreaterThanOrEqual(19);
  });

  it('Swagger 2.0 petstore (JSON): host + basePath + schemes', () => {
    const spec = loadFile(examplePath('2.0/json/petstore.json'));
    expect(spec.openapi).toBe('2.0');
    expect(spec.servers.map((s) => s.display)).toEqual(['http://petstore.swagger.io/v2']);
    expect(expectEveryTemplateMatches(spec, 'http://petstore.swagger.io/v2')).toBeGreaterThanOrEqual(19);
    // The 2.0 scheme list is honoured: https is not one of petstore's.
    expect(matchOperation([spec], 'GET', 'https://petstore.swagger.io/v2/pet/1')).toBeNull();
  });

  it('server variables: enum values match, others do not', () => {
    const spec = loadFile(examplePath('3.0/yaml/server-variables.yaml'));
    const servers = spec.document.servers as Array<{
      url: string;
      variables?: Record<string, { enum?: string[]; default: string }>;
    }>;
    expect(servers.some((s) => s.url.includes('{'))).toBe(true);
    const op = spec.operations[0];
    const withVars = servers.find((s) => s.url.includes('{'))!;
    const url = withVars.url.replace(
      /\{(\w+)\}/g,
      (_, name: string) => withVars.variables![name].enum?.[0] ?? withVars.variables![name].default,
    );
    expect(matchOperation([spec], op.method, `${url}${pathFor(op.path)}`)?.kind).toBe('operation');
  });

  it('the GitHub REST spec (13 MB): loads and every one of its templates matches', () => {
    const spec = loadFile(githubSpecPath(), 'github');
    expect(spec.operations.length).toBeGreaterThan(1000);
    expect(spec.servers[0].host).toBe('api.github.com');
    expect(expectEveryTemplateMatches(spec, 'https://api.github.com')).toBe(spec.operations.length);
  });
});

describe('matching', () => {
  const spec = loadText(`
openapi: 3.0.3
info: { title: Shop, version: '1' }
servers: [{ url: 'http://localhost:8000/api' }]
paths:
  /orders/mine: { get: { operationId: myOrders, responses: { '200': { description: ok } } } }
  /orders/{id}:
    get: { operationId: getOrder, summary: One order, tags: [orders], responses: { '200': { description: ok } } }
    delete: { operationId: deleteOrder, responses: { '204': { description: gone } } }
  /files/{name}.{ext}: { get: { operationId: getFile, responses: { '200': { description: ok } } } }
  /files/{path}: { get: { operationId: getAnyFile, responses: { '200': { description: ok } } } }
`);
  const op = (method: string, url: string) => {
    const m = matchOperation([spec], method, url);
    return m?.kind === 'operation' ? m.operation.operationId : (m?.kind ?? null);
  };

  it('prefers the literal segment, then backtracks to the template for another method', () => {
    expect(op('GET', 'http://localhost:8000/api/orders/mine')).toBe('myOrders');
    expect(op('GET', 'http://localhost:8000/api/orders/42')).toBe('getOrder');
    expect(op('DELETE', 'http://localhost:8000/api/orders/mine')).toBe('deleteOrder');
  });

  it('ignores a trailing slash, the query and the fragment; decodes segments', () => {
    expect(op('GET', 'http://localhost:8000/api/orders/42/?x=1#top')).toBe('getOrder');
    expect(op('get', 'http://localhost:8000/api/orders/a%2Fb')).toBe('getOrder');
    expect(op('GET', 'http://localhost:8000/api/orders/%6Dine')).toBe('myOrders');
  });

  it('matches a segment that mixes text and parameters before a whole-segment parameter', () => {
    expect(op('GET', 'http://localhost:8000/api/files/report.pdf')).toBe('getFile');
    expect(op('GET', 'http://localhost:8000/api/files/README')).toBe('getAnyFile');
  });

  it('reports an unknown method and an unknown path under the server; ignores other hosts', () => {
    const method = matchOperation([spec], 'PUT', 'http://localhost:8000/api/orders/42');
    expect(method).toMatchObject({ kind: 'unknown', template: '/orders/{id}', methods: ['GET', 'DELETE'] });
    expect(matchOperation([spec], 'GET', 'http://localhost:8000/api/nope')).toMatchObject({
      kind: 'unknown',
      template: null,
    });
    expect(matchOperation([spec], 'GET', 'http://localhost:8000/apiv2/orders/1')).toBeNull();
    expect(matchOperation([spec], 'GET', 'http://example.com/api/orders/1')).toBeNull();
  });

  it('binds a relative server to the URL the spec came from, and user base URLs replace the servers', () => {
    const text = `{"openapi":"3.1.0","info":{"title":"Rel","version":"1"},"servers":[{"url":"/v1"}],"paths":{"/x":{"get":{"responses":{"200":{"description":"ok"}}}}}}`;
    const fromUrl = loadText(text, 'rel', { sourceUrl: 'http://localhost:8000/openapi.json' });
    expect(fromUrl.servers.map((s) => s.display)).toEqual(['http://localhost:8000/v1']);
    const anyHost = loadText(text, 'rel');
    expect(matchOperation([anyHost], 'GET', 'https://whatever.test/v1/x')?.kind).toBe('operation');
    const custom = loadText(text, 'rel', { baseUrls: ['https://staging.example.com/base'] });
    expect(matchOperation([custom], 'GET', 'https://staging.example.com/base/x')?.kind).toBe('operation');
    expect(matchOperation([custom], 'GET', 'https://whatever.test/v1/x')).toBeNull();
  });
});

describe('broken and hostile specs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names where a spec is broken', () => {
    const yaml = parseSpecText('openapi: 3.0.0\ninfo:\n  title: [unclosed\n', 'api.yaml');
    expect(yaml.ok).toBe(false);
    expect(!yaml.ok && yaml.error).toMatch(/^api\.yaml is not valid YAML at line \d+, column \d+/);
    const json = parseSpecText('{"openapi": "3.0.0", "paths": {,}}', 'api.json');
    expect(!json.ok && json.error).toMatch(/^api\.json is not valid JSON at line 1, column \d+/);
    expect(loadSpec({ info: {} }, { id: 'x' })).toEqual({
      ok: false,
      error: expect.stringMatching(/neither an "openapi" nor a "swagger"/),
    });
    expect(loadSpec({ openapi: '4.0.0', paths: {} }, { id: 'x' })).toEqual({
      ok: false,
      error: expect.stringMatching(/unsupported OpenAPI version "4\.0\.0"/),
    });
    expect(loadSpec({ openapi: '3.0.0', paths: [] }, { id: 'x' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^\/paths: expected an object/),
    });
  });

  it('refuses a 50 MB spec with its size, before parsing', () => {
    const big = `{"openapi":"3.0.0","x":"${'a'.repeat(50 * 1024 * 1024)}"}`;
    const result = parseSpecText(big, 'big.json');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^big\.json is 50\.0 MB; the limit is/) });
    expect(MAX_SPEC_BYTES).toBeLessThan(big.length);
  });

  it('refuses nesting past the limit, in JSON and in YAML, naming where', () => {
    const deep = `{"openapi":"3.0.0","paths":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    expect(parseSpecText(deep, 'deep.json')).toEqual({
      ok: false,
      error: expect.stringMatching(/nests deeper than 200 levels at \/paths\/a\/a/),
    });
    const yaml = `openapi: 3.0.0\npaths: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const result = parseSpecText(yaml, 'deep.yaml');
    expect(result.ok).toBe(false);
  });

  it('a YAML alias bomb gives a message, not a hang', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const result = parseSpecText(lines.join('\n'), 'bomb.yaml');
    expect(result.ok).toBe(false);
  });

  it('refuses a $ref to a URL or another file with a warning, and never fetches', () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const spec = loadText(`
openapi: 3.0.0
info: { title: Ext, version: '1' }
paths:
  /a:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: 'https://evil.example/schema.json' } } } }
        '404': { $ref: 'other.yaml#/responses/NotFound' }
        '500': { description: x, content: { application/json: { schema: { $ref: '#/components/schemas/Missing' } } } }
`);
    expect(spec.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /responses\/200\/content\/application~1json\/schema: \$ref "https:\/\/evil\.example\/schema\.json" is outside the document; external references are not fetched/,
        ),
        expect.stringMatching(/responses\/404: \$ref "other\.yaml#\/responses\/NotFound" is outside the document/),
        expect.stringMatching(
          /responses\/500\/content\/application~1json\/schema: \$ref "#\/components\/schemas\/Missing" points to nothing/,
        ),
      ]),
    );
    expect(spec.warnings).toHaveLength(3);
    expect(fetchSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('loads the real circular examples (cyclic $ref) without recursing forever', () => {
    for (const file of ['3.0/yaml/circular.yaml', '3.0/yaml/schema-circular.yaml', '3.0/yaml/circular-paths.yaml']) {
      const spec = loadFile(examplePath(file));
      expect(spec.operations.length).toBeGreaterThan(0);
    }
  });
});
