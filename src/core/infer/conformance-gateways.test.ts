// Gateways, CDNs and PaaS routers: the default error responses their documentation and source show
// (body and headers), with what a developer needs from each: the failure, the gateway's own code,
// the ID its support asks for, the message, and whether a re-send can succeed.
// Sources (one per row group):
// nginx: https://github.com/nginx/nginx/blob/master/src/http/ngx_http_special_response.c
// Envoy: https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/router_filter (x-envoy-* headers),
//   https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/local_rate_limit_filter ("local_rate_limited", x-envoy-ratelimited)
// AWS API Gateway: https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
// AWS ALB: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html
// CloudFront: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/http-502-bad-gateway.html ("The request could not be satisfied", Request ID)
// Azure APIM: https://learn.microsoft.com/en-us/azure/api-management/rate-limit-policy (429 "Rate limit is exceeded. Try again in N seconds.")
// Google front end: https://cloud.google.com/load-balancing/docs/https/troubleshooting-ext-https-lbs (502 "Error: Server Error")
// Akamai: https://techdocs.akamai.com/property-mgr/docs/reference-number ("Reference #")
// Varnish: https://github.com/varnishcache/varnish-cache/blob/master/bin/varnishd/builtin.vcl (synth page, "XID")
// Vercel: https://vercel.com/docs/errors (x-vercel-error, x-vercel-id)
// Netlify: https://docs.netlify.com/api/get-started/ (x-nf-request-id)
// Kong: https://docs.konghq.com/gateway/latest/reference/configuration/#headers (X-Kong-Request-Id), router "no Route matched"
// HAProxy: https://github.com/haproxy/haproxy/blob/master/src/http.c (http_err_msgs)
// Traefik: https://doc.traefik.io/traefik/ (404 "404 page not found", Go net/http text)
// Heroku: https://devcenter.heroku.com/articles/http-request-id (X-Request-ID), https://devcenter.heroku.com/articles/error-pages
// Fly.io: https://fly.io/docs/networking/request-headers/ (fly-request-id)  Render: rndr-id
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Classification, Exchange } from '../types';

const ex = (status: number, mime: string, body: string, headers: Record<string, string> = {}): Exchange => ({
  method: 'GET',
  url: 'https://app.example.test/api/orders',
  status,
  responseHeaders: { 'content-type': mime, date: 'Mon, 07 Dec 2026 02:00:00 GMT', ...headers },
  body,
});

type Want = Partial<Pick<Classification, 'failure' | 'errorCode' | 'errorId' | 'retryable' | 'retryAfterSeconds'>> & {
  messageHas?: string;
};
const rows: Array<[string, Exchange, Want]> = [];
const row = (name: string, exchange: Exchange, want: Want): void => {
  rows.push([name, exchange, want]);
};

