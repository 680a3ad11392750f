// Builds corpus/cases/protocols.json: RPC-over-HTTP failures (JSON-RPC, tRPC, gRPC-web, Connect,
// Twirp, GraphQL, SOAP). Binary bodies (gRPC-web and Connect stream frames) are framed here from the
// protocol specs so their bytes are exact; every case names the public source its body comes from.
import fs from 'node:fs';
import path from 'node:path';

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'cases', 'protocols.json');
const cases = [];
const J = (v) => JSON.stringify(v);
const DATE = 'Sat, 05 Dec 2026 18:00:00 GMT';

function add(name, api, source, request, response, expected) {
  const headers = { date: DATE, ...(response.headers || {}) };
  cases.push({
    name,
    api,
    kind: 'protocol',
    source,
    request,
    response: { statusText: STATUS_TEXT[response.status] || '', ...response, headers },
    expected,
  });
}
const STATUS_TEXT = {
  200: 'OK',
  207: 'Multi-Status',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
const post = (url, body, headers = {}) => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : J(body),
});
const get = (url, headers = {}) => ({ method: 'GET', url, headers });
const jsonResp = (status, body, headers = {}, ct = 'application/json') => ({
  status,
  headers: { 'content-type': ct, ...headers },
  body: typeof body === 'string' ? body : J(body),
});
const E = (failure, errorCode, message, retryable, extra = {}) => {
  const e = { failure, errorCode, message, errorId: null };
  if (retryable !== undefined) e.retryable = retryable;
  e.retryAfterSeconds = null;
  return { ...e, ...extra };
};

// ---------- JSON-RPC 2.0 ----------
const SPEC = 'https://www.jsonrpc.org/specification#examples';
add(
  'jsonrpc-spec-method-not-found',
  'jsonrpc:spec',
  SPEC,
  post('https://rpc.example.org/', { jsonrpc: '2.0', method: 'foobar', id: '1' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: '1' }),
  E(true, '-32601', 'Method not found', false),
);
add(
  'jsonrpc-spec-parse-error',
  'jsonrpc:spec',
  SPEC,
  post('https://rpc.example.org/', '{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]'),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }),
  E(true, '-32700', 'Parse error', false),
);
add(
  'jsonrpc-spec-invalid-request',
  'jsonrpc:spec',
  SPEC,
  post('https://rpc.example.org/', { jsonrpc: '2.0', method: 1, params: 'bar' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null }),
  E(true, '-32600', 'Invalid Request', false),
);
add(
  'jsonrpc-spec-batch-mixed',
  'jsonrpc:spec',
  SPEC,
  post('https://rpc.example.org/', [
    { jsonrpc: '2.0', method: 'sum', params: [1, 2, 4], id: '1' },
    { jsonrpc: '2.0', method: 'notify_hello', params: [7] },
    { jsonrpc: '2.0', method: 'subtract', params: [42, 23], id: '2' },
    { foo: 'boo' },
    { jsonrpc: '2.0', method: 'foo.get', params: { name: 'myself' }, id: '5' },
    { jsonrpc: '2.0', method: 'get_data', id: '9' },
  ]),
  jsonResp(200, [
    { jsonrpc: '2.0', result: 7, id: '1' },
    { jsonrpc: '2.0', result: 19, id: '2' },
    { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null },
    { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: '5' },
    { jsonrpc: '2.0', result: ['hello', 5], id: '9' },
  ]),
  E(true, '-32600', 'Invalid Request', false, {
    operations: [
      { index: 2, errorCode: '-32600', message: 'Invalid Request' },
      { index: 3, errorCode: '-32601', message: 'Method not found' },
    ],
  }),
);
add(
  'jsonrpc-spec-batch-all-invalid',
  'jsonrpc:spec',
  SPEC,
  post('https://rpc.example.org/', '[1,2,3]'),
  jsonResp(
    200,
    [1, 2, 3].map(() => ({ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null })),
  ),
  E(true, '-32600', 'Invalid Request', false, {
    operations: [0, 1, 2].map((index) => ({ index, errorCode: '-32600', message: 'Invalid Request' })),
  }),
);
add(
  'jsonrpc-spec-batch-success',
  'jsonrpc:spec',
  SPEC,
  post('https://rpc.example.org/', [
    { jsonrpc: '2.0', method: 'sum', params: [1, 2, 4], id: '1' },
    { jsonrpc: '2.0', method: 'subtract', params: [42, 23], id: '2' },
  ]),
  jsonResp(200, [
    { jsonrpc: '2.0', result: 7, id: '1' },
    { jsonrpc: '2.0', result: 19, id: '2' },
  ]),
  { failure: false },
);

const INFURA = 'https://docs.infura.io/api/networks/ethereum/how-to/avoid-rate-limiting';
const infuraUrl = 'https://mainnet.infura.io/v3/84842078b09946638c03157f83405213';
add(
  'infura-429-daily-count',
  'jsonrpc:infura',
  INFURA,
  post(infuraUrl, { jsonrpc: '2.0', method: 'eth_blockNumber', params: [], id: 1 }),
  jsonResp(429, {
    jsonrpc: '2.0',
    id: 1,
    error: { code: -32005, message: 'daily request count exceeded, request rate limited' },
  }),
  E(true, '-32005', 'daily request count exceeded', true),
);
add(
  'infura-429-rps-backoff',
  'jsonrpc:infura',
  INFURA,
  post(infuraUrl, {
    jsonrpc: '2.0',
    method: 'eth_getBalance',
    params: ['0xc94770007dda54cF92009BFF0dE90c06F603a09f', 'latest'],
    id: 1,
  }),
  jsonResp(429, {
    jsonrpc: '2.0',
    id: 1,
    error: {
      code: -32005,
      message: 'project ID request rate exceeded',
      data: {
        see: 'https://infura.io/docs/ethereum/jsonrpc/ratelimits',
        current_rps: 13.333,
        allowed_rps: 10.0,
        backoff_seconds: 30.0,
      },
    },
  }),
  E(true, '-32005', 'project ID request rate exceeded', true, { retryAfterSeconds: 30 }),
);
add(
  'infura-logs-more-than-10000',
  'jsonrpc:infura',
  'https://docs.infura.io/api/networks/ethereum/json-rpc-methods/eth_getlogs',
  post(infuraUrl, { jsonrpc: '2.0', method: 'eth_getLogs', params: [{ fromBlock: '0x1', toBlock: 'latest' }], id: 1 }),
  jsonResp(200, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'query returned more than 10000 results' } }),
  E(true, '-32005', 'query returned more than 10000 results', false),
);

const EIP = 'https://eips.ethereum.org/EIPS/eip-1474#error-codes';
add(
  'eip1474-limit-exceeded',
  'jsonrpc:ethereum',
  EIP,
  post('https://eth.example.org/', {
    jsonrpc: '2.0',
    method: 'eth_getLogs',
    params: [{ fromBlock: '0x0', toBlock: 'latest' }],
    id: 1337,
  }),
  jsonResp(200, { id: 1337, jsonrpc: '2.0', error: { code: -32005, message: 'Request exceeds defined limit' } }),
  E(true, '-32005', 'Request exceeds defined limit', false),
);
add(
  'eip1474-transaction-rejected',
  'jsonrpc:ethereum',
  EIP,
  post('https://eth.example.org/', {
    jsonrpc: '2.0',
    method: 'eth_sendRawTransaction',
    params: ['0xf86c0a85'],
    id: 1337,
  }),
  jsonResp(200, { id: 1337, jsonrpc: '2.0', error: { code: -32003, message: 'Transaction rejected' } }),
  E(true, '-32003', 'Transaction rejected', false),
);
add(
  'eip1474-resource-unavailable',
  'jsonrpc:ethereum',
  EIP,
  post('https://eth.example.org/', {
    jsonrpc: '2.0',
    method: 'eth_getBlockByNumber',
    params: ['0x1b4', true],
    id: 1337,
  }),
  jsonResp(200, { id: 1337, jsonrpc: '2.0', error: { code: -32002, message: 'Resource unavailable' } }),
  E(true, '-32002', 'Resource unavailable'),
);

const ALCHEMY = 'https://docs.alchemy.com/reference/throughput';
const alchemyUrl = 'https://eth-mainnet.g.alchemy.com/v2/demo';
add(
  'alchemy-429-cups',
  'jsonrpc:alchemy',
  ALCHEMY,
  post(alchemyUrl, { jsonrpc: '2.0', method: 'eth_blockNumber', params: [], id: 1 }),
  jsonResp(429, {
    jsonrpc: '2.0',
    id: 1,
    error: {
      code: 429,
      message:
        'Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput',
    },
  }),
  E(true, '429', 'exceeded its compute units per second capacity', true),
);
add(
  'alchemy-getlogs-range',
  'jsonrpc:alchemy',
  'https://docs.alchemy.com/reference/eth-getlogs',
  post(alchemyUrl, { jsonrpc: '2.0', method: 'eth_getLogs', params: [{ fromBlock: '0x0', toBlock: 'latest' }], id: 1 }),
  jsonResp(400, {
    jsonrpc: '2.0',
    id: 1,
    error: {
      code: -32602,
      message:
        'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters and the response size limit, this block range should work: [0x0, 0x2f8d5c]',
    },
  }),
  E(true, '-32602', 'Log response size exceeded', false),
);

