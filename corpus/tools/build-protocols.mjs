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
  cases.push({ name, api, kind: 'protocol', source, request, response: { statusText: STATUS_TEXT[response.status] || '', ...response, headers }, expected });
}
const STATUS_TEXT = { 200: 'OK', 207: 'Multi-Status', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 429: 'Too Many Requests', 499: 'Client Closed Request', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
const post = (url, body, headers = {}) => ({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : J(body) });
const get = (url, headers = {}) => ({ method: 'GET', url, headers });
const jsonResp = (status, body, headers = {}, ct = 'application/json') => ({ status, headers: { 'content-type': ct, ...headers }, body: typeof body === 'string' ? body : J(body) });
const E = (failure, errorCode, message, retryable, extra = {}) => {
  const e = { failure, errorCode, message, errorId: null };
  if (retryable !== undefined) e.retryable = retryable;
  e.retryAfterSeconds = null;
  return { ...e, ...extra };
};

// ---------- JSON-RPC 2.0 ----------
const SPEC = 'https://www.jsonrpc.org/specification#examples';
add('jsonrpc-spec-method-not-found', 'jsonrpc:spec', SPEC, post('https://rpc.example.org/', { jsonrpc: '2.0', method: 'foobar', id: '1' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: '1' }), E(true, '-32601', 'Method not found', false));
add('jsonrpc-spec-parse-error', 'jsonrpc:spec', SPEC, post('https://rpc.example.org/', '{"jsonrpc": "2.0", "method": "foobar, "params": "bar", "baz]'),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }), E(true, '-32700', 'Parse error', false));
add('jsonrpc-spec-invalid-request', 'jsonrpc:spec', SPEC, post('https://rpc.example.org/', { jsonrpc: '2.0', method: 1, params: 'bar' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null }), E(true, '-32600', 'Invalid Request', false));
add('jsonrpc-spec-batch-mixed', 'jsonrpc:spec', SPEC,
  post('https://rpc.example.org/', [{ jsonrpc: '2.0', method: 'sum', params: [1, 2, 4], id: '1' }, { jsonrpc: '2.0', method: 'notify_hello', params: [7] }, { jsonrpc: '2.0', method: 'subtract', params: [42, 23], id: '2' }, { foo: 'boo' }, { jsonrpc: '2.0', method: 'foo.get', params: { name: 'myself' }, id: '5' }, { jsonrpc: '2.0', method: 'get_data', id: '9' }]),
  jsonResp(200, [{ jsonrpc: '2.0', result: 7, id: '1' }, { jsonrpc: '2.0', result: 19, id: '2' }, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null }, { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: '5' }, { jsonrpc: '2.0', result: ['hello', 5], id: '9' }]),
  E(true, '-32600', 'Invalid Request', false, { operations: [{ index: 2, errorCode: '-32600', message: 'Invalid Request' }, { index: 3, errorCode: '-32601', message: 'Method not found' }] }));
add('jsonrpc-spec-batch-all-invalid', 'jsonrpc:spec', SPEC, post('https://rpc.example.org/', '[1,2,3]'),
  jsonResp(200, [1, 2, 3].map(() => ({ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null }))),
  E(true, '-32600', 'Invalid Request', false, { operations: [0, 1, 2].map((index) => ({ index, errorCode: '-32600', message: 'Invalid Request' })) }));
add('jsonrpc-spec-batch-success', 'jsonrpc:spec', SPEC,
  post('https://rpc.example.org/', [{ jsonrpc: '2.0', method: 'sum', params: [1, 2, 4], id: '1' }, { jsonrpc: '2.0', method: 'subtract', params: [42, 23], id: '2' }]),
  jsonResp(200, [{ jsonrpc: '2.0', result: 7, id: '1' }, { jsonrpc: '2.0', result: 19, id: '2' }]), { failure: false });

const INFURA = 'https://docs.infura.io/api/networks/ethereum/how-to/avoid-rate-limiting';
const infuraUrl = 'https://mainnet.infura.io/v3/84842078b09946638c03157f83405213';
add('infura-429-daily-count', 'jsonrpc:infura', INFURA, post(infuraUrl, { jsonrpc: '2.0', method: 'eth_blockNumber', params: [], id: 1 }),
  jsonResp(429, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'daily request count exceeded, request rate limited' } }), E(true, '-32005', 'daily request count exceeded', true));
