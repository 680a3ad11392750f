// Builds the BodyView once per exchange: decode base64, refuse binary, cap what is parsed,
// parse JSON once (strict, then tolerant), and sort the rest into html / xml / event-stream / text.
import { indexHeaders, type HeaderIndex } from './headers';
import { parseJsonLenient } from './json-lenient';
import type { BodyView, Exchange, SseEvent } from './types';

/** Bodies are parsed up to this many bytes (2 MiB); text bodies count UTF-16 code units. */
export const MAX_PARSE_BYTES = 2 * 1024 * 1024;
/** Most server-sent events kept from one stream. */
export const MAX_SSE_EVENTS = 1000;

/** Media types that are never text, whatever the bytes look like. */
const BINARY_MIME =
  /^(?:image\/(?!svg)|audio\/|video\/|font\/|application\/(?:pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-rar-compressed|wasm|x-protobuf|protobuf|vnd\.google\.protobuf|x-msgpack|msgpack|cbor|x-font|vnd\.ms-fontobject|x-shockwave-flash|java-archive|vnd\.openxmlformats|vnd\.ms-excel|msword))/;
/** Media types whose bytes decide: parsed when they turn out to be clean text. */
const SNIFF_MIME = /^application\/(?:octet-stream|grpc)/;
const JSON_MIME =
  /(?:^application\/json|\+json$|^text\/json|^application\/(?:x-)?ndjson|^application\/jsonl?|^application\/x-amz-json)/;

const b64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((ch, idx) => {
  b64[ch.charCodeAt(0)] = idx;
});
b64[45] = 62; // '-' (base64url)
b64[95] = 63; // '_' (base64url)

/**
 * Decodes base64 (standard or URL-safe, whitespace and missing padding tolerated) into at most
 * `maxBytes` bytes. Returns undefined when the text is not base64.
 */
export function decodeBase64(input: string, maxBytes = Infinity): { bytes: Uint8Array; cut: boolean } | undefined {
  const n = input.length;
  return decodeBase64Into(
    new Uint8Array(Math.min(Math.ceil((n * 3) / 4), maxBytes === Infinity ? Number.MAX_SAFE_INTEGER : maxBytes)),
    input,
  );
}

/** Bodies whose bytes fit this are decoded into one reused buffer: they are read as text at once and dropped. */
const SCRATCH_BYTES = 64 * 1024;
let scratch: Uint8Array | undefined;

/**
 * decodeBase64 for buildBodyView, whose bytes only live until they are decoded as text: small bodies
 * reuse one buffer (classify is synchronous), where a fresh typed array per body costs more than the
 * decoding itself.
 */
function decodeBase64Transient(input: string, maxBytes: number): { bytes: Uint8Array; cut: boolean } | undefined {
  const size = Math.min(Math.ceil((input.length * 3) / 4), maxBytes);
  if (size > SCRATCH_BYTES) return decodeBase64(input, maxBytes);
  scratch ??= new Uint8Array(SCRATCH_BYTES);
  return decodeBase64Into(scratch.subarray(0, size), input);
}

function decodeBase64Into(out: Uint8Array, input: string): { bytes: Uint8Array; cut: boolean } | undefined {
  const n = input.length;
  let len = 0;
  let acc = 0;
  let bits = 0;
  let padding = false;
  for (let i = 0; i < n; i++) {
    const c = input.charCodeAt(i);
    if (c === 61) {
      padding = true; // '='
      continue;
    }
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    const v = c < 128 ? b64[c] : -1;
    if (v < 0 || padding) return undefined;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (len >= out.length) return { bytes: out.subarray(0, len), cut: true };
      out[len++] = (acc >> bits) & 0xff;
    }
  }
  return { bytes: out.subarray(0, len), cut: false };
}

/** Stateless between calls (no `stream` option), so one decoder serves every body. */
const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Whether a decoded text looks binary: NUL characters or many replacement characters (first 4 KiB). */
function looksBinary(text: string): boolean {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  if (sample.indexOf('\u0000') !== -1) return true;
  let at = sample.indexOf('\ufffd');
  if (at === -1) return false;
  let bad = 0;
  while (at !== -1) {
    bad++;
    at = sample.indexOf('\ufffd', at + 1);
  }
  return bad / sample.length > 0.1;
}

/** Lower-cased MIME essence (`application/json`), '' when unknown. */
export function mimeEssence(value: unknown): string {
  if (typeof value !== 'string') return '';
  const semi = value.indexOf(';');
  return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return i;
  }
  return -1;
}

function startsWithCI(text: string, at: number, prefix: string): boolean {
  return text.slice(at, at + prefix.length).toLowerCase() === prefix;
}