add(
  'quicknode-request-limit',
  'jsonrpc:quicknode',
  'https://www.quicknode.com/docs/ethereum/error-references',
  post('https://docs-demo.quiknode.pro/', { jsonrpc: '2.0', method: 'eth_blockNumber', params: [], id: 1 }),
  jsonResp(429, {
    jsonrpc: '2.0',
    id: 1,
    error: {
      code: -32007,
      message: '15/second request limit reached - reduce calls per second or upgrade your account at quicknode.com',
    },
  }),
  E(true, '-32007', 'request limit reached', true),
);

const GETH = 'https://github.com/ethereum/go-ethereum/blob/master/internal/ethapi/errors.go';
const gethUrl = 'http://localhost:8545/';
add(
  'geth-execution-reverted',
  'jsonrpc:geth',
  GETH,
  post(gethUrl, {
    jsonrpc: '2.0',
    method: 'eth_call',
    params: [{ to: '0x6b175474e89094c44da98b954eedeac495271d0f', data: '0xa9059cbb' }, 'latest'],
    id: 7,
  }),
  jsonResp(200, {
    jsonrpc: '2.0',
    id: 7,
    error: {
      code: 3,
      message: 'execution reverted: Dai/insufficient-balance',
      data: '0x08c379a00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000001844616920696e73756666696369656e742d62616c616e63650000000000000000',
    },
  }),
  E(true, '3', 'execution reverted: Dai/insufficient-balance', false),
);
add(
  'geth-nonce-too-low',
  'jsonrpc:geth',
  'https://github.com/ethereum/go-ethereum/blob/master/core/error.go',
  post(gethUrl, { jsonrpc: '2.0', method: 'eth_sendRawTransaction', params: ['0xf86b'], id: 8 }),
  jsonResp(200, {
    jsonrpc: '2.0',
    id: 8,
    error: { code: -32000, message: 'nonce too low: next nonce 12, tx nonce 11' },
  }),
  E(true, '-32000', 'nonce too low', false),
);
add(
  'geth-batch-one-failed',
  'jsonrpc:geth',
  'https://geth.ethereum.org/docs/interacting-with-geth/rpc/batch',
  post(gethUrl, [
    { jsonrpc: '2.0', method: 'eth_chainId', params: [], id: 1 },
    {
      jsonrpc: '2.0',
      method: 'eth_getBalanc',
      params: ['0x407d73d8a49eeb85d32cf465507dd71d507100c1', 'latest'],
      id: 2,
    },
  ]),
  jsonResp(200, [
    { jsonrpc: '2.0', id: 1, result: '0x1' },
    {
      jsonrpc: '2.0',
      id: 2,
      error: { code: -32601, message: 'the method eth_getBalanc does not exist/is not available' },
    },
  ]),
  E(true, '-32601', 'the method eth_getBalanc does not exist', false, {
    operations: [{ index: 1, errorCode: '-32601', message: 'the method eth_getBalanc does not exist' }],
  }),
);