add('infura-429-rps-backoff', 'jsonrpc:infura', INFURA, post(infuraUrl, { jsonrpc: '2.0', method: 'eth_getBalance', params: ['0xc94770007dda54cF92009BFF0dE90c06F603a09f', 'latest'], id: 1 }),
  jsonResp(429, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'project ID request rate exceeded', data: { see: 'https://infura.io/docs/ethereum/jsonrpc/ratelimits', current_rps: 13.333, allowed_rps: 10.0, backoff_seconds: 30.0 } } }),
  E(true, '-32005', 'project ID request rate exceeded', true, { retryAfterSeconds: 30 }));
add('infura-logs-more-than-10000', 'jsonrpc:infura', 'https://docs.infura.io/api/networks/ethereum/json-rpc-methods/eth_getlogs',
  post(infuraUrl, { jsonrpc: '2.0', method: 'eth_getLogs', params: [{ fromBlock: '0x1', toBlock: 'latest' }], id: 1 }),
  jsonResp(200, { jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'query returned more than 10000 results' } }), E(true, '-32005', 'query returned more than 10000 results', false));

const EIP = 'https://eips.ethereum.org/EIPS/eip-1474#error-codes';
add('eip1474-limit-exceeded', 'jsonrpc:ethereum', EIP, post('https://eth.example.org/', { jsonrpc: '2.0', method: 'eth_getLogs', params: [{ fromBlock: '0x0', toBlock: 'latest' }], id: 1337 }),
  jsonResp(200, { id: 1337, jsonrpc: '2.0', error: { code: -32005, message: 'Request exceeds defined limit' } }), E(true, '-32005', 'Request exceeds defined limit', false));
add('eip1474-transaction-rejected', 'jsonrpc:ethereum', EIP, post('https://eth.example.org/', { jsonrpc: '2.0', method: 'eth_sendRawTransaction', params: ['0xf86c0a85'], id: 1337 }),
  jsonResp(200, { id: 1337, jsonrpc: '2.0', error: { code: -32003, message: 'Transaction rejected' } }), E(true, '-32003', 'Transaction rejected', false));
add('eip1474-resource-unavailable', 'jsonrpc:ethereum', EIP, post('https://eth.example.org/', { jsonrpc: '2.0', method: 'eth_getBlockByNumber', params: ['0x1b4', true], id: 1337 }),
  jsonResp(200, { id: 1337, jsonrpc: '2.0', error: { code: -32002, message: 'Resource unavailable' } }), E(true, '-32002', 'Resource unavailable'));

const ALCHEMY = 'https://docs.alchemy.com/reference/throughput';
const alchemyUrl = 'https://eth-mainnet.g.alchemy.com/v2/demo';
add('alchemy-429-cups', 'jsonrpc:alchemy', ALCHEMY, post(alchemyUrl, { jsonrpc: '2.0', method: 'eth_blockNumber', params: [], id: 1 }),
  jsonResp(429, { jsonrpc: '2.0', id: 1, error: { code: 429, message: 'Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message. If not, check out https://docs.alchemy.com/reference/throughput' } }),
  E(true, '429', 'exceeded its compute units per second capacity', true));
