// XML rules over the parsed document (`xml-tree.ts`, the inference's one XML engine) for what its JSON reading
// cannot say: the JSON inference reads the tree's keys and values, while these read element and attribute names
// as XML writes them: the root's status and flag attributes, an `<error>` element's attributes, leaf names the
// JSON dictionaries only half know (`<errtext>`), FHIR's `value` attributes, a status word anywhere in the
// document, an object store's detail sentence, a batch's failed entry. Codes, messages and IDs in ordinary
// elements are the JSON reading's (and the `xml` recognizer's).
import { decodeEntities, MAX_MARKUP_SCAN } from '../formats/util';
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

/** Elements that explain a short `<Message>` ("Access denied.") in the words of the failed check. */
const DETAIL_TAGS = ['details', 'authenticationerrordetail']; // lower case: names match in any case
const CODE_TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:\-/#]{0,79}$/;

export interface XmlFields {
  code?: string;
  message?: string;
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
  /** The document is an OGC exception report (WMS `<ServiceExceptionReport>`, OWS `<ExceptionReport>`). */
  exceptionReport?: boolean;
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

/**
 * The text of an element that holds no child element (`<status>failure</status>`, attributes allowed), entities
 * decoded and spaces trimmed; undefined for an element with children.
 */
function ownText(node: unknown): string | undefined {
  let text = node;
  if (isObject(node)) {
    for (const key of Object.keys(node)) if (key !== '#text' && !key.startsWith(ATTRIBUTE)) return undefined;
    text = node['#text'];
  }
  if (typeof text !== 'string') return undefined;
  return (text.includes('&') ? decodeEntities(text) : text).trim();
}

/**
 * What an XML document says of the call by its element and attribute names (see the top of this file).
 * `byDictionary`: also score the leaf elements by the JSON dictionaries when no code or message was found (off
 * where only the verdict is read, so a 2xx XML body costs no leaf scan).
 */
export function xmlFields(doc: XmlDocument, byDictionary = true): XmlFields {
  const out: XmlFields = {};
  const elements = elementsOf(doc);
  const root = elements[0];
  const report = root ? ogcException(root, elements) : undefined;
  if (report) {
    out.exceptionReport = true;
    out.code = report.code;
    out.message = report.message;
  }
  const rootAttributes = root ? attributesOf(root.node) : [];
  // The root's own status attribute (`<ApiResponse Status="ERROR">`, Flickr's `<rsp stat="fail">`).
  const rootStatus = rootAttributes.find(
    ([name, value]) => /^(?:status|stat)$/i.test(name) && /^[A-Za-z_]{2,24}$/.test(value),
  );
  if (rootStatus) out.status = rootStatus[1].toUpperCase();
  if (rootFlagSaysFailure(rootAttributes)) out.rootFlagFailure = true;
  // An error element that carries its code (and message) as attributes: `<Error Number="1011102">…</Error>`,
  // `<err code="100" msg="Invalid API Key" />`. Not the JSON reading's: `Number` is no code name in JSON, and a root
  // attribute of the element's name (rundeck's `<result error='true'><error code=…>`) takes its key in the tree.
  const element = elements.find((e) => e.lower === 'error' || e.lower === 'err');
  if (element) {
    const attributes = attributesOf(element.node);
    const codeAttr = attributes.find(([name]) => /^(?:code|number|errorcode|id)$/i.test(name));
    if (!out.code && codeAttr && CODE_TOKEN.test(codeAttr[1])) out.code = codeAttr[1];
    const msgAttr = attributes.find(([name]) => /^(?:msg|message|description)$/i.test(name));
    const text = msgAttr ? msgAttr[1] : ownText(element.node);
    if (text && /[A-Za-z]/.test(text) && text.includes(' ')) out.message = text;
  }
  for (const tag of DETAIL_TAGS) {
    const e = elements.find((x) => x.lower === tag);
    const t = e ? ownText(e.node)?.replace(/\s+/g, ' ') : undefined;
    if (t && t.includes(' ') && t !== out.message) {
      out.details = t;
      break;
    }
  }
  // Leaf names by the JSON dictionaries with XML's looser suffixes (`<errtext>`, `<ApiErrorMsg>`): the JSON reading
  // takes only the names its dictionaries hold outright.
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
  // A root `<ERROR>` holding only an `<ERRORSTRING>` (WorldNet) is judged by its named leaves even where the verdict
  // alone is read (`byDictionary` off): such a document is a few elements.
  const rootIsError = root !== undefined && /^(?:error|err)$/i.test(root.name);
  const named = rootIsError && !byDictionary && out.code === undefined && out.message === undefined;
  if (
    rootIsError &&
    (out.code !== undefined || out.message !== undefined || (named && dictionaryLeaves(elements).message))
  )
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
  return out;
}

/**
 * OGC web services (WMS, WFS, WCS, WMTS, CSW, SOS, WPS) answer a failed request with an exception report, often on
 * a 200 (WMS 1.3.0 Annex E, OWS Common 1.1 §8): `<ServiceExceptionReport><ServiceException code="LayerNotDefined">text`
 * or `<ows:ExceptionReport><ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>text`. The first
 * exception speaks for the report. `NoApplicableCode` is the standard's "no code" value, so no code.
 */
function ogcException(root: XmlElement, elements: XmlElement[]): { code?: string; message?: string } | undefined {
  if (root.lower !== 'serviceexceptionreport' && root.lower !== 'exceptionreport') return undefined;
  const first = elements.find((e) => e.lower === 'serviceexception' || e.lower === 'exception');
  if (!first) return {};
  const attribute = attributesOf(first.node).find(([name]) => /^(?:code|exceptioncode)$/i.test(name))?.[1];
  const code = attribute && CODE_TOKEN.test(attribute) && attribute !== 'NoApplicableCode' ? attribute : undefined;
  const textElement = elementsOf({ name: first.name, element: first.node, tree: undefined }).find(
    (e) => e.lower === 'exceptiontext',
  );
  const raw = textElement ? ownText(textElement.node) : ownText(first.node);
  const message = raw?.replace(/\s+/g, ' ') || undefined;
  return { code, message };
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
    const text = ownText(e.node);
    if (!text) continue;
    if (n++ >= MAX_DICTIONARY_LEAVES) break;
    const norm = normalizeKey(e.name);
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
    const word = ownText(e.node);
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
