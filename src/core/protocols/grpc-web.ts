// gRPC-web: the status travels in `grpc-status` / `grpc-message` headers of a trailers-only response,
// or in the trailer frame (flag 0x80) that ends the body, an HTTP/1-style header block. Bodies are
// length-prefixed frames; `application/grpc-web-text` is their base64 (possibly in padded chunks).
// `grpc-message` is percent-encoded UTF-8. `grpc-status-details-bin` is a base64 google.rpc.Status whose
// RetryInfo, ErrorInfo and RequestInfo details give the wait, the reason and the request ID.
// A 200 with grpc-status ≠ 0 is a failure.
// Sources: https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md ,
// https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md ,
// https://github.com/connectrpc/conformance/blob/main/internal/app/connectconformance/testsuites/data/grpc_web_client_trailers.yaml ,
// https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md (a response without grpc-status)
import type { Extracted, FormatRecognizer, RecognizerContext } from '../types';
import { MAX_PARSE_BYTES } from '../body';
import { asciiOf, bodyBytes, decodeBase64Chunks, percentDecode, readEnvelopes } from './bytes';
import { grpcCode, grpcCodeOfHttp, rpcRetryable } from './codes';
import { decodeStatus, type StatusDetails } from './protobuf';

const MAX_TRAILER_CHARS = 16 * 1024;
const REQUEST_ID_TRAILER = /^(?:x-)?(?:request|correlation|trace)-?id$/;
const QUOTA_REASON = /quota|daily|billing|exhausted/i;

/** Parses an HTTP/1-style header block (`name: value\r\n`…) into lower-case names → first value. */
export function parseTrailerBlock(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const block = text.length > MAX_TRAILER_CHARS ? text.slice(0, MAX_TRAILER_CHARS) : text;
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(colon + 1).trim());
  }
  return out;
}

interface GrpcStatus {
  status?: string;
  message?: string;
  detailsBin?: string;
  requestId?: { name: string; value: string };
}

function fromTrailers(trailers: Map<string, string>): GrpcStatus {
  const out: GrpcStatus = {
    status: trailers.get('grpc-status'),
    message: trailers.get('grpc-message'),
    detailsBin: trailers.get('grpc-status-details-bin'),
  };
  for (const [name, value] of trailers) {
    if (REQUEST_ID_TRAILER.test(name) && value) {
      out.requestId = { name, value };
      break;
    }
  }
  return out;
}

const EMPTY = new Uint8Array(0);
const ABOVE_LATIN1 = /[^\x00-\xff]/;

/**
 * The base64 of a grpc-web-text body captured as text: the same characters `asciiOf(bodyBytes(…))`
 * gives, read straight from the string. Undefined when that shortcut does not apply (a base64
 * capture, no body, or characters above U+00FF, which bodyBytes keeps only the low byte of).
 */
function base64Text(exchange: RecognizerContext['exchange']): string | undefined {
  const body = exchange.body;
  if (exchange.bodyEncoding === 'base64' || typeof body !== 'string' || body.length === 0) return undefined;
  const head = body.length > MAX_PARSE_BYTES ? body.slice(0, MAX_PARSE_BYTES) : body;
  return ABOVE_LATIN1.test(head) ? undefined : head.trim();
}

/** The status from the trailer frame at the end of the body, with notes on what could not be read. */
function fromBody(ctx: RecognizerContext, text: boolean, notes: string[]): GrpcStatus | undefined {
  // grpc-web-text captured as text is already the base64: decoded once, without a byte copy in between.
  const direct = text ? base64Text(ctx.exchange) : undefined;
  const raw = direct === undefined ? bodyBytes(ctx.exchange) : { bytes: EMPTY, lossy: false, cut: false };
  if (!raw) return undefined;
  let bytes = raw.bytes;
  if (text) {
    const decoded = decodeBase64Chunks(direct ?? asciiOf(bytes).trim());
    if (!decoded) {
      notes.push('grpc-web-text body is not valid base64; not read');
      return undefined;
    }
    bytes = decoded.bytes;
  }
  // A capture that decoded the bytes as text breaks the frame lengths; the trailer text survives.
  if (raw.lossy) {
    const ascii = asciiOf(bytes, 1 << 20);
    const at = ascii.search(/grpc-status:/i);
    if (at !== -1) {
      notes.push('gRPC-web body was captured as text; trailers found by their text');
      return fromTrailers(parseTrailerBlock(ascii.slice(at, at + MAX_TRAILER_CHARS)));
    }
  }
  const { envelopes, skipped } = readEnvelopes(bytes);
  if (skipped) notes.push(`gRPC-web: ${skipped} frames past the first ${envelopes.length} not read`);
  for (let i = envelopes.length - 1; i >= 0; i--) {
    const env = envelopes[i];
    if ((env.flags & 0x80) === 0) continue;
    if (env.flags & 0x01) {
      notes.push('gRPC-web trailer frame is compressed; not read');
      return undefined;
    }
    if (env.truncated) notes.push('gRPC-web trailer frame is cut short; read as far as it goes');
    return fromTrailers(parseTrailerBlock(asciiOf(env.payload, MAX_TRAILER_CHARS)));
  }
  const last = envelopes[envelopes.length - 1];
  if (last?.truncated) notes.push('gRPC-web body ends inside a frame (truncated); no trailers read');
  if (envelopes.length === 0) {
    const ascii = asciiOf(bytes, 1 << 20);
    const at = ascii.search(/grpc-status:/i);
    if (at !== -1) return fromTrailers(parseTrailerBlock(ascii.slice(at, at + MAX_TRAILER_CHARS)));
  }
  return undefined;
}