const solUrl = 'https://api.devnet.solana.com';
add(
  'solana-node-behind',
  'jsonrpc:solana',
  'https://github.com/solana-labs/solana/issues/18691',
  post(solUrl, { jsonrpc: '2.0', id: 1, method: 'getHealth' }),
  jsonResp(200, {
    jsonrpc: '2.0',
    error: { code: -32005, message: 'Node is behind by 59093 slots', data: { numSlotsBehind: 59093 } },
    id: 1,
  }),
  E(true, '-32005', 'Node is behind by 59093 slots', true),
);
add(
  'solana-invalid-param',
  'jsonrpc:solana',
  'https://solana.com/docs/rpc#error-responses',
  post('https://api.mainnet-beta.solana.com', {
    jsonrpc: '2.0',
    id: 1,
    method: 'getBalance',
    params: ['not-a-pubkey'],
  }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid param: Invalid' }, id: 1 }),
  E(true, '-32602', 'Invalid param', false),
);
add(
  'solana-slot-skipped',
  'jsonrpc:solana',
  'https://github.com/anza-xyz/agave/blob/master/rpc-client-api/src/custom_error.rs',
  post('https://api.mainnet-beta.solana.com', { jsonrpc: '2.0', id: 1, method: 'getBlock', params: [166974442] }),
  jsonResp(200, {
    jsonrpc: '2.0',
    error: { code: -32007, message: 'Slot 166974442 was skipped, or missing due to ledger jump to recent snapshot' },
    id: 1,
  }),
  E(true, '-32007', 'was skipped, or missing due to ledger jump', false),
);

const BTC = 'https://github.com/bitcoin/bitcoin/blob/master/src/httprpc.cc';
const btcUrl = 'http://127.0.0.1:8332/';
add(
  'bitcoind-500-height-out-of-range',
  'jsonrpc:bitcoin-core',
  BTC,
  post(
    btcUrl,
    { jsonrpc: '1.0', id: 'curltest', method: 'getblockhash', params: [99999999] },
    { 'content-type': 'text/plain' },
  ),
  jsonResp(500, { result: null, error: { code: -8, message: 'Block height out of range' }, id: 'curltest' }),
  E(true, '-8', 'Block height out of range', false),
);
add(
  'bitcoind-404-method-not-found',
  'jsonrpc:bitcoin-core',
  BTC,
  post(
    btcUrl,
    { jsonrpc: '1.0', id: 'curltest', method: 'getblockcont', params: [] },
    { 'content-type': 'text/plain' },
  ),
  jsonResp(404, { result: null, error: { code: -32601, message: 'Method not found' }, id: 'curltest' }),
  E(true, '-32601', 'Method not found', false),
);
add(
  'bitcoind-warmup',
  'jsonrpc:bitcoin-core',
  'https://github.com/bitcoin/bitcoin/blob/master/src/rpc/protocol.h',
  post(
    btcUrl,
    { jsonrpc: '1.0', id: 'curltest', method: 'getblockchaininfo', params: [] },
    { 'content-type': 'text/plain' },
  ),
  jsonResp(500, { result: null, error: { code: -28, message: 'Loading block index…' }, id: 'curltest' }),
  E(true, '-28', 'Loading block index', true),
);
add(
  'bitcoind-v2-wallet-not-found',
  'jsonrpc:bitcoin-core',
  BTC,
  post(btcUrl + 'wallet/missing', { jsonrpc: '2.0', id: 2, method: 'getbalance', params: [] }),
  jsonResp(200, {
    jsonrpc: '2.0',
    error: { code: -18, message: 'Requested wallet does not exist or is not loaded' },
    id: 2,
  }),
  E(true, '-18', 'Requested wallet does not exist or is not loaded', false),
);

add(
  'bitcoind-success-error-null',
  'jsonrpc:bitcoin-core',
  'https://github.com/bitcoin/bitcoin/blob/master/src/rpc/request.cc',
  post(
    btcUrl,
    { jsonrpc: '1.0', id: 'curltest', method: 'getblockcount', params: [] },
    { 'content-type': 'text/plain' },
  ),
  jsonResp(200, { result: 840000, error: null, id: 'curltest' }),
  { failure: false },
);

const ARIA = 'https://github.com/aria2/aria2/blob/master/src/RpcMethodImpl.cc';
add(
  'aria2-gid-not-found',
  'jsonrpc:aria2',
  ARIA,
  post('http://localhost:6800/jsonrpc', {
    jsonrpc: '2.0',
    id: 'qwer',
    method: 'aria2.tellStatus',
    params: ['token:secret', '2089b05ecca3d829'],
  }),
  jsonResp(400, { id: 'qwer', jsonrpc: '2.0', error: { code: 1, message: 'GID 2089b05ecca3d829 is not found' } }),
  E(true, '1', 'GID 2089b05ecca3d829 is not found', false),
);
add(
  'aria2-unauthorized',
  'jsonrpc:aria2',
  'https://github.com/aria2/aria2/blob/master/src/RpcMethod.cc',
  post('http://localhost:6800/jsonrpc', {
    jsonrpc: '2.0',
    id: 'qwer',
    method: 'aria2.getVersion',
    params: ['token:wrong'],
  }),
  jsonResp(400, { id: 'qwer', jsonrpc: '2.0', error: { code: 1, message: 'Unauthorized' } }),
  E(true, '1', 'Unauthorized', false),
);

const ODOO = 'https://www.odoo.com/documentation/17.0/developer/howtos/web_services.html';
add(
  'odoo-access-denied',
  'jsonrpc:odoo',
  ODOO,
  post('https://demo.odoo.com/jsonrpc', {
    jsonrpc: '2.0',
    method: 'call',
    params: { service: 'common', method: 'login', args: ['demo', 'admin', 'wrong'] },
    id: 3,
  }),
  jsonResp(200, {
    jsonrpc: '2.0',
    id: 3,
    error: {
      code: 200,
      message: 'Odoo Server Error',
      data: {
        name: 'odoo.exceptions.AccessDenied',
        debug:
          'Traceback (most recent call last):\n  File "/odoo/http.py", line 1589, in _serve_db\nodoo.exceptions.AccessDenied: Access Denied\n',
        message: 'Access Denied',
        arguments: ['Access Denied'],
        context: {},
      },
    },
  }),
  E(true, '200', 'Access Denied', false),
);
add(
  'odoo-session-expired',
  'jsonrpc:odoo',
  'https://github.com/odoo/odoo/blob/17.0/odoo/http.py',
  post('https://demo.odoo.com/web/dataset/call_kw', {
    jsonrpc: '2.0',
    method: 'call',
    params: { model: 'res.partner', method: 'search_read', args: [], kwargs: {} },
    id: 4,
  }),
  jsonResp(200, {
    jsonrpc: '2.0',
    id: 4,
    error: {
      code: 100,
      message: 'Odoo Session Expired',
      data: {
        name: 'odoo.http.SessionExpiredException',
        debug: 'Traceback (most recent call last):\nodoo.http.SessionExpiredException: Session expired\n',
        message: 'Session expired',
        arguments: ['Session expired'],
        context: {},
      },
    },
  }),
  E(true, '100', 'Session expired', false),
);

const ZBX = 'https://www.zabbix.com/documentation/current/en/manual/api#error-handling';
const zbxUrl = 'https://zabbix.example.com/zabbix/api_jsonrpc.php';
add(
  'zabbix-invalid-params',
  'jsonrpc:zabbix',
  ZBX,
  post(
    zbxUrl,
    {
      jsonrpc: '2.0',
      method: 'host.create',
      params: {
        host: 'Linux server',
        interfaces: [{ type: 1, main: 1, useip: 1, ip: '192.168.3.1', dns: '', port: 10050 }],
      },
      id: 7,
    },
    { 'content-type': 'application/json-rpc' },
  ),
  jsonResp(200, {
    jsonrpc: '2.0',
    error: { code: -32602, message: 'Invalid params.', data: 'No groups for host "Linux server".' },
    id: 7,
  }),
  E(true, '-32602', 'No groups for host', false),
);
add(
  'zabbix-not-authorised',
  'jsonrpc:zabbix',
  'https://github.com/grafana/grafana-zabbix/issues/1717',
  post(
    zbxUrl,
    { jsonrpc: '2.0', method: 'problem.get', params: { output: 'extend' }, id: 2 },
    { 'content-type': 'application/json-rpc' },
  ),
  jsonResp(200, {
    jsonrpc: '2.0',
    error: {
      code: -32602,
      message: 'Invalid params.',
      data: 'Invalid parameter "/output/2": value must be one of "proxyid", "name", "operating_mode", "description".',
    },
    id: 2,
  }),
  E(true, '-32602', 'Invalid parameter "/output/2"', false),
);

const KODI = 'https://kodi.wiki/view/JSON-RPC_API#Error_codes';
add(
  'kodi-method-not-found',
  'jsonrpc:kodi',
  KODI,
  post('http://192.168.1.20:8080/jsonrpc', { jsonrpc: '2.0', method: 'Player.GetActivePlayer', id: 1 }),
  jsonResp(200, { error: { code: -32601, message: 'Method not found.' }, id: 1, jsonrpc: '2.0' }),
  E(true, '-32601', 'Method not found.', false),
);
add(
  'kodi-invalid-params',
  'jsonrpc:kodi',
  'https://kodi.wiki/view/JSON-RPC_API/v12',
  post('http://192.168.1.20:8080/jsonrpc', {
    jsonrpc: '2.0',
    method: 'Player.Open',
    params: { item: { file: 42 } },
    id: 1,
  }),
  jsonResp(200, {
    error: {
      code: -32602,
      data: {
        method: 'Player.Open',
        stack: {
          message: 'Received value does not match any of the union type definitions',
          name: 'item',
          type: 'object',
        },
      },
      message: 'Invalid params.',
    },
    id: 1,
    jsonrpc: '2.0',
  }),
  E(true, '-32602', 'Invalid params.', false),
);

const MCP =
  'https://github.com/modelcontextprotocol/typescript-sdk/blob/3924de99df834302d89f5997a1b64ca268282284/packages/server/src/server/streamableHttp.ts';
add(
  'mcp-session-id-required',
  'jsonrpc:mcp-typescript-sdk',
  MCP,
  post(
    'https://mcp.example.com/mcp',
    { jsonrpc: '2.0', method: 'tools/list', id: 2 },
    { accept: 'application/json, text/event-stream' },
  ),
  jsonResp(400, {
    jsonrpc: '2.0',
    error: { code: -32000, message: 'Bad Request: Mcp-Session-Id header is required' },
    id: null,
  }),
  E(true, '-32000', 'Mcp-Session-Id header is required', false),
);
add(
  'mcp-session-not-found',
  'jsonrpc:mcp-typescript-sdk',
  MCP,
  post(
    'https://mcp.example.com/mcp',
    { jsonrpc: '2.0', method: 'tools/call', id: 3, params: { name: 'search' } },
    { accept: 'application/json, text/event-stream', 'mcp-session-id': '1868a90c-3b0e-4b4e-9c38-5d2b8e1b6f0a' },
  ),
  jsonResp(404, { jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }),
  E(true, '-32001', 'Session not found', false),
);
add(
  'mcp-not-acceptable',
  'jsonrpc:mcp-typescript-sdk',
  MCP,
  post(
    'https://mcp.example.com/mcp',
    { jsonrpc: '2.0', method: 'initialize', id: 1, params: {} },
    { accept: 'application/json' },
  ),
  jsonResp(406, {
    jsonrpc: '2.0',
    error: { code: -32000, message: 'Not Acceptable: Client must accept both application/json and text/event-stream' },
    id: null,
  }),
  E(true, '-32000', 'Client must accept both application/json and text/event-stream', false),
);

add(
  'besu-invalid-params-200',
  'jsonrpc:besu',
  'https://github.com/besu-eth/besu/pull/4967',
  post('http://localhost:8545/', { jsonrpc: '2.0', method: 'eth_getBalance', params: ['0xzz', 'latest'], id: 1 }),
  jsonResp(200, { jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'Invalid params' } }),
  E(true, '-32602', 'Invalid params', false),
);
add(
  'laminas-json-invalid-params',
  'jsonrpc:laminas-json',
  'https://github.com/laminas/laminas-json/issues/5',
  post('https://api.example.com/json-rpc', { jsonrpc: '2.0', method: 'pets.create', params: { name: 'Rex' }, id: '8' }),
  jsonResp(
    200,
    '{\n    "error":{\n        "code":-32602,\n        "message":"Invalid params",\n        "data":null\n    },\n    "id":"8",\n    "jsonrpc":"2.0"\n}',
  ),
  E(true, '-32602', 'Invalid params', false),
);
add(
  'aria2-xmlrpc-fault',
  'xmlrpc:aria2',
  'https://github.com/aria2/aria2/blob/master/doc/manual-src/en/aria2c.rst',
  {
    method: 'POST',
    url: 'http://localhost:6800/rpc',
    headers: { 'content-type': 'text/xml' },
    body: '<?xml version="1.0"?><methodCall><methodName>aria2.remove</methodName><params><param><value><string>2089b05ecca3d829</string></value></param></params></methodCall>',
  },
  {
    status: 400,
    headers: { 'content-type': 'text/xml' },
    body: '<?xml version="1.0" encoding="UTF-8"?>\n<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>1</int></value></member><member><name>faultString</name><value><string>GID 2089b05ecca3d829 is not found</string></value></member></struct></value></fault></methodResponse>',
  },
  E(true, '1', 'GID 2089b05ecca3d829 is not found', false),
);

const STARK = 'https://github.com/starkware-libs/starknet-specs/blob/master/api/starknet_api_openrpc.json';
add(
  'starknet-contract-not-found',
  'jsonrpc:starknet',
  STARK,
  post('https://starknet-mainnet.public.blastapi.io/rpc/v0_7', {
    jsonrpc: '2.0',
    method: 'starknet_getClassAt',
    params: ['latest', '0x0123'],
    id: 0,
  }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: 20, message: 'Contract not found' }, id: 0 }),
  E(true, '20', 'Contract not found', false),
);
add(
  'starknet-block-not-found',
  'jsonrpc:starknet',
  STARK,
  post('https://starknet-mainnet.public.blastapi.io/rpc/v0_7', {
    jsonrpc: '2.0',
    method: 'starknet_getBlockWithTxHashes',
    params: [{ block_number: 99999999 }],
    id: 0,
  }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: 24, message: 'Block not found' }, id: 0 }),
  E(true, '24', 'Block not found', false),
);

// ---------- tRPC ----------
// Error shape: {error: {message, code (JSON-RPC number), data: {code, httpStatus, path, stack?}}};
// with the superjson transformer the error object sits under error.json. A TRPCError without a
// message carries its code as the message (errors.test.ts 'unauthorized()').
const TRPC_DOCS = 'https://trpc.io/docs/server/error-handling';
const TRPC_TESTS =
  'https://github.com/trpc/trpc/blob/012fea3c75e010c6f95ece5c29baa43366400044/packages/tests/server/errors.test.ts';
const TRPC_CODES =
  'https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/rpc/codes.ts';