add('alchemy-getlogs-range', 'jsonrpc:alchemy', 'https://docs.alchemy.com/reference/eth-getlogs', post(alchemyUrl, { jsonrpc: '2.0', method: 'eth_getLogs', params: [{ fromBlock: '0x0', toBlock: 'latest' }], id: 1 }),
  jsonResp(400, { jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters and the response size limit, this block range should work: [0x0, 0x2f8d5c]' } }),
  E(true, '-32602', 'Log response size exceeded', false));

add('quicknode-request-limit', 'jsonrpc:quicknode', 'https://www.quicknode.com/docs/ethereum/error-references',
  post('https://docs-demo.quiknode.pro/', { jsonrpc: '2.0', method: 'eth_blockNumber', params: [], id: 1 }),
  jsonResp(429, { jsonrpc: '2.0', id: 1, error: { code: -32007, message: '15/second request limit reached - reduce calls per second or upgrade your account at quicknode.com' } }),
  E(true, '-32007', 'request limit reached', true));

const GETH = 'https://github.com/ethereum/go-ethereum/blob/master/internal/ethapi/errors.go';
const gethUrl = 'http://localhost:8545/';
add('geth-execution-reverted', 'jsonrpc:geth', GETH, post(gethUrl, { jsonrpc: '2.0', method: 'eth_call', params: [{ to: '0x6b175474e89094c44da98b954eedeac495271d0f', data: '0xa9059cbb' }, 'latest'], id: 7 }),
  jsonResp(200, { jsonrpc: '2.0', id: 7, error: { code: 3, message: 'execution reverted: Dai/insufficient-balance', data: '0x08c379a00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000001844616920696e73756666696369656e742d62616c616e63650000000000000000' } }),
  E(true, '3', 'execution reverted: Dai/insufficient-balance', false));
add('geth-nonce-too-low', 'jsonrpc:geth', 'https://github.com/ethereum/go-ethereum/blob/master/core/error.go', post(gethUrl, { jsonrpc: '2.0', method: 'eth_sendRawTransaction', params: ['0xf86b'], id: 8 }),
  jsonResp(200, { jsonrpc: '2.0', id: 8, error: { code: -32000, message: 'nonce too low: next nonce 12, tx nonce 11' } }), E(true, '-32000', 'nonce too low', false));
add('geth-batch-one-failed', 'jsonrpc:geth', 'https://geth.ethereum.org/docs/interacting-with-geth/rpc/batch',
  post(gethUrl, [{ jsonrpc: '2.0', method: 'eth_chainId', params: [], id: 1 }, { jsonrpc: '2.0', method: 'eth_getBalanc', params: ['0x407d73d8a49eeb85d32cf465507dd71d507100c1', 'latest'], id: 2 }]),
  jsonResp(200, [{ jsonrpc: '2.0', id: 1, result: '0x1' }, { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'the method eth_getBalanc does not exist/is not available' } }]),
  E(true, '-32601', 'the method eth_getBalanc does not exist', false, { operations: [{ index: 1, errorCode: '-32601', message: 'the method eth_getBalanc does not exist' }] }));

const solUrl = 'https://api.devnet.solana.com';
add('solana-node-behind', 'jsonrpc:solana', 'https://github.com/solana-labs/solana/issues/18691', post(solUrl, { jsonrpc: '2.0', id: 1, method: 'getHealth' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32005, message: 'Node is behind by 59093 slots', data: { numSlotsBehind: 59093 } }, id: 1 }), E(true, '-32005', 'Node is behind by 59093 slots', true));
add('solana-invalid-param', 'jsonrpc:solana', 'https://solana.com/docs/rpc#error-responses', post('https://api.mainnet-beta.solana.com', { jsonrpc: '2.0', id: 1, method: 'getBalance', params: ['not-a-pubkey'] }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid param: Invalid' }, id: 1 }), E(true, '-32602', 'Invalid param', false));
add('solana-slot-skipped', 'jsonrpc:solana', 'https://github.com/anza-xyz/agave/blob/master/rpc-client-api/src/custom_error.rs', post('https://api.mainnet-beta.solana.com', { jsonrpc: '2.0', id: 1, method: 'getBlock', params: [166974442] }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32007, message: 'Slot 166974442 was skipped, or missing due to ledger jump to recent snapshot' }, id: 1 }), E(true, '-32007', 'was skipped, or missing due to ledger jump', false));

const BTC = 'https://github.com/bitcoin/bitcoin/blob/master/doc/JSON-RPC-interface.md';
const btcUrl = 'http://127.0.0.1:8332/';
add('bitcoind-500-height-out-of-range', 'jsonrpc:bitcoin-core', BTC, post(btcUrl, { jsonrpc: '1.0', id: 'curltest', method: 'getblockhash', params: [99999999] }, { 'content-type': 'text/plain' }),
  jsonResp(500, { result: null, error: { code: -8, message: 'Block height out of range' }, id: 'curltest' }), E(true, '-8', 'Block height out of range', false));
add('bitcoind-404-method-not-found', 'jsonrpc:bitcoin-core', BTC, post(btcUrl, { jsonrpc: '1.0', id: 'curltest', method: 'getblockcont', params: [] }, { 'content-type': 'text/plain' }),
  jsonResp(404, { result: null, error: { code: -32601, message: 'Method not found' }, id: 'curltest' }), E(true, '-32601', 'Method not found', false));