// nginx special responses
const nginxPage = (status: string) =>
  `<html>\r\n<head><title>${status}</title></head>\r\n<body>\r\n<center><h1>${status}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
row('nginx 502', ex(502, 'text/html', nginxPage('502 Bad Gateway'), { server: 'nginx' }), {
  failure: true,
  retryable: true,
  errorId: null,
  messageHas: 'Bad Gateway',
});
row('nginx 504', ex(504, 'text/html', nginxPage('504 Gateway Time-out'), { server: 'nginx' }), {
  failure: true,
  retryable: true,
  messageHas: 'Gateway Time-out',
});
row('nginx 413', ex(413, 'text/html', nginxPage('413 Request Entity Too Large'), { server: 'nginx' }), {
  failure: true,
  retryable: false,
  messageHas: 'Request Entity Too Large',
});
row('nginx 503 (limit_req default status)', ex(503, 'text/html', nginxPage('503 Service Temporarily Unavailable')), {
  failure: true,
  retryable: true,
});

// Envoy local replies
row(
  'Envoy no healthy upstream',
  ex(503, 'text/plain', 'no healthy upstream', { server: 'envoy', 'x-envoy-upstream-service-time': '0' }),
  { failure: true, retryable: true, messageHas: 'no healthy upstream', errorCode: null },
);
row(
  'Envoy upstream connect error',
  ex(503, 'text/plain', 'upstream connect error or disconnect/reset before headers. reset reason: connection failure', {
    server: 'envoy',
  }),
  { failure: true, retryable: true, messageHas: 'upstream connect error' },
);
row('Envoy upstream request timeout', ex(504, 'text/plain', 'upstream request timeout', { server: 'envoy' }), {
  failure: true,
  retryable: true,
  messageHas: 'upstream request timeout',
});
row(
  'Envoy local rate limit',
  ex(429, 'text/plain', 'local_rate_limited', { server: 'envoy', 'x-envoy-ratelimited': 'true' }),
  { failure: true, retryable: true },
);

// AWS API Gateway gateway responses
const apigw = (status: number, type: string, message: string) =>
  ex(status, 'application/json', JSON.stringify({ message }), {
    'x-amzn-requestid': 'c0a6a9a5-3b1e-4b1f-9d5e-2f1c8f7e6d5c',
    'x-amzn-errortype': type,
    'x-amz-apigw-id': 'Kx1bAEXAoAMF9Ag=',
  });
row(
  'API Gateway MISSING_AUTHENTICATION_TOKEN',
  apigw(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token'),
  {
    failure: true,
    errorCode: 'MissingAuthenticationTokenException',
    errorId: 'c0a6a9a5-3b1e-4b1f-9d5e-2f1c8f7e6d5c',
    retryable: false,
    messageHas: 'Missing Authentication Token',
  },
);
row('API Gateway THROTTLED', apigw(429, 'TooManyRequestsException', 'Too Many Requests'), {
  failure: true,
  errorCode: 'TooManyRequestsException',
  retryable: true,
});
row('API Gateway INTEGRATION_TIMEOUT', apigw(504, 'InternalServerErrorException', 'Endpoint request timed out'), {
  failure: true,
  errorCode: 'InternalServerErrorException',
  retryable: true,
  messageHas: 'Endpoint request timed out',
});
row(
  'API Gateway ACCESS_DENIED',
  apigw(403, 'AccessDeniedException', 'User is not authorized to access this resource'),
  {
    failure: true,
    errorCode: 'AccessDeniedException',
    retryable: false,
  },
);

// AWS ALB
row(
  'ALB 502',
  ex(
    502,
    'text/html',
    '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n',
    { server: 'awselb/2.0' },
  ),
  { failure: true, retryable: true, errorId: null, messageHas: 'Bad Gateway' },
);

// CloudFront
const cfId = '2S6-nLfpfqU8GqvjWmh-UnG6IL0JQt0S8oVBB7ER_eJWI4yYwBqg9w==';
const cloudfront = (status: number, h1: string, why: string) =>
  ex(
    status,
    'text/html',
    `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n<H1>${h1}</H1>\n<H2>The request could not be satisfied.</H2>\n<HR noshade size="1px">\n${why}\n<BR clear="all">\n<HR noshade size="1px">\n<PRE>\nGenerated by cloudfront (CloudFront)\nRequest ID: ${cfId}\n</PRE>\n<ADDRESS>\n</ADDRESS>\n</BODY></HTML>`,
    { 'x-amz-cf-id': cfId, 'x-cache': 'Error from cloudfront', server: 'CloudFront' },
  );
row('CloudFront 403 request blocked', cloudfront(403, '403 ERROR', 'Request blocked.'), {
  failure: true,
  errorId: cfId,
  retryable: false,
});
row(
  'CloudFront 502 origin unreachable',
  cloudfront(502, '502 ERROR', "CloudFront wasn't able to connect to the origin."),
  { failure: true, errorId: cfId, retryable: true },
);
row(
  'CloudFront 504 origin timeout',
  cloudfront(504, '504 Gateway Timeout ERROR', "We can't connect to the server for this app or website at this time."),
  {
    failure: true,
    errorId: cfId,
    retryable: true,
  },
);

// Azure API Management
row(
  'APIM missing subscription key',
  ex(
    401,
    'application/json',
    JSON.stringify({
      statusCode: 401,
      message:
        'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    }),
  ),
  { failure: true, retryable: false, messageHas: 'missing subscription key' },
);
row(
  'APIM rate limit',
  ex(
    429,
    'application/json',
    JSON.stringify({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 5 seconds.' }),
    {
      'retry-after': '5',
    },
  ),
  { failure: true, retryable: true, retryAfterSeconds: 5, messageHas: 'Rate limit is exceeded' },
);
row(
  'Azure Front Door 503 with x-azure-ref',
  ex(
    503,
    'text/html',
    "<html><body><h2>Our services aren't available right now</h2><p>We're working to restore all services as soon as possible. Please check back soon.</p></body></html>",
    {
      'x-azure-ref':
        '0kbNcZQAAAAB3aCq0L5k3QpH+9KJ4wJ2NTUxNDc1NjQzMDMxADdlYjI0MTk5LTVkNWMtNDA0Ny04NjQyLWExZWVlZDBhNmQ0Mw==',
    },
  ),
  {
    failure: true,
    retryable: true,
    errorId: '0kbNcZQAAAAB3aCq0L5k3QpH+9KJ4wJ2NTUxNDc1NjQzMDMxADdlYjI0MTk5LTVkNWMtNDA0Ny04NjQyLWExZWVlZDBhNmQ0Mw==',
  },
);

// Google front end
row(
  'Google front end 502 with "try again in 30 seconds"',
  ex(
    502,
    'text/html; charset=UTF-8',
    '<!DOCTYPE html>\n<html lang=en>\n<meta charset=utf-8>\n<title>Error 502 (Server Error)!!1</title>\n<p><b>502.</b> <ins>That’s an error.</ins>\n<p>The server encountered a temporary error and could not complete your request.<p>Please try again in 30 seconds.  <ins>That’s all we know.</ins>\n',
  ),
  { failure: true, retryable: true, retryAfterSeconds: 30, messageHas: 'temporary error' },
);

// Akamai
row(
  'Akamai access denied with Reference #',
  ex(
    403,
    'text/html',
    '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "http&#58;&#47;&#47;www&#46;example&#46;com&#47;" on this server.<P>\nReference&#32;&#35;18&#46;2d351ab8&#46;1557333295&#46;a4e16ab\n</BODY>\n</HTML>\n',
    { server: 'AkamaiGHost' },
  ),
  { failure: true, retryable: false, errorId: '18.2d351ab8.1557333295.a4e16ab', messageHas: 'Access Denied' },
);

// Varnish builtin synth page
row(
  'Varnish 503 Backend fetch failed, XID',
  ex(
    503,
    'text/html; charset=utf-8',
    '<!DOCTYPE html>\n<html>\n  <head>\n    <title>503 Backend fetch failed</title>\n  </head>\n  <body>\n    <h1>Error 503 Backend fetch failed</h1>\n    <p>Backend fetch failed</p>\n    <h3>Guru Meditation:</h3>\n    <p>XID: 32770</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n',
    { 'x-varnish': '32770' },
  ),
  { failure: true, retryable: true, errorId: '32770', messageHas: 'Backend fetch failed' },
);

// Vercel
const vercelId = 'iad1::iad1::5p8hv-1673445613426-eb4ad75b95e5';
row(
  'Vercel FUNCTION_INVOCATION_FAILED',
  ex(500, 'text/plain; charset=utf-8', `A server error has occurred\n\nFUNCTION_INVOCATION_FAILED\n\n${vercelId}\n`, {
    'x-vercel-id': vercelId,
    'x-vercel-error': 'FUNCTION_INVOCATION_FAILED',
    server: 'Vercel',
  }),
  { failure: true, errorCode: 'FUNCTION_INVOCATION_FAILED', errorId: vercelId },
);
row(
  'Vercel DEPLOYMENT_NOT_FOUND',
  ex(
    404,
    'text/plain; charset=utf-8',
    `The deployment could not be found on Vercel.\n\nDEPLOYMENT_NOT_FOUND\n\n${vercelId}\n`,
    {
      'x-vercel-id': vercelId,
      'x-vercel-error': 'DEPLOYMENT_NOT_FOUND',
    },
  ),
  { failure: true, errorCode: 'DEPLOYMENT_NOT_FOUND', errorId: vercelId, retryable: false },
);

// Vercel codes whose verdict the docs give (https://vercel.com/docs/errors): a paused or disabled
// deployment waits for its owner; a throttled or timed-out function is transient.
const vercel = (status: number, code: string, title: string) =>
  ex(status, 'text/plain; charset=utf-8', `${title}\n\n${code}\n\n${vercelId}\n`, {
    'x-vercel-id': vercelId,
    'x-vercel-error': code,
  });
row('Vercel DEPLOYMENT_PAUSED', vercel(503, 'DEPLOYMENT_PAUSED', 'This deployment is temporarily paused'), {
  failure: true,
  errorCode: 'DEPLOYMENT_PAUSED',
  retryable: false,
});
row('Vercel FUNCTION_THROTTLED', vercel(503, 'FUNCTION_THROTTLED', 'A server error has occurred'), {
  failure: true,
  errorCode: 'FUNCTION_THROTTLED',
  retryable: true,
});
row('Vercel FUNCTION_PAYLOAD_TOO_LARGE', vercel(413, 'FUNCTION_PAYLOAD_TOO_LARGE', 'Request Entity Too Large'), {
  failure: true,
  errorCode: 'FUNCTION_PAYLOAD_TOO_LARGE',
  retryable: false,
});
row(
  'Vercel MIDDLEWARE_INVOCATION_TIMEOUT',
  vercel(504, 'MIDDLEWARE_INVOCATION_TIMEOUT', 'An error occurred with your deployment'),
  {
    failure: true,
    errorCode: 'MIDDLEWARE_INVOCATION_TIMEOUT',
    retryable: true,
  },
);

// AWS: x-amzn-ErrorType may carry a `:<namespace URL>` suffix, __type a `<namespace>#` prefix (smithy-rs error_envelope)
row(
  'API Gateway x-amzn-ErrorType with the coral suffix',
  ex(403, 'application/json', JSON.stringify({ message: 'Missing Authentication Token' }), {
    'x-amzn-requestid': 'c0a6a9a5-3b1e-4b1f-9d5e-2f1c8f7e6d5c',
    'x-amzn-errortype':
      'MissingAuthenticationTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/',
  }),
  { failure: true, errorCode: 'MissingAuthenticationTokenException', retryable: false },
);
row(
  'AWS JSON __type with the namespace prefix',
  ex(
    400,
    'application/x-amz-json-1.0',
    JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    }),
    {
      'x-amzn-requestid': 'K1V5T4E3S2R1Q0P9O8N7M6L5K4J3I2H1G0F9E8D7C6B5A4Z3Y2X1',
    },
  ),
  {
    failure: true,
    errorCode: 'ResourceNotFoundException',
    errorId: 'K1V5T4E3S2R1Q0P9O8N7M6L5K4J3I2H1G0F9E8D7C6B5A4Z3Y2X1',
    retryable: false,
  },
);