/** Parses a text/event-stream body into events (bounded). Error events carry their parsed JSON. */
export function parseEventStream(text: string, maxEvents = MAX_SSE_EVENTS): SseEvent[] {
  const events: SseEvent[] = [];
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  const flush = (): void => {
    if (data.length === 0 && event === '') return;
    const joined = data.join('\n');
    const ev: SseEvent = { event: event || 'message', data: joined, isError: event === 'error' };
    if (id !== undefined) ev.id = id;
    // Only error-looking data is parsed: a long token stream costs nothing extra.
    const c = joined.charCodeAt(firstNonSpace(joined));
    if ((c === 123 || c === 91) && (ev.isError || joined.includes('error'))) {
      const json = parseJson(joined);
      if (json.ok) {
        ev.json = json.value;
        if (json.value && typeof json.value === 'object' && !Array.isArray(json.value)) {
          const rec = json.value as Record<string, unknown>;
          const hasError =
            Object.prototype.hasOwnProperty.call(rec, 'error') && rec.error != null && rec.error !== false;
          if (hasError || rec.type === 'error' || rec.event === 'error') ev.isError = true;
        }
      }
    }
    events.push(ev);
    event = '';
    data = [];
    id = undefined;
  };
  // The grammar ends lines with CRLF, LF or a lone CR, and drops one leading BOM. Lone CRs are rare: the
  // two-way search runs only when the text has one.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const loneCr = text.indexOf('\r') !== -1 && /\r(?!\n)/.test(text);
  while (pos <= n && events.length < maxEvents) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    let next = end + 1;
    if (loneCr) {
      const cr = text.indexOf('\r', pos);
      if (cr !== -1 && cr < end) {
        end = cr;
        next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      }
    }
    let line = text.slice(pos, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = next;
    if (line === '') {
      flush();
      if (end === n) break;
      continue;
    }
    if (line.charCodeAt(0) === 58) continue; // ':' comment
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    if (end === n) {
      flush();
      break;
    }
  }
  if (events.length < maxEvents) flush();
  return events;
}

/** The repairs of a strict parse: none (shared, never written). */
const NO_REPAIRS: string[] = [];

/** Strict JSON.parse, then the tolerant parser. One call per body. */
function parseJson(text: string): { ok: boolean; value: unknown; repairs: string[] } {
  try {
    return { ok: true, value: JSON.parse(text), repairs: NO_REPAIRS };
  } catch {
    return parseJsonLenient(text);
  }
}

function view(
  kind: BodyView['kind'],
  text: string,
  mimeType: string,
  truncated: boolean,
  notes: string[],
  json?: unknown,
): BodyView {
  return { text, json, mimeType, kind, truncated, notes };
}

