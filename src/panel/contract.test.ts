import { afterEach, describe, expect, it } from 'vitest';
import { loadText } from '../core/openapi/testing';
import { compileFilter, parseFilter, type QuickChip } from './filter';
import { contractStore, looksLikeSpec, operationTooltip, setLoadedSpecs } from './contract';
import { makeRow } from './store/rows';
import { requestRecord } from './testing';

const spec = loadText(`
openapi: 3.1.0
info: { title: Demo, version: '1' }
servers: [{ url: 'http://127.0.0.1:5173/api' }]
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      summary: Fetch one order
      tags: [orders]
      responses:
        '200': { description: The order, content: { application/json: { schema: { type: object, required: [id], properties: { id: { type: string } } } } } }
        '404': { description: No such order }
`);
const json = [{ name: 'content-type', value: 'application/json' }];
const rows = () => [
  makeRow(
    requestRecord({ seq: 1, url: 'http://127.0.0.1:5173/api/orders/1', status: 404, body: '', responseHeaders: json }),
  ),
  makeRow(
    requestRecord({
      seq: 2,
      url: 'http://127.0.0.1:5173/api/orders/2',
      status: 500,
      body: '{}',
      responseHeaders: json,
    }),
  ),
  makeRow(
    requestRecord({
      seq: 3,
      url: 'http://127.0.0.1:5173/api/orders/3',
      status: 200,
      body: '{"id":3}',
      responseHeaders: json,
    }),
  ),
  makeRow(
    requestRecord({ seq: 4, url: 'http://127.0.0.1:5173/api/carts/4', status: 400, body: '{}', responseHeaders: json }),
  ),
  makeRow(requestRecord({ seq: 5, url: 'https://elsewhere.test/x', status: 500, body: '{}', responseHeaders: json })),
];
const shown = (filter: string, chips: QuickChip[] = [], showAll = false) =>
  rows()
    .filter(compileFilter({ query: parseFilter(filter), chips: new Set(chips), showAll }))
    .map((r) => r.seq);

describe('panel: the contract of loaded specs', () => {
  afterEach(() => setLoadedSpecs([]));

  it('filter keys and chips find each contract problem; a success that breaks the schema is shown too', () => {
    setLoadedSpecs([spec]);
    expect(shown('spec:undocumented')).toEqual([2]);
    expect(shown('spec:mismatch')).toEqual([3]);
    expect(shown('spec:unknown-operation')).toEqual([4]);
    expect(shown('spec:getorder')).toEqual([1, 2, 3]);
    expect(shown('', ['spec:undocumented', 'spec:unknown-operation'])).toEqual([2, 4]);
    expect(shown('-spec:problem')).toEqual([1, 5]);
  });

  it('rows group by the documented operation and their tooltip names it; a spec change is picked up', () => {
    const [first, , , cart, other] = rows();
    expect(first.endpoint).toMatch(/^GET \/api\/orders\/:id$/);
    setLoadedSpecs([spec]);
    expect(first.endpoint).toBe('GET /orders/{id} (getOrder)');
    expect(cart.endpoint).toBe('GET /api/carts/:id');
    expect(operationTooltip(first.spec)).toBe('getOrder · Fetch one order · tag: orders');
    expect(other.spec).toBeNull();
    const before = contractStore.getState().version;
    setLoadedSpecs([]);
    expect(contractStore.getState().version).toBe(before + 1);
    expect(first.spec).toBeNull();
  });

  it('tells a dropped spec from a HAR', () => {
    expect(looksLikeSpec('api.yaml', 'openapi: 3.0.0')).toBe(true);
    expect(looksLikeSpec('api.json', '{"openapi":"3.1.0","info":{}}')).toBe(true);
    expect(looksLikeSpec('rec.har', '{"log":{"entries":[]}}')).toBe(false);
  });
});