// Netlify
row(
  'Netlify 502 with x-nf-request-id',
  ex(502, 'text/plain', 'error decoding lambda response: unexpected end of JSON input', {
    'x-nf-request-id': '01HF6M3Q6R5V9X7Y2Z3A4B5C6D',
    server: 'Netlify',
  }),
  { failure: true, retryable: true, errorId: '01HF6M3Q6R5V9X7Y2Z3A4B5C6D' },
);

// Kong
row(
  'Kong no route matched',
  ex(
    404,
    'application/json; charset=utf-8',
    JSON.stringify({ message: 'no Route matched with those values', request_id: '8b3b0c1e2a5f4d0c9a7e6b5c' }),
    {
      'x-kong-request-id': '8b3b0c1e2a5f4d0c9a7e6b5c',
      server: 'kong/3.6.1',
    },
  ),
  { failure: true, retryable: false, errorId: '8b3b0c1e2a5f4d0c9a7e6b5c', messageHas: 'no Route matched' },
);
row(
  'Kong rate limiting',
  ex(429, 'application/json; charset=utf-8', JSON.stringify({ message: 'API rate limit exceeded' }), {
    'retry-after': '17',
    'ratelimit-reset': '17',
    'x-kong-response-latency': '0',
  }),
  { failure: true, retryable: true, retryAfterSeconds: 17 },
);