add('bitcoind-warmup', 'jsonrpc:bitcoin-core', 'https://github.com/bitcoin/bitcoin/blob/master/src/rpc/protocol.h', post(btcUrl, { jsonrpc: '1.0', id: 'curltest', method: 'getblockchaininfo', params: [] }, { 'content-type': 'text/plain' }),
  jsonResp(500, { result: null, error: { code: -28, message: 'Loading block index…' }, id: 'curltest' }), E(true, '-28', 'Loading block index', true));
add('bitcoind-v2-wallet-not-found', 'jsonrpc:bitcoin-core', BTC, post(btcUrl + 'wallet/missing', { jsonrpc: '2.0', id: 2, method: 'getbalance', params: [] }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -18, message: 'Requested wallet does not exist or is not loaded' }, id: 2 }), E(true, '-18', 'Requested wallet does not exist or is not loaded', false));

const ARIA = 'https://aria2.github.io/manual/en/html/aria2c.html#rpc-interface';
add('aria2-gid-not-found', 'jsonrpc:aria2', ARIA, post('http://localhost:6800/jsonrpc', { jsonrpc: '2.0', id: 'qwer', method: 'aria2.tellStatus', params: ['token:secret', '2089b05ecca3d829'] }),
  jsonResp(400, { id: 'qwer', jsonrpc: '2.0', error: { code: 1, message: 'GID 2089b05ecca3d829 is not found' } }), E(true, '1', 'GID 2089b05ecca3d829 is not found', false));
add('aria2-unauthorized', 'jsonrpc:aria2', 'https://github.com/aria2/aria2/blob/master/src/RpcMethod.cc', post('http://localhost:6800/jsonrpc', { jsonrpc: '2.0', id: 'qwer', method: 'aria2.getVersion', params: ['token:wrong'] }),
  jsonResp(400, { id: 'qwer', jsonrpc: '2.0', error: { code: 1, message: 'Unauthorized' } }), E(true, '1', 'Unauthorized', false));

const ODOO = 'https://www.odoo.com/documentation/17.0/developer/howtos/web_services.html';
add('odoo-access-denied', 'jsonrpc:odoo', ODOO, post('https://demo.odoo.com/jsonrpc', { jsonrpc: '2.0', method: 'call', params: { service: 'common', method: 'login', args: ['demo', 'admin', 'wrong'] }, id: 3 }),
  jsonResp(200, { jsonrpc: '2.0', id: 3, error: { code: 200, message: 'Odoo Server Error', data: { name: 'odoo.exceptions.AccessDenied', debug: 'Traceback (most recent call last):\n  File "/odoo/http.py", line 1589, in _serve_db\nodoo.exceptions.AccessDenied: Access Denied\n', message: 'Access Denied', arguments: ['Access Denied'], context: {} } } }),
  E(true, '200', 'Access Denied', false));
add('odoo-session-expired', 'jsonrpc:odoo', 'https://github.com/odoo/odoo/blob/17.0/odoo/http.py', post('https://demo.odoo.com/web/dataset/call_kw', { jsonrpc: '2.0', method: 'call', params: { model: 'res.partner', method: 'search_read', args: [], kwargs: {} }, id: 4 }),
  jsonResp(200, { jsonrpc: '2.0', id: 4, error: { code: 100, message: 'Odoo Session Expired', data: { name: 'odoo.http.SessionExpiredException', debug: 'Traceback (most recent call last):\nodoo.http.SessionExpiredException: Session expired\n', message: 'Session expired', arguments: ['Session expired'], context: {} } } }),
  E(true, '100', 'Session expired', false));

