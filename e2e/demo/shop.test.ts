// The demo's own API against its own OpenAPI document: the contract problems the e2e test expects
// are really there (served by the real demo server, checked by the real core).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './server.mjs';
import { checkExchange } from '../../src/core/openapi/check';
import { prepareSpec } from '../../src/core/openapi/stored';
import type { LoadedSpec } from '../../src/core/openapi/types';
import { specRules } from '../../src/core/openapi/rules';
import { classify } from '../../src/core/classify';
import { VENDOR_PROFILES } from '../../src/core/rules';

let demo: DemoServer;
let fromUrl: LoadedSpec;
let fromYaml: LoadedSpec;

beforeAll(async () => {
  demo = await startDemoServer();
  const json = prepareSpec(
    await (await fetch(`${demo.url}/openapi.json`)).text(),
    { kind: 'url', url: `${demo.url}/openapi.json` },
    'shop',
    0,
  );
  const yaml = prepareSpec(
    await (await fetch(`${demo.url}/openapi.yaml`)).text(),
    { kind: 'file', name: 'shop.yaml' },
    'shop-file',
    0,
  );
  if (!json.ok || !yaml.ok) throw new Error('the demo spec does not load');
  fromUrl = json.spec;
  fromYaml = yaml.spec;
});
afterAll(() => demo?.close());

async function call(spec: LoadedSpec, method: string, path: string) {
  const res = await fetch(`${demo.url}${path}`, { method });
  return checkExchange([spec], {
    method,
    url: `${demo.url}${path}`,
    status: res.status,
    contentType: res.headers.get('content-type'),
    body: await res.text(),
  });
}

describe('the demo shop and its spec', () => {
  it('binds the relative server to the demo origin (URL) or any host (file), and both give the same verdicts', async () => {
    expect(fromUrl.servers.map((s) => s.display)).toEqual([`${demo.url}/api/shop`]);
    expect(fromYaml.servers.map((s) => s.display)).toEqual(['*/api/shop']);
    for (const spec of [fromUrl, fromYaml]) {
      const missing = await call(spec, 'GET', '/api/shop/orders/7');
      expect(missing?.documented).toMatchObject({
        key: '404',
        description: 'No order has this id',
        errorCodes: [{ code: 'order_not_found' }, { code: 'cart_empty' }],
      });
      expect(missing?.problems).toEqual([]);
      expect((await call(spec, 'POST', '/api/shop/orders'))?.problems.map((p) => p.kind)).toEqual(['undocumented']);
      expect((await call(spec, 'GET', '/api/shop/orders/42/receipt'))?.violations).toEqual([
        { path: '$.total', message: expect.any(String) },
      ]);
      expect((await call(spec, 'GET', '/api/shop/carts/3'))?.problems.map((p) => p.kind)).toEqual([
        'unknown-operation',
      ]);
      expect((await call(spec, 'GET', '/api/shop/orders/42'))?.problems).toEqual([]);
    }
  });

  it("the spec's error schema tells classify where the demo's code, message and ID are", async () => {
    const res = await fetch(`${demo.url}/api/shop/orders/7`);
    const exchange = {
      method: 'GET',
      url: `${demo.url}/api/shop/orders/7`,
      status: res.status,
      responseHeaders: [...res.headers].map(([name, value]) => ({ name, value })),
      body: await res.text(),
    };
    for (const spec of [fromUrl, fromYaml]) {
      const c = classify(exchange, { profiles: [...VENDOR_PROFILES, ...specRules(spec)] });
      expect([c.errorCode, c.message, c.errorId]).toEqual([
        'order_not_found',
        'Order 7 does not exist',
        'corr-order_not_found-7f3a',
      ]);
    }
  });
});