// HAProxy
row(
  'HAProxy 503',
  ex(
    503,
    'text/html',
    '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n',
  ),
  { failure: true, retryable: true, messageHas: 'No server is available' },
);
row(
  'HAProxy 504',
  ex(
    504,
    'text/html',
    "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n",
  ),
  { failure: true, retryable: true, messageHas: "didn't respond in time" },
);

// Traefik
row('Traefik 404', ex(404, 'text/plain; charset=utf-8', '404 page not found\n'), {
  failure: true,
  retryable: false,
  messageHas: 'page not found',
});

// Heroku router
row(
  'Heroku application error with X-Request-ID',
  ex(
    503,
    'text/html; charset=utf-8',
    '<!DOCTYPE html>\n<html>\n<head>\n<title>Application Error</title>\n</head>\n<body>\n<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>\n</body>\n</html>',
    { 'x-request-id': 'f2b3c4d5-6e7f-4a8b-9c0d-1e2f3a4b5c6d', server: 'Cowboy', via: '1.1 vegur' },
  ),
  { failure: true, errorId: 'f2b3c4d5-6e7f-4a8b-9c0d-1e2f3a4b5c6d', messageHas: 'Application Error' },
);

// Fly.io and Render
row(
  'Fly.io proxy 502 with fly-request-id',
  ex(502, 'text/plain', '', {
    'fly-request-id': '01HF6N0K9Z2X8W7V6U5T4S3R2Q-iad',
    server: 'Fly/1b2c3d4e (2024-01-01)',
  }),
  { failure: true, retryable: true, errorId: '01HF6N0K9Z2X8W7V6U5T4S3R2Q-iad' },
);
row(
  'Render 502 with rndr-id',
  ex(502, 'text/html', '<html><body><h1>Bad Gateway</h1></body></html>', {
    'rndr-id': '3f1e2d3c-4b5a-4c6d',
    'x-render-origin-server': 'Render',
  }),
  { failure: true, retryable: true, errorId: '3f1e2d3c-4b5a-4c6d' },
);