const ZBX = 'https://www.zabbix.com/documentation/current/en/manual/api#error-handling';
const zbxUrl = 'https://zabbix.example.com/zabbix/api_jsonrpc.php';
add('zabbix-invalid-params', 'jsonrpc:zabbix', ZBX, post(zbxUrl, { jsonrpc: '2.0', method: 'host.create', params: { host: 'Linux server', interfaces: [{ type: 1, main: 1, useip: 1, ip: '192.168.3.1', dns: '', port: 10050 }] }, id: 7 }, { 'content-type': 'application/json-rpc' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params.', data: 'No groups for host "Linux server".' }, id: 7 }), E(true, '-32602', 'No groups for host', false));
add('zabbix-not-authorised', 'jsonrpc:zabbix', 'https://github.com/grafana/grafana-zabbix/issues/1717', post(zbxUrl, { jsonrpc: '2.0', method: 'problem.get', params: { output: 'extend' }, id: 2 }, { 'content-type': 'application/json-rpc' }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params.', data: 'Invalid parameter "/output/2": value must be one of "proxyid", "name", "operating_mode", "description".' }, id: 2 }), E(true, '-32602', 'Invalid parameter "/output/2"', false));

const KODI = 'https://kodi.wiki/view/JSON-RPC_API#Error_codes';
add('kodi-method-not-found', 'jsonrpc:kodi', KODI, post('http://192.168.1.20:8080/jsonrpc', { jsonrpc: '2.0', method: 'Player.GetActivePlayer', id: 1 }),
  jsonResp(200, { error: { code: -32601, message: 'Method not found.' }, id: 1, jsonrpc: '2.0' }), E(true, '-32601', 'Method not found.', false));
add('kodi-invalid-params', 'jsonrpc:kodi', 'https://kodi.wiki/view/JSON-RPC_API/v12', post('http://192.168.1.20:8080/jsonrpc', { jsonrpc: '2.0', method: 'Player.Open', params: { item: { file: 42 } }, id: 1 }),
  jsonResp(200, { error: { code: -32602, data: { method: 'Player.Open', stack: { message: 'Received value does not match any of the union type definitions', name: 'item', type: 'object' } }, message: 'Invalid params.' }, id: 1, jsonrpc: '2.0' }), E(true, '-32602', 'Invalid params.', false));

const MCP = 'https://github.com/modelcontextprotocol/typescript-sdk/blob/main/src/server/streamableHttp.ts';
add('mcp-no-session', 'jsonrpc:mcp-typescript-sdk', MCP, post('https://mcp.example.com/mcp', { jsonrpc: '2.0', method: 'tools/list', id: 2 }, { accept: 'application/json, text/event-stream' }),
  jsonResp(400, { jsonrpc: '2.0', error: { code: -32000, message: 'Bad Request: No valid session ID provided' }, id: null }), E(true, '-32000', 'No valid session ID provided', false));
add('mcp-not-acceptable', 'jsonrpc:mcp-typescript-sdk', MCP, post('https://mcp.example.com/mcp', { jsonrpc: '2.0', method: 'initialize', id: 1, params: {} }, { accept: 'application/json' }),
  jsonResp(406, { jsonrpc: '2.0', error: { code: -32000, message: 'Not Acceptable: Client must accept both application/json and text/event-stream' }, id: null }), E(true, '-32000', 'Client must accept both application/json and text/event-stream', false));

const STARK = 'https://github.com/starkware-libs/starknet-specs/blob/master/api/starknet_api_openrpc.json';
add('starknet-contract-not-found', 'jsonrpc:starknet', STARK, post('https://starknet-mainnet.public.blastapi.io/rpc/v0_7', { jsonrpc: '2.0', method: 'starknet_getClassAt', params: ['latest', '0x0123'], id: 0 }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: 20, message: 'Contract not found' }, id: 0 }), E(true, '20', 'Contract not found', false));
add('starknet-block-not-found', 'jsonrpc:starknet', STARK, post('https://starknet-mainnet.public.blastapi.io/rpc/v0_7', { jsonrpc: '2.0', method: 'starknet_getBlockWithTxHashes', params: [{ block_number: 99999999 }], id: 0 }),
  jsonResp(200, { jsonrpc: '2.0', error: { code: 24, message: 'Block not found' }, id: 0 }), E(true, '24', 'Block not found', false));

// ---------- tRPC ----------
const TRPC_DOCS = 'https://trpc.io/docs/server/error-handling';
add('trpc-docs-bad-request', 'trpc:docs', TRPC_DOCS, post('https://app.example.com/api/trpc/user.changePassword', { password: 'abc' }),
  jsonResp(400, { id: null, error: { message: '"password" must be at least 4 characters', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, stack: 'Error: "password" must be at least 4 characters\n    at ...', path: 'user.changepassword' } } }),
  E(true, 'BAD_REQUEST', '"password" must be at least 4 characters', false));
const TRPC_V10 = 'https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/rpc/codes.ts';
const trpcCodes = [
  ['UNAUTHORIZED', -32001, 401, 'You must be logged in to do this', false],
  ['FORBIDDEN', -32003, 403, 'Only admins can delete posts', false],
  ['NOT_FOUND', -32004, 404, 'No post with id \'cl9x0ajn00000\'', false],
  ['TOO_MANY_REQUESTS', -32029, 429, 'Rate limit exceeded, please slow down', true],
  ['INTERNAL_SERVER_ERROR', -32603, 500, 'Database connection pool exhausted', undefined],
  ['CONFLICT', -32009, 409, 'A user with this email already exists', false],
  ['TIMEOUT', -32008, 408, 'Upstream payment provider did not answer in time', true],
];
for (const [code, num, http, msg, retry] of trpcCodes) {
  const superjson = code === 'FORBIDDEN' || code === 'CONFLICT' || code === 'TIMEOUT';
  const err = { message: msg, code: num, data: { code, httpStatus: http, path: 'post.byId' } };
  const body = superjson ? { error: { json: err } } : { error: err };
  add(`trpc-v10-${code.toLowerCase()}${superjson ? '-superjson' : ''}`, 'trpc:trpc', TRPC_V10, get('https://app.example.com/api/trpc/post.byId?input=' + encodeURIComponent(J(superjson ? { json: { id: 'cl9x0ajn00000' } } : { id: 'cl9x0ajn00000' }))),
    jsonResp(http, body), E(true, code, msg, retry));
}
const TRPC_BATCH = 'https://trpc.io/docs/client/links/httpBatchLink';
add('trpc-batch-207-mixed', 'trpc:trpc', TRPC_BATCH, get('https://app.example.com/api/trpc/post.list,post.byId?batch=1&input=' + encodeURIComponent(J({ 0: {}, 1: { id: 'missing' } }))),
  jsonResp(207, [{ result: { data: [{ id: 'a1', title: 'Hello' }] } }, { error: { message: 'Post not found', code: -32004, data: { code: 'NOT_FOUND', httpStatus: 404, path: 'post.byId' } } }]),
  E(true, 'NOT_FOUND', 'Post not found', false, { operations: [{ index: 1, errorCode: 'NOT_FOUND', message: 'Post not found' }] }));
add('trpc-batch-superjson-all-failed', 'trpc:trpc', TRPC_BATCH, get('https://app.example.com/api/trpc/viewer.me,viewer.teams?batch=1&input=' + encodeURIComponent(J({ 0: { json: null }, 1: { json: null } }))),
  jsonResp(401, [{ error: { json: { message: 'UNAUTHORIZED', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'viewer.me' } } } }, { error: { json: { message: 'UNAUTHORIZED', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'viewer.teams' } } } }]),
  E(true, 'UNAUTHORIZED', 'UNAUTHORIZED', false, { operations: [{ index: 0, errorCode: 'UNAUTHORIZED', message: 'UNAUTHORIZED' }, { index: 1, errorCode: 'UNAUTHORIZED', message: 'UNAUTHORIZED' }] }));
