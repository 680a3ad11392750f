// The demo's own API ("Demo Shop") and its OpenAPI document, for the contract checks of issue 16.
// Some statuses are documented, one is not (POST /orders answers 503), and one response breaks its
// schema (the receipt's total is a string). The error body is a shape no built-in recognizer knows,
// so only the spec tells Faultline where its code, message and ID are.
import { send, sendJson } from './http.mjs';

export const SHOP_BASE = '/api/shop';

export const SHOP_OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Demo Shop', version: '1.0.0', description: "The Faultline demo's own API." },
  // Relative: the spec applies to the server it is fetched from.
  servers: [{ url: SHOP_BASE }],
  paths: {
    '/orders/{orderId}': {
      get: {
        operationId: 'getOrder',
        summary: 'Fetch one order',
        tags: ['orders'],
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The order',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
          },
          404: {
            description: 'No order has this id',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Fault' } } },
          },
        },
      },
    },
    '/orders/{orderId}/receipt': {
      get: {
        operationId: 'getReceipt',
        summary: 'The receipt of a paid order',
        tags: ['orders'],
        parameters: [{ name: 'orderId', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: {
            description: 'The receipt',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Receipt' } } },
          },
        },
      },
    },
    '/orders': {
      post: {
        operationId: 'createOrder',
        summary: 'Place an order',
        tags: ['orders'],
        responses: {
          201: {
            description: 'Created',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Order' } } },
          },
          '4XX': {
            description: 'The order was refused',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Fault' } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Order: {
        type: 'object',
        required: ['id', 'total'],
        properties: {
          id: { type: 'string' },
          total: { type: 'number' },
          items: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
        },
      },
      Receipt: {
        title: 'Receipt',
        type: 'object',
        required: ['orderId', 'total', 'currency'],
        properties: {
          orderId: { type: 'string' },
          total: { type: 'number', minimum: 0 },
          currency: { type: 'string', enum: ['EUR', 'USD'] },
        },
      },
      Fault: {
        title: 'Shop fault',
        type: 'object',
        required: ['fault'],
        properties: {
          fault: {
            type: 'object',
            required: ['reason'],
            properties: {
              reason: {
                type: 'string',
                oneOf: [
                  { const: 'order_not_found', description: 'No order has this id; check the id in the URL.' },
                  { const: 'cart_empty', description: 'The order has no items.' },
                ],
              },
              detail: { type: 'string' },
              correlation_id: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

/** The same document as YAML (for loading by file), written out by hand: the demo has no dependencies. */
export function shopOpenapiYaml() {
  return `# Demo Shop: the same contract as /openapi.json\n${toYaml(SHOP_OPENAPI, 0)}`;
}

function toYaml(value, indent) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        const inner = toYaml(item, indent + 2).replace(/^\s+/, '');
        return `${pad}- ${inner}`;
      })
      .join('');
  }
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, v]) => {
        const k = JSON.stringify(key);
        if (v && typeof v === 'object') return `${pad}${k}:\n${toYaml(v, indent + 2)}`;
        return `${pad}${k}: ${JSON.stringify(v)}\n`;
      })
      .join('');
  }
  return `${pad}${JSON.stringify(value)}\n`;
}

const fault = (reason, detail) => ({ fault: { reason, detail, correlation_id: `corr-${reason}-7f3a` } });

export const SHOP_ROUTES = [
  ['GET', '/openapi.json', (req, res) => sendJson(res, 200, 'OK', SHOP_OPENAPI)],
  [
    'GET',
    '/openapi.yaml',
    (req, res) => send(res, 200, 'OK', { 'content-type': 'application/yaml; charset=utf-8' }, shopOpenapiYaml()),
  ],
  [
    'GET',
    /^\/api\/shop\/orders\/([^/]+)$/,
    (req, res, url, match) => {
      if (match[1] === '42') sendJson(res, 200, 'OK', { id: '42', total: 12.5 });
      else sendJson(res, 404, 'Not Found', fault('order_not_found', `Order ${match[1]} does not exist`));
    },
  ],
  // Breaks its schema: the total is a string.
  [
    'GET',
    /^\/api\/shop\/orders\/([^/]+)\/receipt$/,
    (req, res, url, match) => sendJson(res, 200, 'OK', { orderId: match[1], total: '12.50', currency: 'EUR' }),
  ],
  // Undocumented: the spec lists 201 and 4XX only.
  [
    'POST',
    '/api/shop/orders',
    (req, res) => sendJson(res, 503, 'Service Unavailable', fault('warehouse_offline', 'The warehouse is offline')),
  ],
  // Not in the spec at all.
  [
    'GET',
    /^\/api\/shop\/carts\/([^/]+)$/,
    (req, res) => sendJson(res, 410, 'Gone', fault('cart_expired', 'Carts expire after an hour')),
  ],
];