const trpcErr = (message, num, code, httpStatus, path, extra = {}) => ({
  message,
  code: num,
  data: { code, httpStatus, path, ...extra },
});
add(
  'trpc-docs-bad-request',
  'trpc:docs',
  TRPC_DOCS,
  post('https://app.example.com/api/trpc/user.changepassword', { password: 'abc' }),
  jsonResp(400, {
    id: null,
    error: {
      message: '"password" must be at least 4 characters',
      code: -32600,
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        stack: 'Error: "password" must be at least 4 characters\n    at ...',
        path: 'user.changepassword',
      },
    },
  }),
  E(true, 'BAD_REQUEST', '"password" must be at least 4 characters', false),
);
add(
  'trpc-test-internal-woop',
  'trpc:trpc',
  TRPC_TESTS,
  get('http://localhost:3000/err'),
  jsonResp(500, { error: trpcErr('woop', -32603, 'INTERNAL_SERVER_ERROR', 500, 'err') }),
  E(true, 'INTERNAL_SERVER_ERROR', 'woop'),
);
add(
  'trpc-test-input-error',
  'trpc:trpc',
  TRPC_TESTS,
  post('http://localhost:3000/err', '1'),
  jsonResp(400, {
    error: trpcErr(
      '[\n  {\n    "code": "invalid_type",\n    "expected": "string",\n    "received": "number",\n    "path": [],\n    "message": "Expected string, received number"\n  }\n]',
      -32600,
      'BAD_REQUEST',
      400,
      'err',
    ),
  }),
  E(true, 'BAD_REQUEST', 'Expected string, received number', false),
);
add(
  'trpc-test-unauthorized-default-message',
  'trpc:trpc',
  TRPC_TESTS,
  get('http://localhost:3000/err'),
  jsonResp(401, { error: trpcErr('UNAUTHORIZED', -32001, 'UNAUTHORIZED', 401, 'err') }),
  E(true, 'UNAUTHORIZED', 'UNAUTHORIZED', false),
);
add(
  'trpc-test-no-procedure',
  'trpc:trpc',
  TRPC_TESTS,
  get('http://localhost:3000/toString'),
  jsonResp(404, { error: trpcErr('No "query"-procedure on path "toString"', -32004, 'NOT_FOUND', 404, 'toString') }),
  E(true, 'NOT_FOUND', 'No "query"-procedure on path "toString"', false),
);
add(
  'trpc-test-zod-formatter',
  'trpc:trpc',
  TRPC_TESTS,
  post('http://localhost:3000/err', '1'),
  jsonResp(400, {
    error: {
      code: -32600,
      message:
        '[\n  {\n    "code": "invalid_type",\n    "expected": "string",\n    "received": "number",\n    "path": [],\n    "message": "Expected string, received number"\n  }\n]',
      data: {
        code: 'BAD_REQUEST',
        errors: [
          {
            code: 'invalid_type',
            expected: 'string',
            message: 'Expected string, received number',
            path: [],
            received: 'number',
          },
        ],
        httpStatus: 400,
        path: 'err',
        type: 'zod',
      },
    },
  }),
  E(true, 'BAD_REQUEST', 'Expected string, received number', false),
);
// Codes without a message: the message is the code (see TRPC_TESTS); statuses from codes.ts.
for (const [code, num, http, retry] of [
  ['FORBIDDEN', -32003, 403, false],
  ['TOO_MANY_REQUESTS', -32029, 429, true],
  ['CONFLICT', -32009, 409, undefined],
  ['PAYLOAD_TOO_LARGE', -32013, 413, false],
  ['SERVICE_UNAVAILABLE', -32603, 503, true],
]) {
  add(
    `trpc-superjson-${code.toLowerCase().replace(/_/g, '-')}`,
    'trpc:trpc',
    TRPC_CODES,
    get('https://app.example.com/api/trpc/post.byId?input=' + encodeURIComponent(J({ json: { id: 'cl9x0ajn00000' } }))),
    jsonResp(http, { error: { json: trpcErr(code, num, code, http, 'post.byId') } }),
    E(true, code, code, retry),
  );
}
const TRPC_BATCH = 'https://trpc.io/docs/client/links/httpBatchLink';
add(
  'trpc-batch-207-mixed',
  'trpc:trpc',
  TRPC_BATCH,
  get(
    'https://app.example.com/api/trpc/post.list,post.byId?batch=1&input=' +
      encodeURIComponent(J({ 0: {}, 1: { id: 'missing' } })),
  ),
  jsonResp(207, [
    { result: { data: [{ id: 'a1', title: 'Hello' }] } },
    { error: trpcErr('NOT_FOUND', -32004, 'NOT_FOUND', 404, 'post.byId') },
  ]),
  E(true, 'NOT_FOUND', 'NOT_FOUND', false, {
    operations: [{ index: 1, errorCode: 'NOT_FOUND', message: 'NOT_FOUND' }],
  }),
);
add(
  'trpc-batch-superjson-all-failed',
  'trpc:trpc',
  TRPC_BATCH,
  get(
    'https://app.example.com/api/trpc/viewer.me,viewer.teams?batch=1&input=' +
      encodeURIComponent(J({ 0: { json: null }, 1: { json: null } })),
  ),
  jsonResp(401, [
    { error: { json: trpcErr('UNAUTHORIZED', -32001, 'UNAUTHORIZED', 401, 'viewer.me') } },
    { error: { json: trpcErr('UNAUTHORIZED', -32001, 'UNAUTHORIZED', 401, 'viewer.teams') } },
  ]),
  E(true, 'UNAUTHORIZED', 'UNAUTHORIZED', false, {
    operations: [
      { index: 0, errorCode: 'UNAUTHORIZED', message: 'UNAUTHORIZED' },
      { index: 1, errorCode: 'UNAUTHORIZED', message: 'UNAUTHORIZED' },
    ],
  }),
);
add(
  'trpc-batch-success',
  'trpc:trpc',
  TRPC_BATCH,
  get('https://app.example.com/api/trpc/post.list,user.me?batch=1&input=%7B%7D'),
  jsonResp(200, [
    { result: { data: { json: [] } } },
    { result: { data: { json: { id: 'u1', name: null, error: null } } } },
  ]),
  { failure: false },
);
add(
  'trpc-v11-method-not-supported',
  'trpc:trpc',
  TRPC_CODES,
  post('https://app.example.com/api/trpc/post.list', {}),
  jsonResp(405, {
    error: trpcErr(
      'Unsupported POST-request to query procedure at path "post.list"',
      -32005,
      'METHOD_NOT_SUPPORTED',
      405,
      'post.list',
    ),
  }),
  E(true, 'METHOD_NOT_SUPPORTED', 'Unsupported POST-request to query procedure', false),
);

// ---------- gRPC-web ----------
// A gRPC-web body is a sequence of frames: 1 flag byte (0x00 data, 0x80 trailers), a 4-byte
// big-endian length, then the payload; trailers are "name:value\r\n" lines (PROTOCOL-WEB.md).
const frame = (flag, payload) => {
  const p = Buffer.from(payload);
  const h = Buffer.alloc(5);
  h[0] = flag;
  h.writeUInt32BE(p.length, 1);
  return Buffer.concat([h, p]);
};
const GRPC_WEB_TESTS =
  'https://github.com/grpc/grpc-web/blob/f89434a850557d9e57ee7166b6c8977090ff9d65/packages/grpc-web/test/generated_code_test.js';
const grpcReq = (url, text = false, body = 'AAAAAAUKA2FhYQ==') => ({
  method: 'POST',
  url,
  headers: {
    'content-type': text ? 'application/grpc-web-text' : 'application/grpc-web+proto',
    'x-grpc-web': '1',
    'x-user-agent': 'grpc-web-javascript/0.1',
  },
  ...(text ? { body } : {}),
});
const trailersOnly = (status, grpcStatus, grpcMessage, extra = {}, ct = 'application/grpc-web+proto') => ({
  status,
  headers: {
    'content-type': ct,
    'grpc-status': String(grpcStatus),
    ...(grpcMessage != null ? { 'grpc-message': grpcMessage } : {}),
    ...extra,
  },
  body: '',
});
const b64Resp = (buf, ct = 'application/grpc-web+proto', headers = {}) => ({
  status: 200,
  headers: { 'content-type': ct, ...headers },
  body: buf.toString('base64'),
  bodyEncoding: 'base64',
});
const textResp = (b64, ct = 'application/grpc-web-text') => ({
  status: 200,
  headers: { 'content-type': ct },
  body: b64,
});

