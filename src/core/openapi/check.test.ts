import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { VENDOR_PROFILES } from '../rules';
import { checkExchange, type ContractInput } from './check';
import { specRules } from './rules';
import { examplePath, githubSpecPath, loadFile, loadText } from './testing';

const SHOP = `
openapi: 3.0.3
info: { title: Shop API, version: '1' }
servers: [{ url: 'http://localhost:8000/api' }]
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      summary: Fetch one order
      tags: [orders]
      responses:
        '200':
          description: The order
          content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } }
        '404':
          description: No order has this id
          content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }
        4XX:
          description: The request was refused
          content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }
        default:
          description: Unexpected server error
          content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } }
  /orders:
    post:
      operationId: createOrder
      responses:
        '201': { description: Created, content: { application/json: { schema: { $ref: '#/components/schemas/Order' } } } }
components:
  schemas:
    Order:
      type: object
      required: [id, total, items]
      properties:
        id: { type: string }
        total: { type: number, minimum: 0 }
        coupon: { type: string, nullable: true }
        items: { type: array, items: { $ref: '#/components/schemas/Item' } }
        parent: { $ref: '#/components/schemas/Order' }
    Item:
      type: object
      required: [sku]
      properties: { sku: { type: string }, qty: { type: integer } }
    Error:
      title: Shop error
      type: object
      properties:
        error:
          type: object
          properties:
            code:
              type: string
              enum: [order_not_found, out_of_stock]
              x-enum-descriptions: [The order id does not exist, An item ran out before checkout]
            message: { type: string }
            request_id: { type: string }
`;
const shop = loadText(SHOP, 'shop');
const input = (over: Partial<ContractInput>): ContractInput => ({
  method: 'GET',
  url: 'http://localhost:8000/api/orders/42',
  status: 200,
  contentType: 'application/json',
  body: '{}',
  ...over,
});
const ORDER = { id: 'o1', total: 3, coupon: null, items: [{ sku: 'a', qty: 1 }] };

describe('explain from the contract', () => {
  it('names the operation and the documented response for the exact status, with its error codes', () => {
    const f = checkExchange(
      [shop],
      input({ status: 404, body: '{"error":{"code":"order_not_found","message":"no"}}' }),
    )!;
    expect(f.operation).toEqual({
      key: 'GET /orders/{id}',
      method: 'GET',
      path: '/orders/{id}',
      operationId: 'getOrder',
      summary: 'Fetch one order',
      tags: ['orders'],
    });
    expect(f.documented).toEqual({
      key: '404',
      description: 'No order has this id',
      schemaTitle: 'Shop error',
      errorCodes: [
        { code: 'order_not_found', description: 'The order id does not exist' },
        { code: 'out_of_stock', description: 'An item ran out before checkout' },
      ],
    });
    expect(f.problems).toEqual([]);
  });

  it('falls back to the class (4XX), then default', () => {
    expect(checkExchange([shop], input({ status: 409, body: '{}' }))!.documented?.key).toBe('4XX');
    expect(checkExchange([shop], input({ status: 503, body: '{}' }))!.documented?.description).toBe(
      'Unexpected server error',
    );
  });
});