/** Prefixes servers put before JSON so that a `<script>` tag cannot run it (Google, Gerrit, Facebook). */
const XSSI_PREFIX = /^(?:\)\]\}'?,?|while\s*\(\s*1\s*\)\s*;|for\s*\(\s*;\s*;\s*\)\s*;)\s*/;
/** `callback({...})` or `callback([...]);`: a JSONP answer (Flickr, old Yahoo and Google APIs). */
const JSONP = /^[A-Za-z_$][\w$.]{0,80}\s*\(\s*(?=[[{])/;

/** The JSON text inside an XSSI prefix or a JSONP callback, or undefined. Bounded: one anchored match each. */
function unwrapScriptJson(text: string, start: number, mimeType: string): { json: string; note: string } | undefined {
  const head = text.slice(start, start + 96);
  const xssi = XSSI_PREFIX.exec(head);
  if (xssi && xssi[0].length > 0)
    return { json: text.slice(start + xssi[0].length), note: 'anti-XSSI prefix before the JSON removed' };
  // JSONP servers label the call any text type, HTML too (`callback( {...} );` as text/html); no page opens
  // with a call of a name on an object or a list, so the shape decides, not the label.
  if (
    !JSON_MIME.test(mimeType) &&
    !mimeType.includes('javascript') &&
    mimeType !== 'text/plain' &&
    mimeType !== 'text/html' &&
    mimeType !== ''
  )
    return undefined;
  const call = JSONP.exec(head);
  if (!call) return undefined;
  let end = text.length;
  while (end > start && /[\s;]/.test(text[end - 1])) end--;
  if (text[end - 1] !== ')') return undefined;
  return { json: text.slice(start + call[0].length, end - 1), note: 'JSONP callback around the JSON removed' };
}

/** The body as recognizers see it. Never throws; a missing body is kind 'not-captured'. */
export function buildBodyView(exchange: Exchange, headers?: HeaderIndex): BodyView {
  const notes: string[] = [];
  let mimeType = mimeEssence(exchange.mimeType);
  if (!mimeType) mimeType = mimeEssence((headers ?? indexHeaders(exchange.responseHeaders)).get('content-type'));
  let truncated = exchange.bodyTruncated === true;
  if (truncated) notes.push('body was cut before it reached the classifier');

  const raw = exchange.body;
  if (typeof raw !== 'string') {
    if (raw !== undefined && raw !== null) notes.push('body is not a string; not parsed');
    return view('not-captured', '', mimeType, truncated, notes);
  }
  if (raw.length === 0) return view('empty', '', mimeType, truncated, notes);

  if (BINARY_MIME.test(mimeType)) {
    notes.push(`binary body (${mimeType}) not parsed`);
    return view('binary', '', mimeType, truncated, notes);
  }

  let text: string;
  if (exchange.bodyEncoding === 'base64') {
    const decoded = decodeBase64Transient(raw, MAX_PARSE_BYTES);
    if (!decoded) {
      notes.push('body marked base64 is not valid base64; read as text');
      text = raw;
    } else {
      if (decoded.cut) {
        truncated = true;
        notes.push(`body parsed up to the first ${MAX_PARSE_BYTES} bytes (2 MiB)`);
      }
      text = UTF8.decode(decoded.bytes);
      // A multi-byte character cut at the limit decodes as one replacement character.
      if (decoded.cut && text.endsWith('\ufffd')) text = text.slice(0, -1);
    }
  } else {
    text = raw;
  }
  if (text.length > MAX_PARSE_BYTES) {
    text = text.slice(0, MAX_PARSE_BYTES);
    if (!notes.some((n) => n.startsWith('body parsed up to')))
      notes.push(`body parsed up to the first ${MAX_PARSE_BYTES} characters (2 MiB)`);
    truncated = true;
  }

  const start = firstNonSpace(text);
  if (start === -1) return view('empty', '', mimeType, truncated, notes);
  if (looksBinary(text)) {
    notes.push('binary body not parsed');
    return view('binary', '', mimeType, truncated, notes);
  }
  if (SNIFF_MIME.test(mimeType)) notes.push(`${mimeType} body looks like text; parsed`);

  const first = text.charCodeAt(start);
  if (
    mimeType === 'text/event-stream' ||
    ((mimeType === '' || mimeType === 'text/plain') &&
      (startsWithCI(text, start, 'event:') || startsWithCI(text, start, 'data:')))
  ) {
    const bv = view('event-stream', text, mimeType, truncated, notes);
    bv.events = parseEventStream(text);
    return bv;
  }

  // JSON behind an anti-hijacking prefix (`)]}'`, `while(1);`) or inside a JSONP callback: the JSON inside is the body.
  const wrapped = first === 123 || first === 91 ? undefined : unwrapScriptJson(text, start, mimeType);
  if (wrapped) {
    const parsed = parseJson(wrapped.json);
    if (parsed.ok) {
      notes.push(wrapped.note);
      return view('json', text, mimeType, truncated, notes, parsed.value);
    }
  }

  if (first === 123 || first === 91 || JSON_MIME.test(mimeType)) {
    const parsed = parseJson(text);
    if (parsed.ok) {
      if (parsed.repairs.length) notes.push(`invalid JSON read leniently (${parsed.repairs.join(', ')})`);
      return view('json', text, mimeType, truncated, notes, parsed.value);
    }
    if (first === 123 || first === 91) notes.push('body looks like JSON but does not parse');
  }

  if (first === 60) {
    // '<'
    if (
      mimeType.includes('html') ||
      startsWithCI(text, start, '<!doctype html') ||
      startsWithCI(text, start, '<html') ||
      startsWithCI(text, start, '<head') ||
      startsWithCI(text, start, '<body')
    ) {
      return view('html', text, mimeType, truncated, notes);
    }
    if (
      mimeType.includes('xml') ||
      startsWithCI(text, start, '<?xml') ||
      /^<[A-Za-z_][\w:.-]*[\s>/]/.test(text.slice(start, start + 64))
    ) {
      // A stray HTML fragment without <html> is still HTML when it opens with a common HTML tag.
      if (
        /^<(?:div|p|h[1-6]|center|title|pre|table|span|br|hr|a|b|strong|meta|link|script|style)\b/i.test(
          text.slice(start, start + 16),
        ) &&
        !mimeType.includes('xml')
      ) {
        return view('html', text, mimeType, truncated, notes);
      }
      return view('xml', text, mimeType, truncated, notes);
    }
  }
  if (mimeType.includes('html')) return view('html', text, mimeType, truncated, notes);
  if (mimeType.endsWith('/xml') || mimeType.endsWith('+xml')) return view('xml', text, mimeType, truncated, notes);
  return view('text', text, mimeType, truncated, notes);
}
