// Probe grid for non-JSON error bodies (issue 13, session 20, reach-p2): HTML pages of frameworks,
// servers, CDNs, WAFs and gateways; XML error documents; plain text and key=value bodies. Each
// dimension's values come from a public convention (listed in corpus/tools/reach-p2-sources.md); a
// cell combines one value of each dimension, and its expected fields follow from the rules of
// ../shared/fixtures/README.md, never from what Faultline prints. Pure: tests and the tally script
// build the cells.
import { classify } from '../classify';
import { seedMismatches, type SeedCase } from './seed-cases';

export interface GridCell {
  /** The grid it belongs to (`html`, `xml`, `text`) and its value on each dimension. */
  grid: string;
  dims: Record<string, string>;
  status: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string;
  expect: Partial<SeedCase['expected']>;
  /** Text the message must not contain (a server banner, a footer). */
  messageExcludes?: string;
}

const NOW = Date.parse('2030-01-01T00:00:00Z');

/** The fields of a cell's classification that break its expectations (empty when it passes). */
export function cellMismatches(cell: GridCell): string[] {
  const headers: Record<string, string> = { ...cell.headers };
  if (cell.contentType !== undefined) headers['content-type'] = cell.contentType;
  const got = classify(
    {
      method: 'GET',
      url: 'https://api.example.test/v1/things/42',
      status: cell.status,
      responseHeaders: headers,
      body: cell.body,
    },
    { now: NOW },
  );
  const problems = seedMismatches(cell.expect as SeedCase['expected'], got);
  if (cell.messageExcludes && (got.message ?? '').toLowerCase().includes(cell.messageExcludes.toLowerCase()))
    problems.push(
      `message: must not contain ${JSON.stringify(cell.messageExcludes)}, got ${JSON.stringify(got.message)}`,
    );
  return problems;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Retryable by the status alone where the README's rule is unambiguous; 500 is left unchecked. */
function statusRetryable(status: number): { retryable?: boolean } {
  if (status === 502 || status === 503) return { retryable: true };
  if (status === 400 || status === 403 || status === 404) return { retryable: false };
  return {};
}

// ---------------------------------------------------------------------------------------------------
// HTML pages
// ---------------------------------------------------------------------------------------------------

/** Where the page's specific sentence sits, as the named servers and frameworks write their pages. */
interface Layout {
  name: string;
  sentence: string;
  /** The sentence says something of its own about retrying (so the status alone does not decide). */
  ownRetrySense?: boolean;
  /** The page around `{id}` (ID block) and `{chrome}` (banner), for a status. */
  page: (status: number, sentence: string) => { head: string; main: string };
}

const LAYOUTS: Layout[] = [
  {
    // Apache httpd, Werkzeug, Django: reason as title and heading, the sentence in a paragraph.
    name: 'title+h1 reason, p sentence',
    sentence: "You don't have permission to access this resource.",
    page: (s, t) => ({
      head: `<title>${s} ${REASONS[s]}</title>`,
      main: `<h1>${REASONS[s]}</h1>\n<p>${t}</p>`,
    }),
  },
  {
    // Rails public/404.html: the heading is the sentence.
    name: 'h1 sentence',
    sentence: 'The page you were looking for doesn&#39;t exist.',
    page: (s, t) => ({ head: `<title>${REASONS[s]} (${s})</title>`, main: `<div class="dialog"><h1>${t}</h1></div>` }),
  },
  {
    // IIS / ASP.NET: a generic h1 ("Server Error"), the specific text in h2/h3.
    name: 'generic h1, h2 sentence',
    sentence: 'The resource you are looking for has been removed, had its name changed, or is temporarily unavailable.',
    page: (s, t) => ({
      head: `<title>${s} - ${REASONS[s]}</title>`,
      main: `<div id="header"><h1>Server Error</h1></div>\n<div id="content"><fieldset><h2>${s} - ${REASONS[s]}</h2><h3>${t}</h3></fieldset></div>`,
    }),
  },
  {
    // Express finalhandler: only a <pre>.
    name: 'pre only',
    sentence: 'Cannot GET /v1/things/42',
    page: (_s, t) => ({ head: '<meta charset="utf-8">\n<title>Error</title>', main: `<pre>${t}</pre>` }),
  },
  {
    // Single-page gateways: no headings, one div of text.
    name: 'div only',
    sentence: 'The upstream server did not answer in time.',
    page: (_s, t) => ({ head: '<title>Error</title>', main: `<div class="error-message">${t}</div>` }),
  },
  {
    // Jetty: a table of URI / STATUS / MESSAGE rows under an h2.
    name: 'table MESSAGE row',
    sentence: 'Missing required parameter: account',
    // Blames the request: not retryable on any status (README), so the status alone does not decide.
    ownRetrySense: true,
    page: (s, t) => ({
      head: `<title>Error ${s} ${REASONS[s]}</title>`,
      main: `<h2>HTTP ERROR ${s} ${REASONS[s]}</h2>\n<table>\n<tr><th>URI:</th><td>/v1/things/42</td></tr>\n<tr><th>STATUS:</th><td>${s}</td></tr>\n<tr><th>MESSAGE:</th><td>${t}</td></tr>\n</table>`,
    }),
  },
  {
    // Tomcat status report: labelled paragraphs.
    name: 'labelled paragraph',
    sentence: 'The requested resource [/v1/things/42] is not available',
    page: (s, t) => ({
      head: `<title>HTTP Status ${s} – ${REASONS[s]}</title>`,
      main: `<h1>HTTP Status ${s} – ${REASONS[s]}</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Message</b> ${t}</p>`,
    }),
  },
  {
    // Akamai: upper-case tags, text straight in the body after the heading.
    name: 'bare text after h1',
    sentence:
      'You don&#39;t have permission to access &quot;http&#58;&#47;&#47;api&#46;example&#46;test&#47;v1&#47;things&#47;42&quot; on this server.',
    page: (_s, t) => ({ head: '<TITLE>Access Denied</TITLE>', main: `<H1>Access Denied</H1>\n \n${t}<P>` }),
  },
  {
    // A title that says it all over a bare status number (custom error pages).
    name: 'title sentence, h1 number',
    sentence: 'This account has been suspended',
    ownRetrySense: true,
    page: (s, t) => ({ head: `<title>${t}</title>`, main: `<h1>${s}</h1>` }),
  },
  {
    // Nginx / CloudFront: the heading plus an h2 sentence.
    name: 'h1 reason, h2 sentence',
    sentence: 'The request could not be satisfied.',
    page: (s, t) => ({
      head: `<TITLE>ERROR: ${t}</TITLE>`,
      main: `<H1>${s} ERROR</H1>\n<H2>${t}</H2>\n<HR noshade size="1px">`,
    }),
  },
];

/** What servers and CDNs add around the message: banners, footers, scripts. Never the message. */
const CHROME: Array<{ name: string; html: string; banner?: string }> = [
  { name: 'none', html: '' },
  { name: 'nginx banner', html: '<hr><center>nginx/1.25.3</center>', banner: 'nginx/1.25.3' },
  {
    name: 'Apache address',
    html: '<hr>\n<address>Apache/2.4.57 (Debian) Server at api.example.test Port 443</address>',
    banner: 'Server at api.example.test',
  },
  {
    name: 'Jetty powered-by',
    html: '<hr/><a href="https://jetty.org/">Powered by Jetty:// 12.0.5</a>',
    banner: 'Jetty://',
  },
  ...[
    // Server banners as proxies print them under an nginx-style page (`<hr><center>…</center>`).
    'openresty/1.21.4.3',
    'awselb/2.0',
    'Microsoft-Azure-Application-Gateway/v2',
    'cloudflare',
    'Varnish cache server',
    'AkamaiGHost',
    'envoy',
    'Apache Tomcat/9.0.80',
  ].map((banner) => ({ name: `banner ${banner}`, html: `<hr><center>${banner}</center>`, banner })),
  {
    name: 'footer element',
    html: '<footer class="cf-footer"><span>Performance &amp; security by Example Edge</span></footer>',
    banner: 'Performance & security',
  },
  {
    name: 'script and style in body',
    html: '<style>.x{color:red}</style><script>window.__ERR__={"message":"minified"};</script>',
    banner: 'minified',
  },
];

/** The phrase that introduces the ID to quote, as each CDN, WAF or gateway writes it. */
const ID_PHRASES: Array<{ name: string; label: string; id: string }> = [
  { name: 'none', label: '', id: '' },
  { name: 'Request ID', label: 'Request ID:', id: 'mJpBmtrPn1zGFSMGs6cK1k1IbXAKD3zBlGPBpjvJ7tWqfTqfXgmM0A==' },
  { name: 'Cloudflare Ray ID', label: 'Cloudflare Ray ID:', id: '8a1b2c3d4e5f6a7b' },
  { name: 'Akamai Reference #', label: 'Reference&#32;&#35;', id: '18.2f3c1602.1700000000.1a2b3c4d' },
  { name: 'F5 support ID', label: 'Your support ID is:', id: '13426784738122345678' },
  { name: 'Incapsula incident ID', label: 'Incapsula incident ID:', id: '877000400123456789-12345678901234567' },
  { name: 'Correlation ID', label: 'Correlation ID:', id: '3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3b' },
  { name: 'Trace ID', label: 'Trace ID:', id: '4bf92f3577b34da6a3ce929d0e0e4736' },
  { name: 'Zscaler Transaction ID', label: 'Transaction ID:', id: '1729836455392817364' },
  { name: 'Event ID', label: 'Event ID:', id: 'b7e4c1d2-0f3a-4c5b-9d8e-7f6a5b4c3d2e' },
];

/** How the label and the ID are marked up. */
const ID_WRAPS: Array<{ name: string; wrap: (label: string, id: string) => string }> = [
  { name: 'plain paragraph', wrap: (l, id) => `<p>${l} ${id}</p>` },
  { name: 'strong label, code value', wrap: (l, id) => `<p><strong>${l}</strong> <code>${id}</code></p>` },
  { name: 'table row', wrap: (l, id) => `<table><tr><th>${l.replace(/:$/, '')}</th><td>${id}</td></tr></table>` },
  { name: 'list item span', wrap: (l, id) => `<ul><li>${l} <span class="id">${id}</span></li></ul>` },
];

const HTML_STATUSES = [403, 404, 502, 503, 500];
const HTML_TYPES = ['text/html; charset=utf-8', 'text/html', undefined, 'text/plain'];

const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

function htmlCells(): GridCell[] {
  const out: GridCell[] = [];
  let n = 0;
  for (const layout of LAYOUTS)
    for (const chrome of CHROME)
      for (const phrase of ID_PHRASES)
        for (const wrap of phrase.id ? ID_WRAPS : ID_WRAPS.slice(0, 1)) {
          // Status and content type rotate (a covering design, not a full product).
          const status = HTML_STATUSES[n % HTML_STATUSES.length];
          const contentType = HTML_TYPES[Math.floor(n / HTML_STATUSES.length) % HTML_TYPES.length];
          n++;
          const { head, main } = layout.page(status, layout.sentence);
          const idBlock = phrase.id ? wrap.wrap(phrase.label, phrase.id) : '';
          const body = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${head}\n<style>body{font-family:sans-serif}</style>\n</head>\n<body>\n${main}\n${idBlock}\n${chrome.html}\n</body>\n</html>\n`;
          out.push({
            grid: 'html',
            dims: {
              layout: layout.name,
              chrome: chrome.name,
              idPhrase: phrase.name,
              idWrap: phrase.id ? wrap.name : '(no ID)',
              status: String(status),
              contentType: contentType ?? '(none)',
            },
            status,
            contentType,
            body,
            expect: {
              failure: true,
              message: decode(layout.sentence),
              errorCode: null,
              errorId: phrase.id || null,
              ...(layout.ownRetrySense ? {} : statusRetryable(status)),
            },
            messageExcludes: chrome.banner,
          });
        }
  return out;
}

/** Where a page writes its own code (never the HTTP status), as CDNs and object stores do. */
const PAGE_CODES: Array<{ name: string; html: (code: string) => string; code: string; sentence: string }> = [
  {
    // Cloudflare 1xxx error pages: "Error" and the code in two spans of the heading.
    name: 'Cloudflare heading spans',
    code: '1020',
    sentence: 'Access denied',
    html: (c) =>
      `<h1><span class="cf-error-type">Error</span> <span class="cf-error-code">${c}</span></h1><h2 class="cf-subheadline">Access denied</h2>`,
  },
  {
    // Cloudflare's plain answer to API clients: one line.
    name: 'error code: line',
    code: '1015',
    sentence: 'You are being rate limited',
    html: (c) => `<p>error code: ${c}</p><p>You are being rate limited</p>`,
  },
  {
    // S3 static website endpoints: a list of Code / Message / RequestId.
    name: 'S3 website list',
    code: 'NoSuchKey',
    sentence: 'The specified key does not exist.',
    html: (c) =>
      `<h1>404 Not Found</h1><ul><li>Code: ${c}</li><li>Message: The specified key does not exist.</li><li>Key: index.html</li></ul>`,
  },
  {
    // Vercel: the upper-case code on its own line under the sentence.
    name: 'upper-case code line',
    code: 'FUNCTION_INVOCATION_FAILED',
    sentence: 'This Serverless Function has crashed.',
    html: (c) => `<h1>This Serverless Function has crashed.</h1><p><code>${c}</code></p>`,
  },
];

function pageCodeCells(): GridCell[] {
  const out: GridCell[] = [];
  let n = 0;
  for (const pc of PAGE_CODES)
    for (const chrome of CHROME)
      for (const phrase of ID_PHRASES) {
        const status = [403, 404, 500, 502][n % 4];
        n++;
        const idBlock = phrase.id ? `<p>${phrase.label} <strong>${phrase.id}</strong></p>` : '';
        out.push({
          grid: 'html',
          dims: { layout: `page code: ${pc.name}`, chrome: chrome.name, idPhrase: phrase.name, status: String(status) },
          status,
          contentType: 'text/html; charset=UTF-8',
          body: `<!DOCTYPE html><html><head><title>${status} ${REASONS[status]}</title></head><body>${pc.html(pc.code)}${idBlock}${chrome.html}</body></html>`,
          expect: { failure: true, errorCode: pc.code, message: pc.sentence, errorId: phrase.id || null },
          messageExcludes: chrome.banner,
        });
      }
  return out;
}

/** What a WAF or bot wall says when it blocks a request and answers 200 (some do, behind a CDN's cache). */
const BLOCK_SENTENCES: Array<{ name: string; title: string; sentence: string }> = [
  {
    name: 'F5 ASM',
    title: 'Request Rejected',
    sentence: 'The requested URL was rejected. Please consult with your administrator.',
  },
  {
    name: 'Imperva',
    title: 'Request unsuccessful',
    sentence: 'Request unsuccessful. Your request was blocked by the security policy.',
  },
  { name: 'Cloudflare block', title: 'Attention Required!', sentence: 'Sorry, you have been blocked' },
  {
    name: 'Akamai',
    title: 'Access Denied',
    sentence: "You don't have permission to access this resource on this server.",
  },
  {
    name: 'Sucuri',
    title: 'Sucuri WebSite Firewall - Access Denied',
    sentence: 'Access Denied - Sucuri Website Firewall',
  },
];

function blockPageCells(): GridCell[] {
  const out: GridCell[] = [];
  for (const block of BLOCK_SENTENCES)
    for (const phrase of ID_PHRASES.slice(1))
      for (const wrap of ID_WRAPS)
        out.push({
          grid: 'html',
          dims: { layout: `2xx block page: ${block.name}`, idPhrase: phrase.name, idWrap: wrap.name },
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: `<html><head><title>${block.title}</title></head><body><h1>${block.title}</h1><p>${block.sentence}</p>${wrap.wrap(phrase.label, phrase.id)}</body></html>`,
          expect: { failure: true, message: decode(block.sentence), errorId: decode(phrase.id) },
        });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// XML documents
// ---------------------------------------------------------------------------------------------------

interface XmlShape {
  name: string;
  /** Body for a code, a message, an ID (when the shape has one). */
  body: (code: string, message: string, id: string) => string;
  hasId: boolean;
  /** What the API appends to the ID (Service Bus's gateway suffix `_G21` is part of its TrackingId). */
  idSuffix?: string;
  /** The status the protocol sends it with (SOAP 1.1 faults: 500; XML-RPC: 200); undefined: any. */
  status?: number;
  /** The shape has no code element of its own. */
  noCode?: boolean;
}

const XML_SHAPES: XmlShape[] = [
  {
    // Amazon S3 REST error responses.
    name: 'S3 <Error><Code><Message><RequestId>',
    body: (c, m, id) =>
      `<Error><Code>${c}</Code><Message>${m}</Message><Resource>/bucket/key</Resource><RequestId>${id}</RequestId><HostId>u7L2mF0kq9sXnA3bC5dE7fG9hJ1kL3mN5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hJ5kL7m=</HostId></Error>`,
    hasId: true,
  },
  {
    // AWS Query protocol (SQS, SNS, STS, EC2-style ErrorResponse).
    name: 'AWS Query <ErrorResponse><Error><Type><Code>',
    body: (c, m, id) =>
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${c}</Code><Message>${m}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`,
    hasId: true,
  },
  {
    // Azure Storage: the ID and time written inside <Message>.
    name: 'Azure Storage <Message>…RequestId:…',
    body: (c, m, id) =>
      `<Error><Code>${c}</Code><Message>${m}\nRequestId:${id}\nTime:2030-01-01T00:00:00.0000000Z</Message></Error>`,
    hasId: true,
  },
  {
    // Azure Service Bus REST: <Error><Code> is the HTTP status, <Detail> the message with `TrackingId:` in it.
    name: 'Service Bus <Error><Code>status</Code><Detail>…TrackingId:…',
    body: (_c, m, id) =>
      `<Error><Code>400</Code><Detail>${m} TrackingId:${id}_G21, SystemTracker:example.servicebus.windows.net:queue, Timestamp:2030-01-01T00:00:00</Detail></Error>`,
    hasId: true,
    idSuffix: '_G21',
    noCode: true,
    status: 400,
  },
  {
    // OData v2/v3 XML error (`m:` metadata namespace), as SAP Gateway and older WCF Data Services send it.
    name: 'OData <m:error><m:code><m:message>',
    body: (c, m) =>
      `<m:error xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><m:code>${c}</m:code><m:message xml:lang="en-US">${m}</m:message></m:error>`,
    hasId: false,
  },
  {
    name: 'generic <error><code><message>',
    body: (c, m) => `<error><code>${c}</code><message>${m}</message></error>`,
    hasId: false,
  },
  {
    name: 'generic <error code message/> attributes',
    body: (c, m) => `<error code="${c}" message="${m}"/>`,
    hasId: false,
  },
  {
    name: 'list <errors><error><code><message>',
    body: (c, m) => `<errors><error><code>${c}</code><message>${m}</message></error></errors>`,
    hasId: false,
  },
  {
    name: 'envelope <response><error><code><message><request_id>',
    body: (c, m, id) =>
      `<response><status>error</status><error><code>${c}</code><message>${m}</message></error><request_id>${id}</request_id></response>`,
    hasId: true,
  },
  {
    // SOAP 1.1 Fault with an application code in <detail>.
    name: 'SOAP 1.1 Fault + detail code',
    body: (c, m) =>
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>${m}</faultstring><detail><errorcode>${c}</errorcode></detail></soap:Fault></soap:Body></soap:Envelope>`,
    hasId: false,
    status: 500,
  },
  {
    // SOAP 1.2 Fault with a Subcode.
    name: 'SOAP 1.2 Fault + Subcode',
    body: (c, m) =>
      `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:app="urn:example:app"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value><env:Subcode><env:Value>app:${c}</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang="en">${m}</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`,
    hasId: false,
    status: 400,
  },
  {
    // Amazon EC2 query API: <Response><Errors><Error>, the ID as <RequestID>.
    name: 'EC2 <Response><Errors><Error> + <RequestID>',
    body: (c, m, id) =>
      `<Response><Errors><Error><Code>${c}</Code><Message>${m}</Message></Error></Errors><RequestID>${id}</RequestID></Response>`,
    hasId: true,
  },
  {
    // SOAP 1.1 with the SOAP-ENV prefix and a namespaced application code in <detail>.
    name: 'SOAP-ENV Fault + ns detail code',
    body: (c, m) =>
      `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode><faultstring>${m}</faultstring><detail><ns1:fault xmlns:ns1="urn:example:faults"><ns1:errorCode>${c}</ns1:errorCode></ns1:fault></detail></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`,
    hasId: false,
    status: 500,
  },
  {
    // RFC 9457 Appendix B (problem details in XML): no code element; title and detail.
    name: 'problem+xml <problem><title><detail>',
    body: (_c, m) =>
      `<problem xmlns="urn:ietf:rfc:7807"><type>about:blank</type><title>Bad Request</title><detail>${m}</detail><instance>/v1/things/42</instance></problem>`,
    hasId: false,
    noCode: true,
  },
  {
    // Rails `errors.to_xml`: messages only.
    name: 'Rails <errors><error>message',
    body: (_c, m) => `<errors><error>${m}</error></errors>`,
    hasId: false,
    noCode: true,
  },
];

const XML_CODES = ['NoSuchKey', 'INVALID_PARAMETER', 'AuthFailure.SignatureDoesNotMatch', 'invalid_request'];
const XML_MESSAGES = [
  'The specified key does not exist.',
  'The value &apos;abc&apos; is not valid for &quot;limit&quot; &amp; must be a number.',
  '<![CDATA[Signature expired: 20300101T000000Z is now earlier than 20300101T001500Z]]>',
];
const XML_MESSAGES_PLAIN = [
  'The specified key does not exist.',
  'The value \'abc\' is not valid for "limit" & must be a number.',
  'Signature expired: 20300101T000000Z is now earlier than 20300101T001500Z',
];
const XML_PROLOGS: Array<{ name: string; wrap: (doc: string) => string }> = [
  { name: 'declaration, one line', wrap: (d) => `<?xml version="1.0" encoding="UTF-8"?>\n${d}` },
  { name: 'no declaration', wrap: (d) => d },
  {
    name: 'declaration, indented',
    wrap: (d) => `<?xml version="1.0" encoding="UTF-8"?>\n${d.replace(/></g, '>\n  <')}\n`,
  },
];
const XML_TYPES = ['application/xml', 'text/xml; charset=utf-8', 'text/plain', undefined];
const XML_STATUSES = [400, 403, 404, 503];
const XML_ID = '4442587FB7D0A2F9';

/** The element that holds the ID to quote, as XML APIs name it. */
const XML_ID_ELEMENTS = [
  'RequestId',
  'RequestID',
  'requestId',
  'request-id',
  'request_id',
  'TraceId',
  'CorrelationId',
  'correlationId',
];

function xmlIdCells(): GridCell[] {
  const out: GridCell[] = [];
  let n = 0;
  for (const tag of XML_ID_ELEMENTS)
    for (const where of ['inside <Error>', 'beside <Error>'])
      for (const contentType of XML_TYPES) {
        const status = XML_STATUSES[n++ % XML_STATUSES.length];
        const id = `<${tag}>${XML_ID}</${tag}>`;
        const error = `<Error><Code>InvalidArgument</Code><Message>The limit must be a number.</Message>${where === 'inside <Error>' ? id : ''}</Error>`;
        const body = where === 'inside <Error>' ? error : `<ErrorResponse>${error}${id}</ErrorResponse>`;
        out.push({
          grid: 'xml',
          dims: { shape: `ID element <${tag}>`, where, contentType: contentType ?? '(none)' },
          status,
          contentType,
          body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
          expect: {
            failure: true,
            errorCode: 'InvalidArgument',
            message: 'The limit must be a number.',
            errorId: XML_ID,
          },
        });
      }
  return out;
}

function xmlCells(): GridCell[] {
  const out: GridCell[] = [];
  let n = 0;
  for (const shape of XML_SHAPES)
    for (const code of XML_CODES)
      for (let mi = 0; mi < XML_MESSAGES.length; mi++)
        for (const prolog of XML_PROLOGS)
          for (const contentType of XML_TYPES) {
            const status = shape.status ?? XML_STATUSES[n % XML_STATUSES.length];
            n++;
            // Attribute values hold no CDATA: that message is written escaped there.
            const message =
              shape.name.includes('attributes') && XML_MESSAGES[mi].startsWith('<![CDATA[')
                ? XML_MESSAGES_PLAIN[mi]
                : XML_MESSAGES[mi];
            const body = prolog.wrap(shape.body(code, message, XML_ID));
            // A SOAP fault with the message in CDATA inside an attribute-less element is fine; an attribute with `"` is not.
            if (shape.name.includes('attributes') && message.includes('"')) continue;
            // A document without a declaration sent as text/plain or untyped starts with `<error>`/`<m:error>`: kept,
            // the recognizers read XML by its first element.
            out.push({
              grid: 'xml',
              dims: {
                shape: shape.name,
                code,
                message: ['plain', 'entities', 'CDATA'][mi],
                prolog: prolog.name,
                contentType: contentType ?? '(none)',
              },
              status,
              contentType,
              body,
              expect: {
                failure: true,
                errorCode: shape.noCode ? null : code,
                message: XML_MESSAGES_PLAIN[mi],
                ...(shape.hasId ? { errorId: XML_ID + (shape.idSuffix ?? '') } : {}),
              },
            });
          }
  return out;
}

/** 2xx XML answers whose own status says the call failed, as XML APIs write it. */
const XML_2XX: Array<{ name: string; body: (code: string, message: string) => string }> = [
  {
    // Flickr REST: <rsp stat="fail"><err code msg/>.
    name: 'rsp stat="fail" + err attributes',
    body: (c, m) => `<rsp stat="fail"><err code="${c}" msg="${m}" /></rsp>`,
  },
  {
    name: '<response><status>error</status>',
    body: (c, m) => `<response><status>error</status><code>${c}</code><message>${m}</message></response>`,
  },
  {
    // eBay Trading / PayPal SOAP: <Ack>Failure</Ack> and <Errors><ShortMessage><LongMessage><ErrorCode>.
    name: '<Ack>Failure</Ack> + <Errors>',
    body: (c, m) =>
      `<GetItemResponse xmlns="urn:ebay:apis:eBLBaseComponents"><Timestamp>2030-01-01T00:00:00.000Z</Timestamp><Ack>Failure</Ack><Errors><ShortMessage>Item not found.</ShortMessage><LongMessage>${m}</LongMessage><ErrorCode>${c}</ErrorCode><SeverityCode>Error</SeverityCode></Errors></GetItemResponse>`,
  },
  {
    // XML-RPC: a <fault> struct, sent with HTTP 200.
    name: 'XML-RPC fault',
    body: (c, m) =>
      `<methodResponse><fault><value><struct><member><name>faultCode</name><value><int>${c}</int></value></member><member><name>faultString</name><value><string>${m}</string></value></member></struct></value></fault></methodResponse>`,
  },
  {
    // A SOAP 1.1 fault some servers send with 200.
    name: 'SOAP Fault on 200',
    body: (c, m) =>
      `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode><faultstring>${m}</faultstring><detail><errorcode>${c}</errorcode></detail></s:Fault></s:Body></s:Envelope>`,
  },
];

function xml2xxCells(): GridCell[] {
  const out: GridCell[] = [];
  for (const shape of XML_2XX)
    for (const code of ['100', 'E_NOT_FOUND'])
      for (const prolog of XML_PROLOGS)
        for (const contentType of XML_TYPES) {
          // XML-RPC fault codes are integers.
          if (shape.name === 'XML-RPC fault' && !/^\d+$/.test(code)) continue;
          out.push({
            grid: 'xml',
            dims: { shape: `2xx: ${shape.name}`, code, prolog: prolog.name, contentType: contentType ?? '(none)' },
            status: 200,
            contentType,
            body: prolog.wrap(shape.body(code, 'Item 42 was not found.')),
            expect: { failure: true, errorCode: code, message: 'Item 42 was not found.' },
          });
        }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Plain text and key=value bodies
// ---------------------------------------------------------------------------------------------------

interface TextShape {
  name: string;
  body: (message: string, id: string) => string;
  code?: string | null;
  /** Expected message; undefined: the cell's sentence. */
  message?: string | null;
  hasId: boolean;
  status?: number;
  contentTypes?: Array<string | undefined>;
}

const TEXT_SHAPES: TextShape[] = [
  { name: 'sentence', body: (m) => `${m}\n`, code: null, hasId: false },
  { name: 'Error: sentence', body: (m) => `Error: ${m}`, code: null, hasId: false },
  {
    name: 'sentence, blank line, Request ID line',
    body: (m, id) => `${m}\n\nRequest ID: ${id}\n`,
    code: null,
    hasId: true,
  },
  {
    name: 'sentence, request-id: line',
    body: (m, id) => `${m}\nrequest-id: ${id}\n`,
    code: null,
    hasId: true,
  },
  {
    // S3 website endpoints and some gateways list labelled lines.
    name: 'Code:/Message:/RequestId: lines',
    body: (m, id) => `Code: AccessDenied\nMessage: ${m}\nRequestId: ${id}\n`,
    code: 'AccessDenied',
    hasId: true,
    status: 403,
  },
  {
    // Google ClientLogin (`Error=BadAuthentication` lines), Windows Live-style key=value lines.
    name: 'key=value lines Error=/Info=',
    body: () => 'Error=BadAuthentication\nUrl=https://www.example.test/login\nInfo=InvalidSecondFactor\n',
    code: 'BadAuthentication',
    message: undefined,
    hasId: false,
    status: 403,
    contentTypes: ['text/plain', undefined],
  },
  {
    // OAuth 2 token endpoints that answer form-encoded (GitHub without Accept: application/json).
    name: 'form error=&error_description=',
    body: (m) =>
      `error=bad_verification_code&error_description=${encodeURIComponent(m).replace(/%20/g, '+')}&error_uri=https%3A%2F%2Fdocs.example.test%2Foauth`,
    code: 'bad_verification_code',
    hasId: false,
    contentTypes: ['application/x-www-form-urlencoded', 'text/plain', undefined],
  },
  {
    // OAuth 1.0a Problem Reporting extension.
    name: 'form oauth_problem=',
    body: (m) => `oauth_problem=token_rejected&oauth_problem_advice=${encodeURIComponent(m)}`,
    code: 'token_rejected',
    hasId: false,
    status: 401,
    contentTypes: ['application/x-www-form-urlencoded', 'text/plain', undefined],
  },
  {
    // PayPal NVP: list fields L_*0 and CORRELATIONID, sent with HTTP 200.
    name: 'NVP ACK=Failure&L_ERRORCODE0=',
    body: (m, id) =>
      `TIMESTAMP=2030%2d01%2d01T00%3a00%3a00Z&CORRELATIONID=${id}&ACK=Failure&VERSION=204&BUILD=1234567&L_ERRORCODE0=10002&L_SHORTMESSAGE0=Security%20error&L_LONGMESSAGE0=${encodeURIComponent(m)}&L_SEVERITYCODE0=Error`,
    code: '10002',
    hasId: true,
    status: 200,
    contentTypes: ['text/plain; charset=utf-8', 'application/x-www-form-urlencoded', undefined],
  },
];

/** How text bodies name the ID to quote (a line of its own after the sentence). */
const TEXT_ID_LINES: Array<(id: string) => string> = [
  (id) => `Request ID: ${id}`,
  (id) => `request_id=${id}`,
  (id) => `RequestId: ${id}`,
  (id) => `X-Request-Id: ${id}`,
  (id) => `(request id: ${id})`,
  (id) => `Trace ID: ${id}`,
  (id) => `trace_id=${id}`,
  (id) => `Correlation ID: ${id}`,
  (id) => `Incident ID: ${id}`,
  (id) => `Error ID: ${id}`,
];

function textIdCells(): GridCell[] {
  const out: GridCell[] = [];
  let n = 0;
  for (const line of TEXT_ID_LINES)
    for (const id of TEXT_IDS)
      for (const sep of ['\n', '\n\n', ' '])
        for (const contentType of ['text/plain; charset=utf-8', undefined]) {
          const status = TEXT_STATUSES[n++ % TEXT_STATUSES.length];
          out.push({
            grid: 'text',
            dims: {
              shape: `ID phrase ${line('…')}`,
              separator: JSON.stringify(sep),
              contentType: contentType ?? '(none)',
            },
            status,
            contentType,
            body: `The upstream service rejected the request.${sep}${line(id)}\n`,
            expect: { failure: true, message: 'The upstream service rejected the request.', errorId: id },
          });
        }
  return out;
}

/**
 * Each sentence says whether a retry can succeed (README: credentials and input are fixed whatever the
 * status; a timeout is transient on a 400 or a 5xx, arguable on a 401/403/404, so left unchecked there).
 */
const TEXT_SENTENCES: ReadonlyArray<readonly [sentence: string, retryable: (status: number) => boolean | undefined]> = [
  ['The access token expired at 2030-01-01T00:00:00Z.', () => false],
  ['Upstream request timeout', (status) => (status === 400 || status >= 500 ? true : undefined)],
  ["Field 'email' must be a valid address", () => false],
];
const TEXT_IDS = ['3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3b', 'a1b2c3d4e5f6'];
const TEXT_TYPES = ['text/plain; charset=utf-8', undefined, 'text/html'];
const TEXT_STATUSES = [400, 401, 404, 502];

function textCells(): GridCell[] {
  const out: GridCell[] = [];
  let n = 0;
  for (const shape of TEXT_SHAPES)
    for (const [sentence, retryable] of TEXT_SENTENCES)
      for (const id of shape.hasId ? TEXT_IDS : TEXT_IDS.slice(0, 1))
        for (const contentType of shape.contentTypes ?? TEXT_TYPES) {
          const status = shape.status ?? TEXT_STATUSES[n % TEXT_STATUSES.length];
          n++;
          const message = 'message' in shape ? shape.message : sentence;
          out.push({
            grid: 'text',
            dims: {
              shape: shape.name,
              sentence: sentence.slice(0, 24),
              id: shape.hasId ? (id.includes('-') ? 'uuid' : 'hex12') : '(none)',
              contentType: contentType ?? '(none)',
              status: String(status),
            },
            status,
            contentType,
            body: shape.body(sentence, id),
            expect: {
              failure: true,
              ...(shape.code !== undefined ? { errorCode: shape.code } : {}),
              ...(message !== undefined ? { message } : {}),
              errorId: shape.hasId ? id : null,
              ...(retryable(status) === undefined ? {} : { retryable: retryable(status) }),
            },
          });
        }
  return out;
}

/** Short 2xx answers that are only a failure phrase (an adjective of failure and its object, or a reason phrase). */
const FAILURE_PHRASES = [
  'Invalid Application',
  'Invalid API key',
  'Invalid Key',
  'Invalid token.',
  'Expired token',
  'Missing parameter: id',
  'Revoked credentials',
  'Unauthorized',
  'Access denied',
  'Permission denied',
  'Not Found',
  'Rate limit exceeded',
];
/** Short 2xx answers that are successes and must stay so. */
const SUCCESS_ANSWERS = [
  'OK',
  'ok',
  'Success',
  'true',
  '1',
  'Accepted',
  'pong',
  'Message queued',
  'Invalidation created',
  'Not Found Items: 0 of 12 rows',
  'Hello, World!',
  '3f2b8c1e-9a4d-4e6f-8b2a-1c5d7e9f0a3b',
];

function shortAnswerCells(): GridCell[] {
  const out: GridCell[] = [];
  for (const [verdict, phrases] of [
    ['failure', FAILURE_PHRASES],
    ['success', SUCCESS_ANSWERS],
  ] as const)
    for (const phrase of phrases)
      for (const form of ['text', 'text with newline', 'html heading and paragraph'] as const)
        for (const contentType of form === 'html heading and paragraph'
          ? ['text/html']
          : ['text/plain; charset=utf-8', undefined]) {
          const failure = verdict === 'failure';
          const body =
            form === 'text'
              ? phrase
              : form === 'text with newline'
                ? `${phrase}\n`
                : `<div class="content"><h1>${phrase}</h1><p>See the documentation for the request format.</p></div>`;
          out.push({
            grid: 'text',
            dims: { shape: `2xx ${verdict} answer`, phrase, form, contentType: contentType ?? '(none)' },
            status: 200,
            contentType,
            body,
            expect: failure ? { failure: true, message: phrase } : { failure: false },
          });
        }
  return out;
}

/** Site pages (large, 2xx) whose heading happens to open with a failure word: documents, not failures. */
const SITE_HEADINGS = [
  'Missing Persons Unit',
  'Invalid Characters in File Names',
  'Expired Domains List',
  'Not Found Objects',
];

function sitePageCells(): GridCell[] {
  const paragraph =
    '<p>This article explains the topic in detail, with examples and references for further reading.</p>';
  return SITE_HEADINGS.map((heading) => ({
    grid: 'text',
    dims: { shape: '2xx site page whose heading opens with a failure word', phrase: heading },
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html><head><title>${heading}</title></head><body><main><h1>${heading}</h1>${paragraph.repeat(60)}</main></body></html>`,
    expect: { failure: false },
  }));
}

/** Every cell of the three grids. */
export function gridCells(): GridCell[] {
  return [
    ...htmlCells(),
    ...pageCodeCells(),
    ...blockPageCells(),
    ...xmlCells(),
    ...xmlIdCells(),
    ...xml2xxCells(),
    ...textCells(),
    ...textIdCells(),
    ...shortAnswerCells(),
    ...sitePageCells(),
  ];
}
