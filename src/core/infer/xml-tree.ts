// An XML body parsed once, read two ways: as the plain object tree a JSON body would be, so the JSON envelope
// inference reads both (elements and attributes become keys, repeated elements arrays, text values; namespace
// prefixes and `xmlns` declarations are dropped: they bind names, they are not names; a SOAP Envelope is unwrapped
// to what its Body holds), and as elements with their names and attributes, for the XML rules of `xml.ts`.
// fast-xml-parser builds the tree without eval (MV3 CSP) and bounds depth and entities.
import { XMLParser } from 'fast-xml-parser';
import { decodeEntities, MAX_MARKUP_SCAN } from '../formats/util';

/** Deepest element nesting read; an error document is a few levels deep, a deeper one is not read at all. */
const MAX_XML_DEPTH = 64;

/** Attribute names are kept apart from child element names by this prefix until the JSON view drops it. */
export const ATTRIBUTE = '@_';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  removeNSPrefix: true,
  // Codes stay as written (`0012`, `-506`): the JSON inference reads strings and numbers alike.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
  // No entity is expanded by the parser: a DTD's own entities (billion laughs) stay as written, and the
  // predefined and numeric ones are decoded per value below.
  processEntities: false,
});

/** `xmlns`, `xmlns:soap`, `xsi:type` (prefix removed: `type` stays, it may name a value's kind). */
const isNamespaceDeclaration = (key: string): boolean => key === 'xmlns' || key.startsWith('xmlns:');

/** A list's wrapper element by its name: a plural (`<Errors>`, `<messages>`) or .NET's `<ArrayOfError>`. */
const LIST_NAME = /^(?:[A-Za-z][\w-]*[a-z]s|ArrayOf[\w-]+)$/;

function clean(node: unknown, key = ''): unknown {
  if (Array.isArray(node)) return node.map((item) => clean(item));
  if (typeof node === 'string') return node.includes('&') ? decodeEntities(node) : node;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [raw, value] of Object.entries(node as Record<string, unknown>)) {
    // An attribute and a child element of one name share the key, the attribute's value last (as JSON has one key).
    const name = raw.startsWith(ATTRIBUTE) ? raw.slice(ATTRIBUTE.length) : raw;
    if (isNamespaceDeclaration(name) || name === 'encodingStyle') continue;
    out[name] = clean(value, name);
  }
  // `<Errors><Err>…</Err></Errors>` is XML's way to write a list (JSON's `Errors: [{…}]`), whether it holds one item or more.
  const names = Object.keys(out);
  if (names.length === 1 && LIST_NAME.test(key) && names[0] !== key) {
    const items = out[names[0]];
    if (items !== null && typeof items === 'object') return Array.isArray(items) ? items : [items];
  }
  return out;
}

/**
 * Most tags and attributes read: an error document has a few dozen, and the parser's work grows with each one (a
 * 5,000-attribute element, a 10,000-row listing are data or attacks, never an envelope to read).
 */
const MAX_XML_MARKS = 2000;

/** Whether the text holds more than MAX_XML_MARKS tags or attribute assignments (one native scan each). */
function tooManyMarks(text: string): boolean {
  let marks = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) if (++marks > MAX_XML_MARKS) return true;
  for (let at = text.indexOf('='); at !== -1; at = text.indexOf('=', at + 1)) if (++marks > MAX_XML_MARKS) return true;
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The document element's content, as a JSON document's braces hold its keys (`<geonames><status …/></geonames>`
 * reads as `{status: {…}}`); a SOAP Envelope's document is the one element in its Body (a Fault or the response).
 */
function documentContent(root: Record<string, unknown>): Record<string, unknown> {
  const names = Object.keys(root);
  if (names.length !== 1) return root;
  let doc = root[names[0]];
  let name = names[0];
  if (name === 'Envelope' && isObject(doc) && isObject(doc.Body)) {
    const inBody = Object.keys(doc.Body);
    if (inBody.length !== 1) return doc.Body;
    name = inBody[0];
    doc = doc.Body[name];
  }
  // An element with text only (`<error>Invalid key</error>`) keeps its name as the key of that text.
  return isObject(doc) ? doc : { [name]: doc };
}

/** A parsed XML document. */
export interface XmlDocument {
  /** The document element's local name (`Envelope`, `error`); empty when the body holds no element. */
  name: string;
  /**
   * The document element as parsed: its text (a string), or an object of its `#text`, its attributes (ATTRIBUTE
   * names) and its child elements (one value, or an array of those of one name), values not yet entity-decoded.
   */
  element: unknown;
  /** The document as the JSON inference reads it (see xmlTree); undefined when it holds nothing. */
  tree: Record<string, unknown> | undefined;
}

/**
 * The XML document a reply carries as text, escaped in its one element: an ASMX web service's `<string>&lt;Response&gt;…`,
 * a SOAP result `<PurchaseCCResult>&lt;?xml …&gt;&lt;payex&gt;…</PurchaseCCResult>` (PayEx, iVeri, IPPayments, Borgun).
 * The inner document is the answer; undefined when the reply holds anything else.
 */
function escapedDocument(tree: Record<string, unknown>): string | undefined {
  const names = Object.keys(tree);
  if (names.length !== 1) return undefined;
  const value = tree[names[0]];
  if (typeof value !== 'string') return undefined;
  const inner = value.trim();
  return inner.startsWith('<') && inner.endsWith('>') && /^<[?A-Za-z]/.test(inner) ? inner : undefined;
}

/** The body parsed, or undefined when it is too large, too deep or not well-formed enough to read. */
export function readXml(text: string, nested = false): XmlDocument | undefined {
  if (text.length > MAX_MARKUP_SCAN || !text.includes('<') || tooManyMarks(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  // The document element's own name is no list wrapper (`<geonames>`): lists are read from its content down.
  const tree = clean(documentContent(parsed)) as Record<string, unknown>;
  // One level only: a document inside a document inside a document is no reply.
  const inner = nested ? undefined : escapedDocument(tree);
  if (inner !== undefined) {
    const doc = readXml(inner, true);
    if (doc?.tree) return doc;
  }
  const name = Object.keys(parsed).find((key) => key !== '#text') ?? '';
  return { name, element: parsed[name], tree: Object.keys(tree).length > 0 ? tree : undefined };
}

/**
 * The body as an object tree (the document element's content; for a SOAP Envelope, its Body's element's), or undefined when it is too large, too deep or not well-formed enough to read.
 */
export function xmlTree(text: string): Record<string, unknown> | undefined {
  return readXml(text)?.tree;
}