add('trpc-batch-success', 'trpc:trpc', TRPC_BATCH, get('https://app.example.com/api/trpc/post.list,user.me?batch=1&input=%7B%7D'),
  jsonResp(200, [{ result: { data: { json: [] } } }, { result: { data: { json: { id: 'u1', name: null, error: null } } } }]), { failure: false });
add('trpc-zod-bad-request', 'trpc:trpc', 'https://trpc.io/docs/server/error-formatting',
  post('https://app.example.com/api/trpc/post.add', { title: '' }),
  jsonResp(400, { error: { message: '[\n  {\n    "code": "too_small",\n    "minimum": 1,\n    "type": "string",\n    "inclusive": true,\n    "exact": false,\n    "message": "String must contain at least 1 character(s)",\n    "path": [\n      "title"\n    ]\n  }\n]', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'post.add', zodError: { formErrors: [], fieldErrors: { title: ['String must contain at least 1 character(s)'] } } } } }),
  E(true, 'BAD_REQUEST', 'String must contain at least 1 character(s)', false));
add('trpc-v11-method-not-supported', 'trpc:trpc', TRPC_V10, post('https://app.example.com/api/trpc/post.list', {}),
  jsonResp(405, { error: { message: 'Unsupported POST-request to query procedure at path "post.list"', code: -32005, data: { code: 'METHOD_NOT_SUPPORTED', httpStatus: 405, path: 'post.list' } } }),
  E(true, 'METHOD_NOT_SUPPORTED', 'Unsupported POST-request to query procedure', false));

fs.writeFileSync(out + '.tmp', JSON.stringify(cases, null, 1) + '\n');
fs.renameSync(out + '.tmp', out);
console.log(cases.length, 'cases', new Set(cases.map((c) => c.api)).size, 'apis');
