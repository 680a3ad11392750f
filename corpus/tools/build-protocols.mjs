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


// ---------- gRPC-web ----------
// A gRPC-web body is a sequence of frames: 1 flag byte (0x00 data, 0x80 trailers), a 4-byte
// big-endian length, then the payload; trailers are "name:value\r\n" lines (PROTOCOL-WEB.md).
const frame = (flag, payload) => { const p = Buffer.from(payload); const h = Buffer.alloc(5); h[0] = flag; h.writeUInt32BE(p.length, 1); return Buffer.concat([h, p]); };
const trailer = (status, message) => frame(0x80, `grpc-status:${status}\r\n` + (message != null ? `grpc-message:${message}\r\n` : ''));
const GRPC_WEB = 'https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md';
const GRPC_STATUS = 'https://github.com/grpc/grpc/blob/master/doc/statuscodes.md';
const grpcReq = (url, msgBytes = Buffer.from([0x0a, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), text = false) => ({ method: 'POST', url,
  headers: { 'content-type': text ? 'application/grpc-web-text' : 'application/grpc-web+proto', 'x-grpc-web': '1', 'x-user-agent': 'grpc-web-javascript/0.1' },
  body: text ? frame(0, msgBytes).toString('base64') : undefined, ...(text ? {} : { body: frame(0, msgBytes).toString('base64'), bodyEncoding: 'base64' }) });
const trailersOnly = (status, grpcStatus, grpcMessage, extra = {}) => ({ status, headers: { 'content-type': 'application/grpc-web+proto', 'grpc-status': String(grpcStatus), ...(grpcMessage != null ? { 'grpc-message': grpcMessage } : {}), ...extra }, body: '' });
const b64Resp = (buf, ct = 'application/grpc-web+proto', headers = {}) => ({ status: 200, headers: { 'content-type': ct, ...headers }, body: buf.toString('base64'), bodyEncoding: 'base64' });

const ENVOY = 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/grpc_web_filter';
add('envoy-grpcweb-no-healthy-upstream', 'grpc-web:envoy', 'https://github.com/grpc/grpc-web/issues/1093', grpcReq('https://api.example.com/helloworld.Greeter/SayHello'),
  trailersOnly(200, 14, 'no healthy upstream', { server: 'envoy', 'access-control-expose-headers': 'grpc-status,grpc-message' }), E(true, 'UNAVAILABLE', 'no healthy upstream', true));
add('envoy-grpcweb-upstream-connect-error', 'grpc-web:envoy', 'https://github.com/envoyproxy/envoy/issues/11837', grpcReq('https://api.example.com/helloworld.Greeter/SayHello'),
  trailersOnly(200, 14, 'upstream connect error or disconnect/reset before headers. reset reason: connection failure', { server: 'envoy' }), E(true, 'UNAVAILABLE', 'upstream connect error or disconnect/reset before headers', true));
add('envoy-grpcweb-upstream-timeout', 'grpc-web:envoy', 'https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/grpc_http1_bridge_filter', grpcReq('https://api.example.com/report.Reports/Generate'),
  trailersOnly(200, 4, 'upstream request timeout', { server: 'envoy' }), E(true, 'DEADLINE_EXCEEDED', 'upstream request timeout'));
add('envoy-grpcweb-unknown-service', 'grpc-web:envoy', ENVOY, grpcReq('https://api.example.com/helloworld.Greeter/SayHellox'),
  trailersOnly(200, 12, 'unknown service helloworld.Greeter', { server: 'envoy' }), E(true, 'UNIMPLEMENTED', 'unknown service helloworld.Greeter', false));
add('grpcweb-trailer-frame-not-found', 'grpc-web:grpc-spec', GRPC_WEB, grpcReq('https://api.example.com/library.v1.Library/GetBook'),
  b64Resp(trailer(5, 'book shelves/1/books/42 not found')), E(true, 'NOT_FOUND', 'book shelves/1/books/42 not found', false));
add('grpcweb-trailer-frame-after-data-internal', 'grpc-web:grpc-spec', GRPC_WEB, grpcReq('https://api.example.com/chat.v1.Chat/History'),
  b64Resp(Buffer.concat([frame(0, Buffer.from([0x0a, 0x03, 0x68, 0x69, 0x21])), trailer(13, 'stream terminated by RST_STREAM with error code: INTERNAL_ERROR')])), E(true, 'INTERNAL', 'stream terminated by RST_STREAM'));
add('grpcweb-trailer-frame-ok', 'grpc-web:grpc-spec', GRPC_WEB, grpcReq('https://api.example.com/helloworld.Greeter/SayHello'),
  b64Resp(Buffer.concat([frame(0, Buffer.from([0x0a, 0x0b, ...Buffer.from('Hello world')])), trailer(0, null)])), { failure: false });
add('grpcweb-percent-encoded-message', 'grpc-web:grpc-spec', 'https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md#responses', grpcReq('https://api.example.com/billing.v1.Billing/Charge'),
  trailersOnly(200, 9, 'card declined: 100%25 of the monthly limit used; r%C3%A9essayez demain'), E(true, 'FAILED_PRECONDITION', 'card declined: 100% of the monthly limit used; réessayez demain', false));
add('grpcweb-text-trailer-unauthenticated', 'grpc-web:grpc-spec', GRPC_WEB, grpcReq('https://api.example.com/account.v1.Accounts/Me', undefined, true),
  { status: 200, headers: { 'content-type': 'application/grpc-web-text' }, body: trailer(16, 'missing or malformed bearer token').toString('base64') }, E(true, 'UNAUTHENTICATED', 'missing or malformed bearer token', false));
add('grpcweb-text-data-then-unavailable', 'grpc-web:grpc-spec', GRPC_WEB, grpcReq('https://api.example.com/feed.v1.Feed/Stream', undefined, true),
  { status: 200, headers: { 'content-type': 'application/grpc-web-text+proto' }, body: frame(0, Buffer.from([0x08, 0x01])).toString('base64') + trailer(14, 'transport is closing').toString('base64') }, E(true, 'UNAVAILABLE', 'transport is closing', true));
add('improbable-grpcweb-permission-denied', 'grpc-web:improbable-eng', 'https://github.com/improbable-eng/grpc-web/blob/master/go/grpcweb/wrapper.go', grpcReq('https://api.example.com/admin.v1.Admin/DeleteUser'),
  trailersOnly(200, 7, 'user is not an administrator', { 'access-control-expose-headers': 'grpc-status, grpc-message' }), E(true, 'PERMISSION_DENIED', 'user is not an administrator', false));
add('improbable-grpcweb-invalid-argument-frame', 'grpc-web:improbable-eng', 'https://github.com/improbable-eng/grpc-web/blob/master/client/grpc-web/src/ChunkParser.ts', grpcReq('https://api.example.com/search.v1.Search/Query'),
  b64Resp(trailer(3, 'page_size must be between 1 and 100')), E(true, 'INVALID_ARGUMENT', 'page_size must be between 1 and 100', false));
add('aspnet-grpcweb-resource-exhausted', 'grpc-web:grpc-dotnet', 'https://learn.microsoft.com/en-us/aspnet/core/grpc/grpcweb', grpcReq('https://localhost:5001/greet.Greeter/SayHello'),
  trailersOnly(200, 8, 'Rate limit exceeded. Retry after 30 seconds.', { server: 'Kestrel' }), E(true, 'RESOURCE_EXHAUSTED', 'Rate limit exceeded. Retry after 30 seconds.', true, { retryAfterSeconds: 30 }));
add('aspnet-grpcweb-cancelled', 'grpc-web:grpc-dotnet', 'https://learn.microsoft.com/en-us/aspnet/core/grpc/deadlines-cancellation', grpcReq('https://localhost:5001/greet.Greeter/SayHello'),
  trailersOnly(200, 1, 'Call canceled by the client.', { server: 'Kestrel' }), E(true, 'CANCELLED', 'Call canceled by the client.'));
add('tonic-web-already-exists', 'grpc-web:tonic-web', 'https://github.com/hyperium/tonic/blob/master/tonic-web/src/call.rs', grpcReq('https://api.example.com/users.v1.Users/Create'),
  b64Resp(trailer(6, 'user alice@example.com already exists')), E(true, 'ALREADY_EXISTS', 'user alice@example.com already exists', false));
add('grpcweb-http-503-from-proxy', 'grpc-web:grpc-spec', GRPC_STATUS, grpcReq('https://api.example.com/helloworld.Greeter/SayHello'),
  trailersOnly(503, 14, 'Service Unavailable'), E(true, 'UNAVAILABLE', 'Service Unavailable', true));

// ---------- Connect ----------
const CONNECT = 'https://connectrpc.com/docs/protocol/#error-end-stream';
const CONNECT_CODES = 'https://connectrpc.com/docs/protocol/#error-codes';
const connectReq = (url) => post(url, { sentence: 'I feel happy.' }, { 'connect-protocol-version': '1' });
const connectCases = [
  ['connect-unary-unavailable', 'connect:buf', CONNECT_CODES, 'unavailable', 503, 'connection refused: dial tcp 10.0.0.4:8080', true],
  ['connect-unary-invalid-argument', 'connect:buf', CONNECT_CODES, 'invalid_argument', 400, 'sentence must be 1 to 500 characters', false],
  ['connect-unary-unauthenticated', 'connect:buf', CONNECT_CODES, 'unauthenticated', 401, 'invalid or expired token', false],
  ['connect-unary-permission-denied', 'connect:buf', CONNECT_CODES, 'permission_denied', 403, 'caller lacks eliza.chat scope', false],
  ['connect-unary-not-found', 'connect:buf', CONNECT_CODES, 'not_found', 404, 'conversation c-1234 not found', false],
  ['connect-unary-resource-exhausted', 'connect:buf', CONNECT_CODES, 'resource_exhausted', 429, 'too many requests from this client', undefined],
  ['connect-unary-unimplemented', 'connect:buf', CONNECT_CODES, 'unimplemented', 501, 'connectrpc.eliza.v1.ElizaService.Introduce is not implemented', false],
  ['connect-unary-deadline-exceeded', 'connect:buf', CONNECT_CODES, 'deadline_exceeded', 504, 'operation timed out after 15s', undefined],
];
for (const [name, api, src, code, http, msg, retry] of connectCases)
  add(name, api, src, connectReq('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Say'), jsonResp(http, { code, message: msg }), E(true, code, msg, retry));
add('connect-unary-details', 'connect:buf', 'https://connectrpc.com/docs/go/errors#error-details', connectReq('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Say'),
  jsonResp(400, { code: 'failed_precondition', message: 'account is suspended', details: [{ type: 'google.rpc.ErrorInfo', value: 'ChNBQ0NPVU5UX1NVU1BFTkRFRBILZXhhbXBsZS5jb20', debug: { reason: 'ACCOUNT_SUSPENDED', domain: 'example.com' } }] }),
  E(true, 'failed_precondition', 'account is suspended', false));
add('connect-unary-retryinfo', 'connect:buf', 'https://connectrpc.com/docs/go/errors#error-details', connectReq('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Say'),
  jsonResp(503, { code: 'unavailable', message: 'server is shedding load', details: [{ type: 'google.rpc.RetryInfo', value: 'CgIIBQ', debug: { retryDelay: '5s' } }] }),
  E(true, 'unavailable', 'server is shedding load', true, { retryAfterSeconds: 5 }));
const envelope = (flags, obj) => frame(flags, J(obj));
add('connect-stream-end-error', 'connect:buf', CONNECT, post('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Introduce', 'AAAAAA8KDUknbSBhIHRlc3Rlcg==', { 'content-type': 'application/connect+json', 'connect-protocol-version': '1' }),
  b64Resp(Buffer.concat([envelope(0, { sentence: 'Hi, I am Eliza.' }), envelope(2, { error: { code: 'unavailable', message: 'upstream closed the stream' }, metadata: { 'x-trace': ['9a1f'] } })]), 'application/connect+json'),
  E(true, 'unavailable', 'upstream closed the stream', true));
add('connect-stream-end-ok', 'connect:buf', CONNECT, post('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Introduce', 'AAAAAA8KDUknbSBhIHRlc3Rlcg==', { 'content-type': 'application/connect+json', 'connect-protocol-version': '1' }),
  b64Resp(Buffer.concat([envelope(0, { sentence: 'Hi, I am Eliza.' }), envelope(2, { metadata: {} })]), 'application/connect+json'), { failure: false });
add('connect-stream-end-only-error', 'connect:connect-es', 'https://github.com/connectrpc/connect-es/blob/main/packages/connect/src/protocol-connect/end-stream.spec.ts', post('https://api.example.com/chat.v1.ChatService/Subscribe', 'AAAAAAI=', { 'content-type': 'application/connect+json', 'connect-protocol-version': '1' }),
  b64Resp(envelope(2, { error: { code: 'permission_denied', message: 'not a member of room general' } }), 'application/connect+json'), E(true, 'permission_denied', 'not a member of room general', false));
add('connect-es-unary-aborted', 'connect:connect-es', 'https://github.com/connectrpc/connect-es/blob/main/packages/connect/src/protocol-connect/error-json.spec.ts', connectReq('https://api.example.com/orders.v1.OrderService/Update'),
  jsonResp(409, { code: 'aborted', message: 'order was modified concurrently, reload and try again' }), E(true, 'aborted', 'order was modified concurrently'));
add('buf-registry-unauthenticated', 'connect:buf-registry', 'https://buf.build/docs/bsr/authentication', post('https://buf.build/buf.registry.module.v1.ModuleService/GetModules', { moduleRefs: [{ name: { owner: 'acme', module: 'petapis' } }] }, { 'connect-protocol-version': '1' }),
  jsonResp(401, { code: 'unauthenticated', message: 'you must be authenticated to access this resource' }), E(true, 'unauthenticated', 'you must be authenticated', false));
add('connect-get-unary-not-found', 'connect:buf', 'https://connectrpc.com/docs/protocol/#unary-get-request', get('https://demo.connectrpc.com/connectrpc.eliza.v1.ElizaService/Say?connect=v1&encoding=json&message=%7B%7D'),
  jsonResp(404, { code: 'not_found', message: 'no session for this client' }), E(true, 'not_found', 'no session for this client', false));

// ---------- Twirp ----------
const TWIRP = 'https://twitchtv.github.io/twirp/docs/spec_v7.html#error-codes';
const twirpReq = (m) => post('https://haberdasher.example.com/twirp/twirp.example.haberdasher.Haberdasher/' + m, { inches: 10 });
const twirpCases = [
  ['twirp-invalid-argument', 'invalid_argument', 400, 'inches I can\'t make a hat that small!', { argument: 'inches' }, false],
  ['twirp-not-found', 'not_found', 404, 'hat model 7 not found', {}, false],
  ['twirp-bad-route', 'bad_route', 404, 'no handler for path "/twirp/twirp.example.haberdasher.Haberdasher/MakeHats"', { twirp_invalid_route: 'POST /twirp/twirp.example.haberdasher.Haberdasher/MakeHats' }, false],
  ['twirp-unavailable', 'unavailable', 503, 'the hat factory is restarting', {}, true],
  ['twirp-unauthenticated', 'unauthenticated', 401, 'missing Authorization header', {}, false],
  ['twirp-internal-cause', 'internal', 500, 'failed to query hats table', { cause: 'pq: relation "hats" does not exist' }, undefined],
];
for (const [name, code, http, msg, meta, retry] of twirpCases)
  add(name, 'twirp:twitchtv', TWIRP, twirpReq('MakeHat'), jsonResp(http, { code, msg, meta }), E(true, code, msg, retry));
add('twirp-ruby-resource-exhausted', 'twirp:twirp-ruby', 'https://github.com/arthurnn/twirp-ruby/wiki/Errors', post('https://api.example.com/twirp/example.hello_world.HelloWorld/Hello', { name: 'World' }),
  jsonResp(429, { code: 'resource_exhausted', msg: 'Too many requests, try again in 60 seconds', meta: { retry_after: '60' } }), E(true, 'resource_exhausted', 'Too many requests', true, { retryAfterSeconds: 60 }));
add('twirp-ruby-malformed', 'twirp:twirp-ruby', 'https://github.com/arthurnn/twirp-ruby/blob/master/lib/twirp/service.rb', post('https://api.example.com/twirp/example.hello_world.HelloWorld/Hello', '{"name":', ),
  jsonResp(400, { code: 'malformed', msg: 'Invalid request body for rpc Hello: unexpected token at \'{"name":\'', meta: { cause: 'JSON::ParserError' } }), E(true, 'malformed', 'Invalid request body for rpc Hello', false));

// ---------- GraphQL ----------
const gq = (url, query, headers = {}) => post(url, { query }, headers);
const APOLLO = 'https://www.apollographql.com/docs/apollo-server/data/errors#built-in-error-codes';
add('apollo-unauthenticated', 'graphql:apollo-server', APOLLO, gq('https://api.example.com/graphql', '{ me { id } }'),
  jsonResp(200, { errors: [{ message: 'You must be logged in to query this schema', locations: [{ line: 1, column: 3 }], path: ['me'], extensions: { code: 'UNAUTHENTICATED' } }], data: { me: null } }), E(true, 'UNAUTHENTICATED', 'You must be logged in to query this schema', false));
add('apollo-validation-failed', 'graphql:apollo-server', APOLLO, gq('https://api.example.com/graphql', '{ books { titel } }'),
  jsonResp(400, { errors: [{ message: 'Cannot query field "titel" on type "Book". Did you mean "title"?', locations: [{ line: 1, column: 11 }], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }), E(true, 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field "titel" on type "Book"', false));
add('apollo-persisted-query-not-found', 'graphql:apollo-server', 'https://www.apollographql.com/docs/apollo-server/performance/apq', get('https://api.example.com/graphql?extensions=%7B%22persistedQuery%22%3A%7B%22version%22%3A1%2C%22sha256Hash%22%3A%22ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38%22%7D%7D'),
  jsonResp(200, { errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }), E(true, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', false));
add('apollo-internal-partial-data', 'graphql:apollo-server', APOLLO, gq('https://api.example.com/graphql', '{ books { title author { name } } }'),
  jsonResp(200, { errors: [{ message: 'Failed to fetch author 42 from authors service', locations: [{ line: 1, column: 23 }], path: ['books', 0, 'author'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }], data: { books: [{ title: 'The Awakening', author: null }] } }), E(true, 'INTERNAL_SERVER_ERROR', 'Failed to fetch author 42'));
add('apollo-batched-one-failed', 'graphql:apollo-server', 'https://www.apollographql.com/docs/apollo-server/api/apollo-server#allowbatchedhttprequests', post('https://api.example.com/graphql', [{ query: '{ books { title } }' }, { query: '{ author(id: "9") { name } }' }]),
  jsonResp(200, [{ data: { books: [{ title: 'City of Glass' }] } }, { errors: [{ message: 'Author 9 does not exist', path: ['author'], extensions: { code: 'NOT_FOUND' } }], data: { author: null } }]),
  E(true, 'NOT_FOUND', 'Author 9 does not exist', false, { operations: [{ index: 1, errorCode: 'NOT_FOUND', message: 'Author 9 does not exist' }] }));
add('graphql-empty-errors-success', 'graphql:apollo-server', 'https://spec.graphql.org/October2021/#sec-Errors', gq('https://api.example.com/graphql', '{ books { title } }'),
  jsonResp(200, { data: { books: [{ title: 'City of Glass' }] }, errors: [] }), { failure: false });
const HASURA = 'https://hasura.io/docs/2.0/api-reference/graphql-api/overview/';
add('hasura-field-not-found', 'graphql:hasura', 'https://github.com/hasura/graphql-engine/issues/3806', gq('https://my-app.hasura.app/v1/graphql', '{ users { id } }', { 'x-hasura-admin-secret': '***' }),
  jsonResp(200, { errors: [{ extensions: { path: '$.selectionSet.users', code: 'validation-failed' }, message: "field \"users\" not found in type: 'query_root'" }] }), E(true, 'validation-failed', 'field "users" not found in type', false));
add('hasura-constraint-violation', 'graphql:hasura', HASURA, gq('https://my-app.hasura.app/v1/graphql', 'mutation { insert_users_one(object: {email: "a@b.c"}) { id } }'),
  jsonResp(200, { errors: [{ extensions: { path: '$.selectionSet.insert_users_one.args.object', code: 'constraint-violation' }, message: 'Uniqueness violation. duplicate key value violates unique constraint "users_email_key"' }] }), E(true, 'constraint-violation', 'duplicate key value violates unique constraint', false));
add('hasura-jwt-expired', 'graphql:hasura', 'https://hasura.io/docs/2.0/auth/authentication/jwt/', gq('https://my-app.hasura.app/v1/graphql', '{ orders { id } }', { authorization: 'Bearer eyJ...' }),
  jsonResp(200, { errors: [{ extensions: { path: '$', code: 'invalid-jwt' }, message: 'Could not verify JWT: JWTExpired' }] }), E(true, 'invalid-jwt', 'Could not verify JWT: JWTExpired', false));
const GH = 'https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api';
add('github-graphql-not-found', 'graphql:github', 'https://docs.github.com/en/graphql/guides/forming-calls-with-graphql', gq('https://api.github.com/graphql', '{ repository(owner:"octocat", name:"nope") { id } }', { authorization: 'bearer ghp_x' }),
  jsonResp(200, { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], locations: [{ line: 1, column: 3 }], message: "Could not resolve to a Repository with the name 'octocat/nope'." }] }, { 'x-github-request-id': 'C0D4:5B6E:1A2B3C:1B2C3D:6567A1B2' }),
  E(true, 'NOT_FOUND', "Could not resolve to a Repository with the name 'octocat/nope'.", false, { errorId: 'C0D4:5B6E:1A2B3C:1B2C3D:6567A1B2' }));
add('github-graphql-rate-limited', 'graphql:github', GH, gq('https://api.github.com/graphql', '{ viewer { login } }', { authorization: 'bearer ghp_x' }),
  jsonResp(200, { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1234567.' }] }, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Date.parse(DATE) / 1000 + 1800), 'x-github-request-id': 'E1F2:7A8B:9C0D1E:2F3A4B:6567A1C3' }),
  E(true, 'RATE_LIMITED', 'API rate limit exceeded', true, { errorId: 'E1F2:7A8B:9C0D1E:2F3A4B:6567A1C3', retryAfterSeconds: 1800 }));
const SHOP = 'https://shopify.dev/docs/api/usage/rate-limits#graphql-admin-api-rate-limits';
add('shopify-admin-throttled', 'graphql:shopify-admin', SHOP, gq('https://my-shop.myshopify.com/admin/api/2024-10/graphql.json', '{ products(first: 250) { nodes { id } } }', { 'x-shopify-access-token': 'shpat_x' }),
  jsonResp(200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: { cost: { requestedQueryCost: 202, actualQueryCost: null, throttleStatus: { maximumAvailable: 2000.0, currentlyAvailable: 38, restoreRate: 100.0 } } } }, { 'x-request-id': '8d8f0a6e-2b2c-4c0f-9a7e-1b2e3f4a5b6c' }),
  E(true, 'THROTTLED', 'Throttled', true, { errorId: '8d8f0a6e-2b2c-4c0f-9a7e-1b2e3f4a5b6c', retryAfterSeconds: undefined }));
add('shopify-admin-access-denied', 'graphql:shopify-admin', 'https://shopify.dev/docs/api/admin-graphql#status_and_error_codes', gq('https://my-shop.myshopify.com/admin/api/2024-10/graphql.json', '{ themes(first: 1) { nodes { id } } }', { 'x-shopify-access-token': 'shpat_x' }),
  jsonResp(200, { errors: [{ message: 'Access denied for themes field. Required access: `read_themes` access scope.', locations: [{ line: 1, column: 3 }], path: ['themes'], extensions: { code: 'ACCESS_DENIED', documentation: 'https://shopify.dev/api/usage/access-scopes', requiredAccess: '`read_themes` access scope.' } }], data: null }, { 'x-request-id': 'f3a1c2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b' }),
  E(true, 'ACCESS_DENIED', 'Access denied for themes field', false, { errorId: 'f3a1c2b4-5d6e-4f70-8a9b-0c1d2e3f4a5b' }));
add('shopify-admin-user-errors-success', 'graphql:shopify-admin', 'https://shopify.dev/docs/api/admin-graphql/latest/mutations/productCreate', gq('https://my-shop.myshopify.com/admin/api/2024-10/graphql.json', 'mutation { productCreate(product: {title: ""}) { product { id } userErrors { field message } } }'),
  jsonResp(200, { data: { productCreate: { product: null, userErrors: [{ field: ['title'], message: "Title can't be blank" }] } }, extensions: { cost: { requestedQueryCost: 10, actualQueryCost: 10, throttleStatus: { maximumAvailable: 2000.0, currentlyAvailable: 1990, restoreRate: 100.0 } } } }),
  { failure: true, message: "Title can't be blank", retryable: false });
const CF = 'https://www.contentful.com/developers/docs/references/graphql/#/reference/graphql-errors';
add('contentful-too-complex', 'graphql:contentful', CF, gq('https://graphql.contentful.com/content/v1/spaces/abc123/environments/master', '{ blogPostCollection(limit: 1000) { items { title } } }'),
  jsonResp(400, { errors: [{ message: 'Query cannot be executed. The maximum allowed complexity for a query is 11000 but it was 20000. Simplify the query e.g. by setting lower limits for collections.', extensions: { contentful: { code: 'TOO_COMPLEX_QUERY', requestId: 'cf-7a4b1e2c-0d9f-4a3b-8c6d-5e4f3a2b1c0d', details: { cost: 20000, maximumCost: 11000 } } } }], data: {} }),
  E(true, 'TOO_COMPLEX_QUERY', 'The maximum allowed complexity for a query is 11000', false, { errorId: 'cf-7a4b1e2c-0d9f-4a3b-8c6d-5e4f3a2b1c0d' }));
add('contentful-unknown-locale', 'graphql:contentful', CF, gq('https://graphql.contentful.com/content/v1/spaces/abc123/environments/master', '{ blogPost(id: "1", locale: "xx") { title } }'),
  jsonResp(200, { data: { blogPost: null }, errors: [{ message: "Query execution error. Locale 'xx' does not exist in space abc123", locations: [{ line: 1, column: 3 }], path: ['blogPost'], extensions: { contentful: { code: 'UNKNOWN_LOCALE', requestId: 'cf-0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b' } } }] }),
  E(true, 'UNKNOWN_LOCALE', "Locale 'xx' does not exist", false, { errorId: 'cf-0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b' }));
const APPSYNC = 'https://docs.aws.amazon.com/appsync/latest/devguide/troubleshooting-and-common-mistakes.html';
add('appsync-unauthorized-field', 'graphql:appsync', 'https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html', gq('https://abc123.appsync-api.us-east-1.amazonaws.com/graphql', '{ getPost(id: "1") { id } }', { 'x-api-key': 'da2-x' }),
  jsonResp(200, { data: { getPost: null }, errors: [{ path: ['getPost'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'Not Authorized to access getPost on type Query' }] }, { 'x-amzn-requestid': '5c8f4a3e-2b1d-4e6f-9a0b-7c8d9e0f1a2b' }),
  E(true, 'Unauthorized', 'Not Authorized to access getPost on type Query', false, { errorId: '5c8f4a3e-2b1d-4e6f-9a0b-7c8d9e0f1a2b' }));
add('appsync-401-unauthorized-exception', 'graphql:appsync', APPSYNC, gq('https://abc123.appsync-api.us-east-1.amazonaws.com/graphql', '{ listPosts { items { id } } }', { 'x-api-key': 'da2-expired' }),
  jsonResp(401, { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] }, { 'x-amzn-requestid': '9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', 'x-amzn-errortype': 'UnauthorizedException' }),
  E(true, 'UnauthorizedException', 'You are not authorized to make this call.', false, { errorId: '9f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' }));
add('strawberry-permission-error', 'graphql:strawberry', 'https://strawberry.rocks/docs/guides/permissions', gq('https://api.example.com/graphql', '{ user { email } }'),
  jsonResp(200, { data: null, errors: [{ message: 'User is not authenticated', locations: [{ line: 1, column: 3 }], path: ['user'] }] }), E(true, null, 'User is not authenticated', false));
add('strawberry-masked-error', 'graphql:strawberry', 'https://strawberry.rocks/docs/extensions/mask-errors', gq('https://api.example.com/graphql', '{ report { total } }'),
  jsonResp(200, { data: null, errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['report'] }] }), E(true, null, 'Unexpected error.'));
add('graphql-java-validation', 'graphql:graphql-java', 'https://www.graphql-java.com/documentation/execution#errors', gq('https://api.example.com/graphql', '{ hero { nme } }'),
  jsonResp(200, { errors: [{ message: "Validation error (FieldUndefined@[hero/nme]) : Field 'nme' in type 'Character' is undefined", locations: [{ line: 1, column: 10 }], extensions: { classification: 'ValidationError' } }] }),
  E(true, null, "Field 'nme' in type 'Character' is undefined", false));
add('spring-graphql-not-found', 'graphql:spring-graphql', 'https://docs.spring.io/spring-graphql/reference/request-execution.html#execution.exceptions', gq('https://api.example.com/graphql', '{ bookById(id: "99") { name } }'),
  jsonResp(200, { errors: [{ message: 'Book with id 99 not found', locations: [{ line: 1, column: 3 }], path: ['bookById'], extensions: { classification: 'NOT_FOUND' } }], data: { bookById: null } }),
  E(true, null, 'Book with id 99 not found', false));
add('yoga-masked-unexpected', 'graphql:graphql-yoga', 'https://the-guild.dev/graphql/yoga-server/docs/features/error-masking', gq('https://api.example.com/graphql', '{ greeting }'),
  jsonResp(200, { errors: [{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['greeting'] }], data: null }), E(true, null, 'Unexpected error.'));
add('yoga-bad-request-no-query', 'graphql:graphql-yoga', 'https://the-guild.dev/graphql/yoga-server/docs/features/error-masking', post('https://api.example.com/graphql', {}),
  jsonResp(400, { errors: [{ message: 'Must provide query string.', extensions: { http: { spec: true, status: 400 } } }] }), E(true, null, 'Must provide query string.', false));
add('graphql-spec-partial-error', 'graphql:spec', 'https://spec.graphql.org/October2021/#sec-Errors', gq('https://api.example.com/graphql', '{ hero(episode: $episode) { name heroFriends: friends { id name } } }'),
  jsonResp(200, { errors: [{ message: 'Name for character with ID 1002 could not be fetched.', locations: [{ line: 6, column: 7 }], path: ['hero', 'heroFriends', 1, 'name'], extensions: { code: 'CAN_NOT_FETCH_BY_ID', timestamp: 'Fri Feb 9 14:33:09 UTC 2018' } }], data: { hero: { name: 'R2-D2', heroFriends: [{ id: '1000', name: 'Luke Skywalker' }, { id: '1002', name: null }, { id: '1003', name: 'Leia Organa' }] } } }),
  E(true, 'CAN_NOT_FETCH_BY_ID', 'Name for character with ID 1002 could not be fetched.'));

// ---------- SOAP ----------
const xmlResp = (status, body, ct = 'text/xml; charset=utf-8', headers = {}) => ({ status, headers: { 'content-type': ct, ...headers }, body });
const soapReq = (url, action, body) => ({ method: 'POST', url, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: action }, body });
add('soap11-spec-client-fault', 'soap:w3c-soap11', 'https://www.w3.org/TR/2000/NOTE-SOAP-20000508/#_Toc478383510',
  soapReq('http://www.stockquoteserver.com/StockQuote', '"Some-URI"', '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><m:GetLastTradePrice xmlns:m="Some-URI"><symbol>DIS</symbol></m:GetLastTradePrice></SOAP-ENV:Body></SOAP-ENV:Envelope>'),
  xmlResp(500, '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">\n  <SOAP-ENV:Body>\n    <SOAP-ENV:Fault>\n      <faultcode>SOAP-ENV:Server</faultcode>\n      <faultstring>Server Error</faultstring>\n      <detail>\n        <e:myfaultdetails xmlns:e="Some-URI">\n          <message>My application didn\'t work</message>\n          <errorcode>1001</errorcode>\n        </e:myfaultdetails>\n      </detail>\n    </SOAP-ENV:Fault>\n  </SOAP-ENV:Body>\n</SOAP-ENV:Envelope>'),
  { failure: true, errorCode: '1001', message: "My application didn't work", errorId: null, retryAfterSeconds: null });
add('soap12-spec-sender-fault', 'soap:w3c-soap12', 'https://www.w3.org/TR/soap12-part1/#faultcodes',
  soapReq('http://travelcompany.example.org/Reservations', '', '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body/></env:Envelope>'),
  xmlResp(400, '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:rpc="http://www.w3.org/2003/05/soap-rpc">\n <env:Body>\n  <env:Fault>\n   <env:Code>\n    <env:Value>env:Sender</env:Value>\n    <env:Subcode>\n     <env:Value>rpc:BadArguments</env:Value>\n    </env:Subcode>\n   </env:Code>\n   <env:Reason>\n    <env:Text xml:lang="en-US">Processing error</env:Text>\n    <env:Text xml:lang="cs">Chyba zpracování</env:Text>\n   </env:Reason>\n   <env:Detail>\n    <e:myFaultDetails xmlns:e="http://travelcompany.example.org/faults">\n     <e:message>Name does not match card number</e:message>\n     <e:errorcode>999</e:errorcode>\n    </e:myFaultDetails>\n   </env:Detail>\n  </env:Fault>\n </env:Body>\n</env:Envelope>', 'application/soap+xml; charset=utf-8'),
  { failure: true, errorCode: '999', message: 'Name does not match card number', errorId: null, retryable: false, retryAfterSeconds: null });
add('salesforce-soap-invalid-login', 'soap:salesforce', 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#i1421521',
  soapReq('https://login.salesforce.com/services/Soap/u/59.0', '""', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com"><soapenv:Body><urn:login><urn:username>a@b.c</urn:username><urn:password>x</urn:password></urn:login></soapenv:Body></soapenv:Envelope>'),
  xmlResp(500, '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring><detail><sf:LoginFault xsi:type="sf:LoginFault"><sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>Invalid username, password, security token; or user locked out.</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>'),
  E(true, 'INVALID_LOGIN', 'Invalid username, password, security token; or user locked out.', false));
add('salesforce-soap-invalid-session', 'soap:salesforce', 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#i1421521',
  soapReq('https://na1.salesforce.com/services/Soap/u/59.0', '""', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>'),
  xmlResp(500, '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session</faultstring><detail><sf:UnexpectedErrorFault xsi:type="sf:UnexpectedErrorFault"><sf:exceptionCode>INVALID_SESSION_ID</sf:exceptionCode><sf:exceptionMessage>Invalid Session ID found in SessionHeader: Illegal Session</sf:exceptionMessage></sf:UnexpectedErrorFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>'),
  E(true, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader', false));
add('dotnet-wcf-soap-fault', 'soap:wcf', 'https://learn.microsoft.com/en-us/dotnet/framework/wcf/specifying-and-handling-faults-in-contracts-and-services',
  soapReq('https://svc.example.com/Calculator.svc', '"http://tempuri.org/ICalculator/Divide"', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><Divide xmlns="http://tempuri.org/"><n1>1</n1><n2>0</n2></Divide></s:Body></s:Envelope>'),
  xmlResp(500, '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode xmlns:a="http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher">a:InternalServiceFault</faultcode><faultstring xml:lang="en-US">The server was unable to process the request due to an internal error.  For more information about the error, either turn on IncludeExceptionDetailInFaults (either from ServiceBehaviorAttribute or from the &lt;serviceDebug&gt; configuration behavior) on the server in order to send the exception information back to the client, or turn on tracing as per the Microsoft .NET Framework SDK documentation and inspect the server trace logs.</faultstring></s:Fault></s:Body></s:Envelope>'),
  { failure: true, errorCode: 'InternalServiceFault', message: 'The server was unable to process the request due to an internal error.', errorId: null, retryAfterSeconds: null });

fs.writeFileSync(out + '.tmp', JSON.stringify(cases, null, 1) + '\n');
fs.renameSync(out + '.tmp', out);
console.log(cases.length, 'cases', new Set(cases.map((c) => c.api)).size, 'apis');