add(
  'envoy-grpcweb-no-healthy-upstream',
  'grpc-web:envoy',
  'https://github.com/kubeflow/pipelines/issues/3500',
  grpcReq('http://localhost:8080/ml_metadata.MetadataStoreService/GetArtifactTypes'),
  trailersOnly(200, 14, 'no healthy upstream', {
    'x-powered-by': 'Express',
    'access-control-allow-origin': 'http://localhost:8080',
    'access-control-expose-headers': 'custom-header-1,grpc-status,grpc-message',
    date: 'Mon, 13 Apr 2020 09:47:41 GMT',
    server: 'envoy',
    connection: 'close',
    'content-length': '0',
  }),
  E(true, 'UNAVAILABLE', 'no healthy upstream', true),
);
add(
  'envoy-grpcweb-upstream-connect-error',
  'grpc-web:envoy',
  'https://github.com/grpc/grpc-web/issues/1068',
  grpcReq('http://localhost:8080/helloworld.Greeter/SayHello'),
  trailersOnly(200, 14, 'upstream connect error or disconnect/reset before headers. reset reason: connection failure', {
    server: 'envoy',
    'content-length': '0',
  }),
  E(true, 'UNAVAILABLE', 'upstream connect error or disconnect/reset before headers', true),
);
add(
  'envoy-grpcweb-upstream-timeout-unavailable',
  'grpc-web:envoy',
  'https://github.com/envoyproxy/envoy/issues/17697',
  grpcReq('https://api.example.com/stream.v1.Feed/Subscribe'),
  trailersOnly(200, 14, 'upstream request timeout', { server: 'envoy', 'content-length': '0' }),
  E(true, 'UNAVAILABLE', 'upstream request timeout', true),
);
add(
  'envoy-grpcweb-upstream-timeout-deadline',
  'grpc-web:envoy',
  'https://github.com/envoyproxy/envoy/pull/44479',
  grpcReq('https://api.example.com/report.v1.Reports/Generate'),
  trailersOnly(200, 4, 'upstream request timeout', { server: 'envoy', 'content-length': '0' }),
  E(true, 'DEADLINE_EXCEEDED', 'upstream request timeout'),
);
add(
  'envoy-grpcweb-nonstandard-status',
  'grpc-web:envoy',
  'https://github.com/improbable-eng/grpc-web/issues/388',
  grpcReq('https://api.example.com/auth.v1.Auth/Login'),
  trailersOnly(200, 100, 'Wrong password', {
    'content-length': '0',
    date: 'Sun, 14 Apr 2019 19:54:42 GMT',
    server: 'envoy',
    'x-envoy-upstream-service-time': '88',
  }),
  { failure: true, message: 'Wrong password', errorId: null, retryAfterSeconds: null },
);
add(
  'improbable-grpcwebproxy-status-103',
  'grpc-web:improbable-eng',
  'https://github.com/improbable-eng/grpc-web/issues/388',
  grpcReq('https://api.example.com/auth.v1.Auth/Register'),
  trailersOnly(
    200,
    103,
    'Email is not valid',
    {
      'access-control-allow-credentials': 'true',
      'access-control-allow-origin': 'http://localhost:3000',
      'access-control-expose-headers':
        'Vary, Access-Control-Allow-Origin, Access-Control-Allow-Credentials, Grpc-Message, Content-Type, Grpc-Status',
      date: 'Sun, 14 Apr 2019 19:15:26 GMT',
      vary: 'Origin',
    },
    'application/grpc',
  ),
  { failure: true, message: 'Email is not valid', errorId: null, retryAfterSeconds: null },
);
add(
  'grpcweb-percent-encoded-emoji',
  'grpc-web:grpc-web',
  'https://github.com/grpc/grpc-web/issues/425',
  grpcReq('https://api.example.com/echo.EchoService/Echo', true),
  trailersOnly(200, 11, 'emoji error: %F0%9F%98%80', { 'content-length': '0' }, 'application/grpc-web-text'),
  E(true, 'OUT_OF_RANGE', 'emoji error: 😀', false),
);
add(
  'grpcweb-text-trailer-aborted',
  'grpc-web:grpc-web',
  GRPC_WEB_TESTS,
  grpcReq('http://MyHostname/grpc.gateway.testing.EchoService/Echo', true),
  textResp('gAAAABBncnBjLXN0YXR1czoxMA0K'),
  E(true, 'ABORTED', null),
);
add(
  'grpcweb-text-data-then-unknown',
  'grpc-web:grpc-web',
  GRPC_WEB_TESTS,
  grpcReq('http://MyHostname/grpc.gateway.testing.EchoService/Echo', true),
  textResp('AAAAAAUKA2FhYYAAAAAkZ3JwYy1zdGF0dXM6IDINCngtY3VzdG9tLTE6IGFiYWJhYg0K'),
  E(true, 'UNKNOWN', null),
);
add(
  'grpcweb-text-data-then-ok',
  'grpc-web:grpc-web',
  GRPC_WEB_TESTS,
  grpcReq('http://MyHostname/grpc.gateway.testing.EchoService/Echo', true),
  textResp('AAAAAAUKA2FhYYAAAAAkZ3JwYy1zdGF0dXM6IDANCngtY3VzdG9tLTE6IGFiYWJhYg0K'),
  { failure: false },
);
add(
  'grpcweb-header-status-some-error',
  'grpc-web:grpc-web',
  GRPC_WEB_TESTS,
  grpcReq('http://MyHostname/grpc.gateway.testing.EchoService/Echo', true),
  trailersOnly(200, 2, 'some error', {}, 'application/grpc-web-text'),
  E(true, 'UNKNOWN', 'some error'),
);
add(
  'grpcweb-binary-trailer-invalid-argument',
  'grpc-web:grpc-web',
  'https://github.com/grpc/grpc-web/blob/f89434a850557d9e57ee7166b6c8977090ff9d65/javascript/net/grpc/web/grpcwebclientbase_test.js',
  grpcReq('http://localhost/urlurl'),
  b64Resp(Buffer.from([128, 0, 0, 0, 14, 103, 114, 112, 99, 45, 115, 116, 97, 116, 117, 115, 58, 32, 51])),
  E(true, 'INVALID_ARGUMENT', null, false),
);
add(
  'grpcweb-proxy-test-ok',
  'grpc-web:grpc-web',
  'https://github.com/grpc/grpc-web/blob/f89434a850557d9e57ee7166b6c8977090ff9d65/scripts/test-proxy.sh',
  grpcReq('http://localhost:8080/grpc.gateway.testing.EchoService/Echo', false, 'AAAAAAcKBWhlbGxv'),
  b64Resp(
    Buffer.concat([
      frame(0, Buffer.from([0x0a, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f])),
      frame(0x80, 'grpc-status:0\r\ngrpc-message:\r\n'),
    ]),
  ),
  { failure: false },
);
add(
  'grpcweb-binary-trailer-not-found-message',
  'grpc-web:grpc-spec',
  'https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md',
  grpcReq('https://api.example.com/grpc.gateway.testing.EchoService/Echo'),
  b64Resp(frame(0x80, 'grpc-status:5\r\ngrpc-message:some error\r\n')),
  E(true, 'NOT_FOUND', 'some error', false),
);

add(
  'hedera-grpcweb-proxy-503-no-status',
  'grpc-web:hedera',
  'https://github.com/hiero-ledger/hiero-sdk-js/issues/1363',
  grpcReq('https://testnet.mirrornode.hedera.com/proto.CryptoService/cryptoTransfer'),
  { status: 503, headers: { 'content-type': 'text/plain', 'content-length': '0' }, body: '' },
  { failure: true, message: null, errorId: null, retryable: true, retryAfterSeconds: null },
);

// ---------- Connect ----------
const CONNECT =
  'https://github.com/connectrpc/connectrpc.com/blob/12f7ad8e95c5f784700bc280708b27cd148d0cf1/src/content/docs/docs/protocol.md';
const connectReq = (url, body = { name: 'Buf' }) => post(url, body, { 'connect-protocol-version': '1' });
const envelope = (flags, text) => frame(flags, text);
add(
  'connect-unary-unimplemented',
  'connect:buf',
  CONNECT,
  {
    method: 'POST',
    url: 'https://demo.connectrpc.com/connectrpc.greet.v1.GreetService/Greet',
    headers: { 'content-type': 'application/proto' },
  },
  jsonResp(
    501,
    '{\n  "code": "unimplemented",\n  "message": "connectrpc.greet.v1.GreetService/Greet is not implemented"\n}',
  ),
  E(true, 'unimplemented', 'connectrpc.greet.v1.GreetService/Greet is not implemented', false),
);
add(
  'connect-unary-retryinfo',
  'connect:buf',
  CONNECT,
  connectReq('https://demo.connectrpc.com/connectrpc.greet.v1.GreetService/Greet'),
  jsonResp(503, {
    code: 'unavailable',
    message: 'overloaded: back off and retry',
    details: [{ type: 'google.rpc.RetryInfo', value: 'CgIIPA', debug: { retryDelay: '30s' } }],
  }),
  // The doc's RetryInfo value "CgIIPA" decodes to 60 s while its debug copy says 30s, so the wait is left unclaimed.
  (({ retryAfterSeconds, ...e }) => e)(E(true, 'unavailable', 'overloaded: back off and retry', true)),
);
add(
  'connect-unary-code-only',
  'connect:buf',
  CONNECT,
  connectReq('https://demo.connectrpc.com/connectrpc.greet.v1.GreetService/Greet'),
  jsonResp(503, '{\n  "code": "unavailable"\n}'),
  E(true, 'unavailable', null, true),
);
add(
  'connect-stream-end-error',
  'connect:buf',
  CONNECT,
  {
    method: 'POST',
    url: 'https://demo.connectrpc.com/connectrpc.greet.v1.GreetService/GreetIndividuals',
    headers: { 'content-type': 'application/connect+proto' },
  },
  b64Resp(envelope(2, '{"error": {"code": "unavailable", "message": "overloaded"}}'), 'application/connect+proto'),
  E(true, 'unavailable', 'overloaded', true),
);
add(
  'connect-stream-end-ok',
  'connect:buf',
  CONNECT,
  {
    method: 'POST',
    url: 'https://demo.connectrpc.com/connectrpc.greet.v1.GreetService/GreetEveryone',
    headers: { 'content-type': 'application/connect+json' },
  },
  b64Resp(
    Buffer.concat([envelope(0, '{"greeting": "Hello, Buf and Connect!"}'), envelope(2, '{}')]),
    'application/connect+json',
  ),
  { failure: false },
);
add(
  'connect-stream-end-metadata',
  'connect:buf',
  CONNECT,
  {
    method: 'POST',
    url: 'https://demo.connectrpc.com/connectrpc.greet.v1.GreetService/GreetIndividuals',
    headers: { 'content-type': 'application/connect+json' },
  },
  b64Resp(
    Buffer.concat([
      envelope(0, '{"greeting": "Hello, Buf!"}'),
      envelope(2, J({ error: { code: 'unavailable' }, metadata: { 'acme-operation-cost': ['237'] } })),
    ]),
    'application/connect+json',
  ),
  E(true, 'unavailable', null, true),
);
add(
  'connect-go-invalid-argument',
  'connect:connect-go',
  'https://github.com/connectrpc/connectrpc.com/blob/12f7ad8e95c5f784700bc280708b27cd148d0cf1/src/content/docs/docs/go/errors.md',
  connectReq('https://api.example.com/example.v1.ExampleService/Upload', { data: '' }),
  jsonResp(400, '{\n  "code": "invalid_argument",\n  "message": "data cannot be empty"\n}'),
  E(true, 'invalid_argument', 'data cannot be empty', false),
);
add(
  'connect-es-invalid-argument',
  'connect:connect-es',
  'https://github.com/connectrpc/connectrpc.com/blob/12f7ad8e95c5f784700bc280708b27cd148d0cf1/src/content/docs/docs/web/errors.mdx',
  connectReq('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Say', { sentence: '' }),
  jsonResp(400, '{\n  "code": "invalid_argument",\n  "message": "sentence cannot be empty"\n}'),
  E(true, 'invalid_argument', 'sentence cannot be empty', false),
);