describe('contract checks', () => {
  it('a body that matches, nullable included (3.0), has no problem', () => {
    expect(checkExchange([shop], input({ body: JSON.stringify(ORDER) }))!.problems).toEqual([]);
  });

  it('names schema violations with their JSON paths, through a cyclic $ref', () => {
    const body = { ...ORDER, total: -1, items: [{ qty: 'two' }], parent: { id: 5, total: 1, items: [] } };
    const f = checkExchange([shop], input({ body: JSON.stringify(body) }))!;
    expect(f.problems.map((p) => p.kind)).toEqual(['mismatch']);
    const paths = f.violations.map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(['$.total', '$.items[0]', '$.parent.id']));
    expect(f.violationCount).toBeGreaterThanOrEqual(4);
    expect(f.violations.length).toBeLessThanOrEqual(5);
  });

  it('an undocumented status, an undeclared content type, a body that is not JSON', () => {
    const post = { method: 'POST', url: 'http://localhost:8000/api/orders' };
    expect(checkExchange([shop], input({ ...post, status: 500 }))!.problems).toEqual([
      { kind: 'undocumented', message: 'status 500 is not documented for POST /orders (documented: 201)' },
    ]);
    expect(checkExchange([shop], input({ contentType: 'text/html', body: '<p>' }))!.problems[0].message).toMatch(
      /content type text\/html is not declared for 200/,
    );
    expect(checkExchange([shop], input({ body: '{oops' }))!.problems[0].message).toMatch(/not valid JSON/);
  });

  it('an unknown path or method', () => {
    expect(checkExchange([shop], input({ method: 'PATCH' }))!.problems[0]).toEqual({
      kind: 'unknown-operation',
      message: 'PATCH is not documented for /orders/{id} (documented: GET)',
    });
    expect(checkExchange([shop], input({ url: 'http://localhost:8000/api/carts/1' }))!.problems[0].kind).toBe(
      'unknown-operation',
    );
    expect(checkExchange([shop], input({ url: 'http://other.test/api/orders/1' }))).toBeNull();
  });

  it('says why a body was not checked', () => {
    expect(checkExchange([shop], input({ body: undefined }))!.notes).toEqual(['body not captured: schema not checked']);
    expect(checkExchange([shop], input({ body: '{"id":', bodyTruncated: true }))!.notes).toEqual([
      'body truncated: schema not checked',
    ]);
  });

  it('3.1: type arrays and const (2020-12) are checked', () => {
    const spec = loadText(
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 'T', version: '1' },
        servers: [{ url: 'https://t.test' }],
        paths: {
          '/t': {
            get: {
              responses: {
                '200': {
                  description: 'ok',
                  content: {
                    'application/json': {
                      schema: {
                        type: 'object',
                        properties: {
                          kind: { const: 'thing' },
                          note: { type: ['string', 'null'] },
                          pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      }),
    );
    const ok = checkExchange(
      [spec],
      input({ url: 'https://t.test/t', body: '{"kind":"thing","note":null,"pair":["a",1]}' }),
    )!;
    expect(ok.problems).toEqual([]);
    const bad = checkExchange(
      [spec],
      input({ url: 'https://t.test/t', body: '{"kind":"other","note":1,"pair":["a","b"]}' }),
    )!;
    expect(bad.violations.map((v) => v.path).sort()).toEqual(['$.kind', '$.note', '$.pair[1]']);
  });

  it('Swagger 2.0 petstore: a documented 400 and a schema check of a pet', () => {
    const spec = loadFile(examplePath('2.0/json/petstore.json'));
    const get = (status: number, body: string) =>
      checkExchange([spec], {
        method: 'GET',
        url: 'http://petstore.swagger.io/v2/pet/7',
        status,
        contentType: 'application/json',
        body,
      })!;
    expect(get(400, '').documented?.description).toBe('Invalid ID supplied');
    expect(get(200, '{"name":"rex","photoUrls":[]}').problems).toEqual([]);
    expect(get(200, '{"name":"rex"}').violations[0]).toEqual({
      path: '$',
      message: expect.stringMatching(/photoUrls/),
    });
  });

  it('the GitHub spec: an issue fetch is matched, its 404 documented, a body checked', () => {
    const spec = loadFile(githubSpecPath(), 'github');
    const f = checkExchange([spec], {
      method: 'GET',
      url: 'https://api.github.com/repos/o/r/issues/1',
      status: 404,
      contentType: 'application/json; charset=utf-8',
      body: '{"message":"Not Found","documentation_url":"https://docs.github.com"}',
    })!;
    expect(f.operation?.operationId).toBe('issues/get');
    expect(f.documented?.key).toBe('404');
    expect(f.problems).toEqual([]);
    const bad = checkExchange([spec], {
      method: 'GET',
      url: 'https://api.github.com/repos/o/r/issues/1',
      status: 404,
      contentType: 'application/json',
      body: '{"message":7}',
    })!;
    expect(bad.problems[0].kind).toBe('mismatch');
  });
});

describe('spec rules: code, message and ID read with no rule written', () => {
  it('derives paths from the error schema and classify reads them', () => {
    const rules = specRules(shop);
    expect(rules[0]).toMatchObject({
      match: { host: 'localhost:8000', pathPrefix: '/api' },
      set: { errorCodePath: 'error.code', messagePath: 'error.message', errorIdPath: 'error.request_id' },
    });
    // A shape no vendor recognizer knows: the spec says where the code, message and ID are.
    const fault = loadText(
      SHOP.replace(
        / {4}Error:[\s\S]*$/,
        `    Error:
      type: object
      properties:
        fault:
          type: object
          properties:
            reason: { type: string }
            detail: { type: string }
            correlation_id: { type: string }
`,
      ),
      'fault',
    );
    const exchange = {
      method: 'GET',
      url: 'http://localhost:8000/api/orders/42',
      status: 404,
      responseHeaders: { 'content-type': 'application/json' },
      body: '{"fault":{"reason":"order_not_found","detail":"Order 42 does not exist","correlation_id":"req_9"}}',
    };
    // (The generic inference may read this shape too; the spec's paths must give the same answer.)
    const withSpec = classify(exchange, { profiles: [...VENDOR_PROFILES, ...specRules(fault)] });
    expect(withSpec).toMatchObject({
      errorCode: 'order_not_found',
      message: 'Order 42 does not exist',
      errorId: 'req_9',
    });
    expect(withSpec.notes).toContainEqual(
      expect.stringMatching(/^errorCode read from body\.fault\.reason \(rule "OpenAPI "Shop API" \(404\)"\)$/),
    );
  });
});