/** Reads a gRPC status (number text, message, details) into the engine's fields. */
export function grpcExtracted(status: GrpcStatus, notes: string[]): Extracted | null {
  const statusText = status.status?.trim();
  if (statusText === undefined || !/^\d{1,9}$/.test(statusText)) {
    if (statusText !== undefined) notes.push(`grpc-status "${statusText.slice(0, 40)}" is not a number`);
    return null;
  }
  const number = Number(statusText);
  const known = grpcCode(number);
  if (number === 0) return { protocol: 'grpc-web', saysSuccess: true, notes };
  let details: StatusDetails | undefined;
  if (status.detailsBin) {
    const decoded = decodeBase64Chunks(status.detailsBin.trim(), 64 * 1024);
    if (decoded) details = decodeStatus(decoded.bytes);
    else notes.push('grpc-status-details-bin is not valid base64; not read');
  }
  const message = status.message !== undefined ? percentDecode(status.message) : undefined;
  const out: Extracted = {
    protocol: 'grpc-web',
    saysFailure: true,
    errorCode: known ? known.name : String(number),
    message: message || details?.message || details?.localizedMessage || null,
    httpEquivalent: known ? known.http : 500,
    retryable: known ? rpcRetryable(known.number, known.retryable, message || details?.message) : false,
    notes,
  };
  if (!known) notes.push(`grpc-status ${number} is not a canonical gRPC code`);
  if (details?.reason) {
    notes.push(`gRPC ErrorInfo reason ${details.reason}${details.domain ? ` (${details.domain})` : ''}`);
    if (number === 8 && QUOTA_REASON.test(details.reason)) out.retryable = false;
  }
  if (details?.retryDelaySeconds !== undefined) {
    out.retryAfterSeconds = details.retryDelaySeconds;
    out.retryAfterField = 'grpc-status-details-bin RetryInfo.retry_delay';
    if (number === 8) out.retryable = true;
  }
  if (details?.requestId) {
    out.errorId = details.requestId;
    out.errorIdField = 'grpc-status-details-bin RequestInfo.request_id';
  } else if (status.requestId) {
    out.errorId = status.requestId.value.slice(0, 200);
    out.errorIdField = `trailer ${status.requestId.name}`;
  }
  return out;
}

export const grpcWeb: FormatRecognizer = {
  id: 'grpc-web',
  title: 'gRPC-web status (grpc-status / grpc-message in headers or the trailer frame)',
  priority: 96,
  kinds: ['empty', 'binary', 'text', 'not-captured', 'html'],
  gate: { mimePrefixes: ['application/grpc-web'], headers: ['grpc-status'] },
  recognize(ctx) {
    const mime = ctx.body.mimeType;
    const headerStatus = ctx.header('grpc-status');
    const isGrpcWeb = mime.startsWith('application/grpc-web');
    if (!isGrpcWeb && headerStatus === undefined) return null;
    const notes: string[] = [];
    // The trailer frame is the final word; headers carry the status only in a trailers-only response.
    const body =
      isGrpcWeb && ctx.body.kind !== 'empty' && ctx.body.kind !== 'not-captured'
        ? fromBody(ctx, mime.startsWith('application/grpc-web-text'), notes)
        : undefined;
    const status: GrpcStatus =
      body?.status !== undefined
        ? body
        : {
            status: headerStatus,
            message: ctx.header('grpc-message'),
            detailsBin: ctx.header('grpc-status-details-bin'),
          };
    const found = grpcExtracted(status, notes);
    if (found) return found;
    if (!isGrpcWeb) return null;
    if (!notes.length) notes.push('gRPC-web response without a grpc-status (trailers not captured?)');
    // Not the server's status (a proxy's 503, a router's 404): a gRPC client reads the HTTP status by the mapping table.
    const inferred = ctx.exchange.status !== 200 ? grpcCodeOfHttp(ctx.exchange.status) : undefined;
    if (inferred)
      notes.push(
        `a gRPC client reports HTTP ${ctx.exchange.status} without grpc-status as ${inferred.name} (${inferred.number})`,
      );
    return { protocol: 'grpc-web', notes };
  },
};