// ---------- Twirp ----------
const TWIRP_SPEC = 'https://github.com/twitchtv/twirp/blob/b72d7e93115044999ca566bb788a2309381b30e3/docs/spec_v7.md';
const TWIRP_ERRORS = 'https://github.com/twitchtv/twirp/blob/b72d7e93115044999ca566bb788a2309381b30e3/docs/errors.md';
const hat = (m) => post('http://localhost:8080/twirp/twitch.twirp.example.Haberdasher/' + m, { inches: -1 });
add(
  'twirp-spec-internal',
  'twirp:twitchtv',
  TWIRP_SPEC,
  hat('MakeHat'),
  jsonResp(500, '{\n  "code": "internal",\n  "msg": "Something went wrong"\n}'),
  E(true, 'internal', 'Something went wrong'),
);
add(
  'twirp-spec-permission-denied-meta',
  'twirp:twitchtv',
  TWIRP_SPEC,
  hat('MakeHat'),
  jsonResp(403, { code: 'permission_denied', msg: 'Thou shall not pass', meta: { target: 'Balrog', power: '999' } }),
  E(true, 'permission_denied', 'Thou shall not pass', false),
);
add(
  'twirp-errors-unavailable-retry-after',
  'twirp:twitchtv',
  TWIRP_ERRORS,
  hat('MakeHat'),
  jsonResp(503, { code: 'unavailable', msg: 'taking a nap ...', meta: { retryable: 'true', retry_after: '15s' } }),
  E(true, 'unavailable', 'taking a nap ...', true, { retryAfterSeconds: 15 }),
);
add(
  'twirp-example-invalid-argument',
  'twirp:twitchtv',
  'https://github.com/twitchtv/twirp/blob/b72d7e93115044999ca566bb788a2309381b30e3/example/cmd/server/main.go',
  hat('MakeHat'),
  jsonResp(400, {
    code: 'invalid_argument',
    msg: "Inches I can't make a hat that small!",
    meta: { argument: 'Inches' },
  }),
  E(true, 'invalid_argument', "Inches I can't make a hat that small!", false),
);
add(
  'twirp-example-bad-route',
  'twirp:twitchtv',
  'https://github.com/twitchtv/twirp/blob/b72d7e93115044999ca566bb788a2309381b30e3/example/service.twirp.go',
  hat('MakeHats'),
  jsonResp(404, {
    code: 'bad_route',
    msg: 'no handler for path "/twirp/twitch.twirp.example.Haberdasher/MakeHats"',
    meta: { twirp_invalid_route: 'POST /twirp/twitch.twirp.example.Haberdasher/MakeHats' },
  }),
  E(true, 'bad_route', 'no handler for path "/twirp/twitch.twirp.example.Haberdasher/MakeHats"', false),
);
add(
  'twirp-example-bad-method',
  'twirp:twitchtv',
  'https://github.com/twitchtv/twirp/blob/b72d7e93115044999ca566bb788a2309381b30e3/example/service.twirp.go',
  get('http://localhost:8080/twirp/twitch.twirp.example.Haberdasher/MakeHat'),
  jsonResp(404, {
    code: 'bad_route',
    msg: 'unsupported method "GET" (only POST is allowed)',
    meta: { twirp_invalid_route: 'GET /twirp/twitch.twirp.example.Haberdasher/MakeHat' },
  }),
  E(true, 'bad_route', 'unsupported method "GET" (only POST is allowed)', false),
);