// Fastly's synthetic error page (Varnish-derived): "Details: cache-<node> <epoch> <xid>" is what Fastly support asks for
// (https://www.fastly.com/documentation/guides/concepts/errors/ , "Guru Mediation").
row(
  'Fastly 503 first byte timeout',
  ex(
    503,
    'text/html; charset=utf-8',
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html>\n  <head>\n    <title>503 first byte timeout</title>\n  </head>\n  <body>\n    <h1>Error 503 first byte timeout</h1>\n    <p>first byte timeout</p>\n    <h3>Guru Mediation:</h3>\n    <p>Details: cache-sjc10032-SJC 1485203539 3326064564</p>\n    <hr>\n    <p>Varnish cache server</p>\n  </body>\n</html>\n',
    { 'x-served-by': 'cache-sjc10032-SJC', 'x-cache': 'MISS', via: '1.1 varnish' },
  ),
  {
    failure: true,
    retryable: true,
    errorId: 'cache-sjc10032-SJC 1485203539 3326064564',
    messageHas: 'first byte timeout',
  },
);

// Lambda function URL (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html) and API Gateway HTTP APIs,
// whose request ID header is apigw-requestid (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html)
row(
  'Lambda function URL forbidden',
  ex(
    403,
    'application/json',
    JSON.stringify({
      Message:
        'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
    }),
    {
      'x-amzn-requestid': '4b8e6a1c-2d3f-4e5a-9b7c-1d2e3f4a5b6c',
      'x-amzn-errortype': 'AccessDeniedException',
    },
  ),
  {
    failure: true,
    errorCode: 'AccessDeniedException',
    errorId: '4b8e6a1c-2d3f-4e5a-9b7c-1d2e3f4a5b6c',
    retryable: false,
    messageHas: 'Forbidden',
  },
);
row(
  'API Gateway HTTP API 503 with apigw-requestid',
  ex(503, 'application/json', JSON.stringify({ message: 'Service Unavailable' }), {
    'apigw-requestid': 'Kx1bAEXAoAMEbAg=',
  }),
  { failure: true, retryable: true, errorId: 'Kx1bAEXAoAMEbAg=' },
);