// ---------- GraphQL ----------
// errorCode is the first error's extensions.code. Where a server puts its code elsewhere (GitHub
// `type`, AppSync `errorType`, Contentful `extensions.contentful.code`, graphql-java
// `extensions.classification`) the case leaves errorCode out rather than claim either reading.
const omitCode = (e) => {
  const { errorCode, ...rest } = e;
  return rest;
};
const gq = (url, query, headers = {}) => post(url, { query }, headers);
const APOLLO = 'https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes';
add(
  'apollo-unauthenticated',
  'graphql:apollo-server',
  'https://www.apollographql.com/docs/apollo-server/data/errors#setting-http-status-code-and-headers',
  gq('https://api.example.com/graphql', '{ me { id } }'),
  jsonResp(401, {
    errors: [
      {
        message: 'User is not authenticated',
        locations: [{ line: 1, column: 3 }],
        path: ['me'],
        extensions: { code: 'UNAUTHENTICATED' },
      },
    ],
    data: { me: null },
  }),
  E(true, 'UNAUTHENTICATED', 'User is not authenticated', false),
);
add(
  'apollo-validation-failed',
  'graphql:apollo-server',
  APOLLO,
  gq('https://api.example.com/graphql', '{ __typenam }'),
  jsonResp(400, {
    errors: [
      {
        message: 'Cannot query field "__typenam" on type "Query".',
        locations: [{ line: 1, column: 2 }],
        extensions: {
          code: 'GRAPHQL_VALIDATION_FAILED',
          stacktrace: [
            'GraphQLError: Cannot query field "__typenam" on type "Query".',
            '    at Object.Field (/my_project/node_modules/graphql/validation/rules/FieldsOnCorrectTypeRule.js:48:31)',
            '    ...additional lines...',
          ],
        },
      },
    ],
  }),
  E(true, 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field "__typenam" on type "Query".', false),
);
add(
  'apollo-persisted-query-not-found',
  'graphql:apollo-server',
  'https://www.apollographql.com/docs/apollo-server/performance/apq',
  get(
    'https://api.example.com/graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38%22%7D%7D',
  ),
  jsonResp(200, { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }),
  E(true, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', false),
);

add(
  'apollo-batched-one-failed',
  'graphql:apollo-server',
  'https://www.apollographql.com/docs/apollo-server/data/errors#custom-errors',
  post('https://api.example.com/graphql', [
    { query: '{ books { title } }' },
    { query: '{ author(id: "x") { name } }' },
  ]),
  jsonResp(200, [
    { data: { books: [{ title: 'City of Glass' }] } },
    {
      errors: [
        {
          message: 'Invalid argument value',
          locations: [{ line: 1, column: 3 }],
          path: ['author'],
          extensions: { code: 'BAD_USER_INPUT', argumentName: 'id' },
        },
      ],
      data: { author: null },
    },
  ]),
  E(true, 'BAD_USER_INPUT', 'Invalid argument value', false, {
    operations: [{ index: 1, errorCode: 'BAD_USER_INPUT', message: 'Invalid argument value' }],
  }),
);
add(
  'graphql-empty-errors-success',
  'graphql:apollo-server',
  'https://spec.graphql.org/October2021/#sec-Errors',
  gq('https://api.example.com/graphql', '{ books { title } }'),
  jsonResp(200, { data: { books: [{ title: 'City of Glass' }] }, errors: [] }),
  { failure: false },
);
const HASURA = 'https://hasura.io/docs/2.0/api-reference/graphql-api/overview/';
add(
  'hasura-field-not-found',
  'graphql:hasura',
  'https://github.com/hasura/graphql-engine/issues/7366',
  gq('https://my-app.hasura.app/v1/graphql', '{ users { id } }', { 'x-hasura-admin-secret': '***' }),
  jsonResp(200, {
    errors: [
      {
        extensions: { path: '$.selectionSet.users', code: 'validation-failed' },
        message: 'field "users" not found in type: \'query_root\'',
      },
    ],
  }),
  E(true, 'validation-failed', 'field "users" not found in type', false),
);
add(
  'hasura-constraint-violation',
  'graphql:hasura',
  HASURA,
  gq('https://my-app.hasura.app/v1/graphql', 'mutation { insert_users_one(object: {email: "a@b.c"}) { id } }'),
  jsonResp(200, {
    errors: [
      {
        extensions: { path: '$.selectionSet.insert_users_one.args.object', code: 'constraint-violation' },
        message: 'Uniqueness violation. duplicate key value violates unique constraint "users_email_key"',
      },
    ],
  }),
  E(true, 'constraint-violation', 'duplicate key value violates unique constraint', false),
);
add(
  'hasura-parse-failed-v1-query',
  'graphql:hasura',
  'https://github.com/hasura/graphql-engine/issues/3300',
  post('https://my-app.hasura.app/v1/query', { query: 'query MyQuery { cards { id name } }' }),
  jsonResp(400, { path: '$', error: 'key "type" not present', code: 'parse-failed' }),
  E(true, 'parse-failed', 'key "type" not present', false),
);
add(
  'hasura-jwt-expired',
  'graphql:hasura',
  'https://hasura.io/docs/2.0/auth/authentication/jwt/',
  gq('https://my-app.hasura.app/v1/graphql', '{ orders { id } }', { authorization: 'Bearer eyJ...' }),
  jsonResp(200, {
    errors: [{ extensions: { path: '$', code: 'invalid-jwt' }, message: 'Could not verify JWT: JWTExpired' }],
  }),
  E(true, 'invalid-jwt', 'Could not verify JWT: JWTExpired', false),
);
const GH = 'https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api';
add(
  'github-graphql-not-found',
  'graphql:github',
  'https://docs.github.com/en/graphql/guides/forming-calls-with-graphql',
  gq('https://api.github.com/graphql', '{ repository(owner:"octocat", name:"nope") { id } }', {
    authorization: 'bearer ghp_x',
  }),
  jsonResp(
    200,
    {
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 1, column: 3 }],
          message: "Could not resolve to a Repository with the name 'octocat/nope'.",
        },
      ],
    },
    { 'x-github-request-id': 'C0D4:5B6E:1A2B3C:1B2C3D:6567A1B2' },
  ),
  omitCode(
    E(true, null, "Could not resolve to a Repository with the name 'octocat/nope'.", false, {
      errorId: 'C0D4:5B6E:1A2B3C:1B2C3D:6567A1B2',
    }),
  ),
);
add(
  'github-graphql-rate-limited',
  'graphql:github',
  GH,
  gq('https://api.github.com/graphql', '{ viewer { login } }', { authorization: 'bearer ghp_x' }),
  jsonResp(
    200,
    { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1234567.' }] },
    {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Date.parse(DATE) / 1000 + 1800),
      'x-github-request-id': 'E1F2:7A8B:9C0D1E:2F3A4B:6567A1C3',
    },
  ),
  omitCode(
    E(true, null, 'API rate limit exceeded', true, {
      errorId: 'E1F2:7A8B:9C0D1E:2F3A4B:6567A1C3',
      retryAfterSeconds: 1800,
    }),
  ),
);
const SHOP = 'https://shopify.dev/docs/api/usage/rate-limits#graphql-admin-api-rate-limits';
add(
  'shopify-admin-throttled',
  'graphql:shopify-admin',
  SHOP,
  gq('https://my-shop.myshopify.com/admin/api/2024-10/graphql.json', '{ products(first: 250) { nodes { id } } }', {
    'x-shopify-access-token': 'shpat_x',
  }),
  jsonResp(
    200,
    {
      errors: [
        {
          message: 'Throttled',
          extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
        },
      ],
      extensions: {
        cost: {
          requestedQueryCost: 202,
          actualQueryCost: null,
          throttleStatus: { maximumAvailable: 2000.0, currentlyAvailable: 38, restoreRate: 100.0 },
        },
      },
    },
    { 'x-request-id': '8d8f0a6e-2b2c-4c0f-9a7e-1b2e3f4a5b6c' },
  ),
  E(true, 'THROTTLED', 'Throttled', true, {
    errorId: '8d8f0a6e-2b2c-4c0f-9a7e-1b2e3f4a5b6c',
    retryAfterSeconds: undefined,
  }),
);
add(
  'shopify-admin-access-denied',
  'graphql:shopify-admin',
  'https://shopify.dev/docs/api/admin-graphql#status_and_error_codes',
  gq('https://my-shop.myshopify.com/admin/api/2024-10/graphql.json', '{ themes(first: 1) { nodes { id } } }', {
    'x-shopify-access-token': 'shpat_x',
  }),
  jsonResp(
    200,
    {
      errors: [
        {
          message: 'Access denied for themes field. Required access: `read_themes` access scope.',
          locations: [{ line: 1, column: 3 }],
          path: ['themes'],
          extensions: {
            code: 'ACCESS_DENIED',
            documentation: 'https://shopify.dev/api/usage/access-scopes',
            requiredAccess: '`read_themes` access scope.',
          },
        },
      ],
      data: null,
    },
    { 'x-request-id': 'f3a1c2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b' },
  ),
  E(true, 'ACCESS_DENIED', 'Access denied for themes field', false, {
    errorId: 'f3a1c2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  }),
);
add(
  'shopify-admin-user-errors-success',
  'graphql:shopify-admin',
  'https://shopify.dev/docs/api/admin-graphql/latest/mutations/productCreate',
  gq(
    'https://my-shop.myshopify.com/admin/api/2024-10/graphql.json',
    'mutation { productCreate(product: {title: ""}) { product { id } userErrors { field message } } }',
  ),
  jsonResp(200, {
    data: { productCreate: { product: null, userErrors: [{ field: ['title'], message: "Title can't be blank" }] } },
    extensions: {
      cost: {
        requestedQueryCost: 10,
        actualQueryCost: 10,
        throttleStatus: { maximumAvailable: 2000.0, currentlyAvailable: 1990, restoreRate: 100.0 },
      },
    },
  }),
  { failure: true, message: "Title can't be blank", retryable: false },
);
const CF = 'https://www.contentful.com/developers/docs/references/graphql/#/reference/graphql-errors';
add(
  'contentful-too-complex',
  'graphql:contentful',
  CF,
  gq(
    'https://graphql.contentful.com/content/v1/spaces/abc123/environments/master',
    '{ blogPostCollection(limit: 1000) { items { title } } }',
  ),
  jsonResp(400, {
    errors: [
      {
        message:
          'Query cannot be executed. The maximum allowed complexity for a query is 11000 but it was 50100. Simplify the query e.g. by setting lower limits for collections.',
        extensions: {
          contentful: {
            code: 'TOO_COMPLEX_QUERY',
            requestId: '8413041d-cd20-41fa-a0c4-a6dc9402b263',
            details: { maximumCost: 11000, cost: 50100 },
          },
        },
      },
    ],
    data: {},
  }),
  omitCode(
    E(true, null, 'The maximum allowed complexity for a query is 11000', false, {
      errorId: '8413041d-cd20-41fa-a0c4-a6dc9402b263',
    }),
  ),
);
add(
  'contentful-unknown-locale',
  'graphql:contentful',
  CF,
  gq(
    'https://graphql.contentful.com/content/v1/spaces/abc123/environments/master',
    '{ blogPost(id: "1", locale: "xx") { title } }',
  ),
  jsonResp(200, {
    data: { blogPost: null },
    errors: [
      {
        message: "Query execution error. Locale 'xx' does not exist in space abc123",
        locations: [{ line: 1, column: 3 }],
        path: ['blogPost'],
        extensions: { contentful: { code: 'UNKNOWN_LOCALE', requestId: '2f6c1a0e-8d4b-4c3a-9e7f-1b2c3d4e5f60' } },
      },
    ],
  }),
  omitCode(E(true, null, "Locale 'xx' does not exist", false, { errorId: '2f6c1a0e-8d4b-4c3a-9e7f-1b2c3d4e5f60' })),
);
const APPSYNC = 'https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html';
add(
  'appsync-unauthorized-field',
  'graphql:appsync',
  'https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html',
  gq('https://abc123.appsync-api.us-east-1.amazonaws.com/graphql', '{ getPost(id: "1") { id } }', {
    'x-api-key': 'da2-x',
  }),
  jsonResp(
    200,
    {
      data: { getPost: null },
      errors: [
        {
          path: ['getPost'],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Not Authorized to access getPost on type Query',
        },
      ],
    },
    { 'x-amzn-requestid': '5c8f4a3e-2b1d-4e6f-9a0b-7c8d9e0f1a2b' },
  ),
  omitCode(
    E(true, null, 'Not Authorized to access getPost on type Query', false, {
      errorId: '5c8f4a3e-2b1d-4e6f-9a0b-7c8d9e0f1a2b',
    }),
  ),
);
add(
  'appsync-401-unauthorized-exception',
  'graphql:appsync',
  APPSYNC,
  gq('https://abc123.appsync-api.us-east-1.amazonaws.com/graphql', '{ listPosts { items { id } } }', {
    'x-api-key': 'da2-expired',
  }),
  jsonResp(
    401,
    { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
    { 'x-amzn-requestid': '9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'x-amzn-errortype': 'UnauthorizedException' },
  ),
  omitCode(
    E(true, null, 'You are not authorized to make this call.', false, {
      errorId: '9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
    }),
  ),
);
add(
  'strawberry-permission-error',
  'graphql:strawberry',
  'https://strawberry.rocks/docs/guides/permissions',
  gq('https://api.example.com/graphql', '{ user { email } }'),
  jsonResp(200, {
    data: null,
    errors: [{ message: 'User is not authenticated', locations: [{ line: 1, column: 3 }], path: ['user'] }],
  }),
  E(true, null, 'User is not authenticated', false),
);
add(
  'strawberry-masked-error',
  'graphql:strawberry',
  'https://strawberry.rocks/docs/extensions/mask-errors',
  gq('https://api.example.com/graphql', '{ report { total } }'),
  jsonResp(200, {
    data: null,
    errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['report'] }],
  }),
  E(true, null, 'Unexpected error.'),
);
add(
  'graphql-java-validation',
  'graphql:graphql-java',
  'https://www.graphql-java.com/documentation/execution#errors',
  gq('https://api.example.com/graphql', '{ hero { nme } }'),
  jsonResp(200, {
    errors: [
      {
        message: "Validation error (FieldUndefined@[hero/nme]) : Field 'nme' in type 'Character' is undefined",
        locations: [{ line: 1, column: 10 }],
        extensions: { classification: 'ValidationError' },
      },
    ],
  }),
  omitCode(E(true, null, "Field 'nme' in type 'Character' is undefined", false)),
);
add(
  'spring-graphql-internal-error-id',
  'graphql:spring-graphql',
  'https://docs.spring.io/spring-graphql/reference/request-execution.html#execution.exceptions',
  gq('https://api.example.com/graphql', '{ bookById(id: "99") { name } }'),
  jsonResp(200, {
    errors: [
      {
        message: 'INTERNAL_ERROR for 4d8c3b4e-0f5a-3c1a-9b7e-1e2f3a4b5c6d',
        locations: [{ line: 1, column: 3 }],
        path: ['bookById'],
        extensions: { classification: 'INTERNAL_ERROR' },
      },
    ],
    data: { bookById: null },
  }),
  omitCode(
    E(true, null, 'INTERNAL_ERROR for 4d8c3b4e-0f5a-3c1a-9b7e-1e2f3a4b5c6d', undefined, {
      errorId: '4d8c3b4e-0f5a-3c1a-9b7e-1e2f3a4b5c6d',
    }),
  ),
);
add(
  'yoga-masked-unexpected',
  'graphql:graphql-yoga',
  'https://the-guild.dev/graphql/yoga-server/docs/features/error-masking',
  gq('https://api.example.com/graphql', '{ greeting }'),
  jsonResp(200, {
    errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['greeting'] }],
    data: null,
  }),
  E(true, null, 'Unexpected error.'),
);
add(
  'yoga-bad-request-no-query',
  'graphql:graphql-yoga',
  'https://the-guild.dev/graphql/yoga-server/docs/features/error-masking',
  post('https://api.example.com/graphql', {}),
  jsonResp(400, {
    errors: [{ message: 'Must provide query string.', extensions: { http: { spec: true, status: 400 } } }],
  }),
  E(true, null, 'Must provide query string.', false),
);
add(
  'graphql-spec-partial-error',
  'graphql:spec',
  'https://spec.graphql.org/October2021/#sec-Errors',
  gq('https://api.example.com/graphql', '{ hero(episode: $episode) { name heroFriends: friends { id name } } }'),
  jsonResp(200, {
    errors: [
      {
        message: 'Name for character with ID 1002 could not be fetched.',
        locations: [{ line: 6, column: 7 }],
        path: ['hero', 'heroFriends', 1, 'name'],
        extensions: { code: 'CAN_NOT_FETCH_BY_ID', timestamp: 'Fri Feb 9 14:33:09 UTC 2018' },
      },
    ],
    data: {
      hero: {
        name: 'R2-D2',
        heroFriends: [
          { id: '1000', name: 'Luke Skywalker' },
          { id: '1002', name: null },
          { id: '1003', name: 'Leia Organa' },
        ],
      },
    },
  }),
  E(true, 'CAN_NOT_FETCH_BY_ID', 'Name for character with ID 1002 could not be fetched.'),
);

// ---------- SOAP ----------
const xmlResp = (status, body, ct = 'text/xml; charset=utf-8', headers = {}) => ({
  status,
  headers: { 'content-type': ct, ...headers },
  body,
});
const soapReq = (url, action, body) => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: action },
  body,
});
add(
  'soap11-spec-client-fault',
  'soap:w3c-soap11',
  'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383510',
  soapReq(
    'http://www.stockquoteserver.com/StockQuote',
    '"Some-URI"',
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><m:GetLastTradePrice xmlns:m="Some-URI"><symbol>DIS</symbol></m:GetLastTradePrice></SOAP-ENV:Body></SOAP-ENV:Envelope>',
  ),
  xmlResp(
    500,
    '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">\n  <SOAP-ENV:Body>\n    <SOAP-ENV:Fault>\n      <faultcode>SOAP-ENV:Server</faultcode>\n      <faultstring>Server Error</faultstring>\n      <detail>\n        <e:myfaultdetails xmlns:e="Some-URI">\n          <message>My application didn\'t work</message>\n          <errorcode>1001</errorcode>\n        </e:myfaultdetails>\n      </detail>\n    </SOAP-ENV:Fault>\n  </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>',
  ),
  { failure: true, message: "My application didn't work", errorId: null, retryAfterSeconds: null },
);
add(
  'soap12-spec-sender-fault',
  'soap:w3c-soap12',
  'https://www.w3.org/TR/soap12-part1/#faultcodes',
  soapReq(
    'http://travelcompany.example.org/Reservations',
    '',
    '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>',
  ),
  xmlResp(
    400,
    '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:rpc="http://www.w3.org/2003/05/soap-rpc">\n <env:Body>\n  <env:Fault>\n   <env:Code>\n    <env:Value>env:Sender</env:Value>\n    <env:Subcode>\n     <env:Value>rpc:BadArguments</env:Value>\n    </env:Subcode>\n   </env:Code>\n   <env:Reason>\n    <env:Text xml:lang="en-US">Processing error</env:Text>\n    <env:Text xml:lang="cs">Chyba zpracování</env:Text>\n   </env:Reason>\n   <env:Detail>\n    <e:myFaultDetails xmlns:e="http://travelcompany.example.org/faults">\n     <e:message>Name does not match card number</e:message>\n     <e:errorcode>999</e:errorcode>\n    </e:myFaultDetails>\n   </env:Detail>\n  </env:Fault>\n </env:Body>\n</env:Envelope>',
    'application/soap+xml; charset=utf-8',
  ),
  {
    failure: true,
    message: 'Name does not match card number',
    errorId: null,
    retryable: false,
    retryAfterSeconds: null,
  },
);
add(
  'salesforce-soap-invalid-login',
  'soap:salesforce',
  'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#i1421521',
  soapReq(
    'https://login.salesforce.com/services/Soap/u/59.0',
    '""',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com"><soapenv:Body><urn:login><urn:username>a@b.c</urn:username><urn:password>x</urn:password></urn:login></soapenv:Body></soapenv:Envelope>',
  ),
  xmlResp(
    500,
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring><detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; or user locked out.</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>',
  ),
  E(true, 'INVALID_LOGIN', 'Invalid username, password, security token; or user locked out.', false),
);
add(
  'salesforce-soap-invalid-session',
  'soap:salesforce',
  'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#i1421521',
  soapReq(
    'https://na1.salesforce.com/services/Soap/u/59.0',
    '""',
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>',
  ),
  xmlResp(
    500,
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring><detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>INVALID_SESSION_ID</sf:exceptionCode><sf:exceptionMessage>Invalid Session ID found in SessionHeader: Illegal Session</sf:exceptionMessage></sf:UnexpectedErrorFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>',
  ),
  E(true, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader', false),
);
add(
  'dotnet-wcf-soap-fault',
  'soap:wcf',
  'https://learn.microsoft.com/en-us/dotnet/framework/wcf/specifying-and-handling-faults-in-contracts-and-services',
  soapReq(
    'https://svc.example.com/Calculator.svc',
    '"http://tempuri.org/ICalculator/Divide"',
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Divide xmlns="http://tempuri.org/"><n1>1</n1><n2>0</n2></Divide></s:Body></s:Envelope>',
  ),
  xmlResp(
    500,
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">a:InternalServiceFault</faultcode><faultstring xml:lang="en-US">The server was unable to process the request due to an internal error.  For more information about the error, either turn on IncludeExceptionDetailInFaults (either from ServiceBehaviorAttribute or from the &lt;serviceDebug&gt; configuration behavior) on the server in order to send the exception information back to the client, or turn on tracing as per the Microsoft .NET Framework SDK documentation and inspect the server trace logs.</faultstring></s:Fault></s:Body></s:Envelope>',
  ),
  {
    failure: true,
    errorCode: 'InternalServiceFault',
    message: 'The server was unable to process the request due to an internal error.',
    errorId: null,
    retryAfterSeconds: null,
  },
);

fs.writeFileSync(out + '.tmp', JSON.stringify(cases, null, 1) + '\n');
fs.renameSync(out + '.tmp', out);
console.log(cases.length, 'cases', new Set(cases.map((c) => c.api)).size, 'apis');