// Azure API Management's own errors carry activityId, the ID its diagnostics are keyed by
// (https://learn.microsoft.com/en-us/azure/api-management/api-management-error-handling-policies)
row(
  'APIM 500 with activityId',
  ex(
    500,
    'application/json',
    JSON.stringify({
      statusCode: 500,
      message: 'Internal server error',
      activityId: '2b5c7e1a-9f3d-4c8b-a6e2-1d4f7b9c3e5a',
    }),
  ),
  { failure: true, retryable: true, errorId: '2b5c7e1a-9f3d-4c8b-a6e2-1d4f7b9c3e5a' },
);

// Kong proxy errors (kong/kong kong/runloop/handler.lua, kong/tools/http.lua default messages)
row(
  'Kong 503 no peer',
  ex(
    503,
    'application/json; charset=utf-8',
    JSON.stringify({ message: 'failure to get a peer from the ring-balancer', request_id: '5c1f8e2d7a3b4c6d9e0f1a2b' }),
    {
      'x-kong-request-id': '5c1f8e2d7a3b4c6d9e0f1a2b',
    },
  ),
  { failure: true, retryable: true, errorId: '5c1f8e2d7a3b4c6d9e0f1a2b', messageHas: 'ring-balancer' },
);
row(
  'Kong 502 invalid upstream response',
  ex(
    502,
    'application/json; charset=utf-8',
    JSON.stringify({
      message: 'An invalid response was received from the upstream server',
      request_id: '7d2e9f3a8b4c5d6e0f1a2b3c',
    }),
    {
      'x-kong-request-id': '7d2e9f3a8b4c5d6e0f1a2b3c',
    },
  ),
  { failure: true, retryable: true, errorId: '7d2e9f3a8b4c5d6e0f1a2b3c' },
);
row(
  'Kong 401 no API key',
  ex(401, 'application/json; charset=utf-8', JSON.stringify({ message: 'No API key found in request' })),
  {
    failure: true,
    retryable: false,
    messageHas: 'No API key found',
  },
);

// HAProxy http_err_msgs
row(
  'HAProxy 403',
  ex(
    403,
    'text/html',
    '<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n',
  ),
  { failure: true, retryable: false, messageHas: 'forbidden by administrative rules' },
);
row(
  'HAProxy 502',
  ex(
    502,
    'text/html',
    '<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n',
  ),
  { failure: true, retryable: true, messageHas: 'invalid or incomplete response' },
);
row(
  'HAProxy 429',
  ex(
    429,
    'text/html',
    '<html><body><h1>429 Too Many Requests</h1>\nYou have sent too many requests in a given amount of time.\n</body></html>\n',
  ),
  { failure: true, retryable: true, messageHas: 'too many requests' },
);

describe('gateways, CDNs and PaaS routers: documented default errors', () => {
  it.each(rows)('%s', (_name, exchange, want) => {
    const c = classify(exchange);
    const { messageHas, ...rest } = want;
    expect(c).toMatchObject(rest);
    if (messageHas !== undefined) expect((c.message ?? '').toLowerCase()).toContain(messageHas.toLowerCase());
  });
});
