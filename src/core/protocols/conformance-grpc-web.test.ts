// gRPC-web conformance, generated from the specs: every status code × every framing the protocol
// allows (trailers-only headers, trailer frame after data, trailer frame alone, grpc-web-text with
// one base64 run or per-frame padded chunks, lower/upper-case trailer names), percent-encoded
// grpc-message, grpc-status-details-bin (google.rpc.Status with RetryInfo/ErrorInfo/RequestInfo), and
// HTTP errors from a proxy that carry no grpc-status.
// Sources: https://github.com/grpc/grpc/blob/master/doc/statuscodes.md (names, numbers, "retry"
// guidance), https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md (framing, text mode, chunked
// padding), https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-HTTP2.md (Status-Message is
// percent-encoded; invalid escapes pass through), https://github.com/grpc/grpc/blob/master/doc/http-grpc-status-mapping.md ,
// https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto (RetryInfo,
// ErrorInfo, RequestInfo field numbers), https://google.aip.dev/194 (UNAVAILABLE retryable; RESOURCE_EXHAUSTED
// only after the wait it names).
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { b64, concat, encodeText, frame } from '../testing/grpc-frames';
import type { Exchange } from '../types';

/** statuscodes.md: name, number, and whether an unchanged re-send after a wait can succeed. */
const CODES: ReadonlyArray<[number, string, boolean]> = [
  [1, 'CANCELLED', false],
  [2, 'UNKNOWN', true],
  [3, 'INVALID_ARGUMENT', false],
  [4, 'DEADLINE_EXCEEDED', true],
  [5, 'NOT_FOUND', false],
  [6, 'ALREADY_EXISTS', false],
  [7, 'PERMISSION_DENIED', false],
  [8, 'RESOURCE_EXHAUSTED', true],
  [9, 'FAILED_PRECONDITION', false],
  [10, 'ABORTED', true],
  [11, 'OUT_OF_RANGE', false],
  [12, 'UNIMPLEMENTED', false],
  [13, 'INTERNAL', true],
  [14, 'UNAVAILABLE', true],
  [15, 'DATA_LOSS', false],
  [16, 'UNAUTHENTICATED', false],
];

// --- protobuf writer for google.rpc.Status (code=1, message=2, details=3 Any{type_url=1, value=2}) ---
const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const len = (field: number, bytes: Uint8Array): Uint8Array =>
  concat(new Uint8Array([...varint((field << 3) | 2), ...varint(bytes.length)]), bytes);
const int = (field: number, n: number): Uint8Array => new Uint8Array([...varint(field << 3), ...varint(n)]);
const any = (type: string, value: Uint8Array): Uint8Array =>
  len(3, concat(len(1, encodeText(`type.googleapis.com/${type}`)), len(2, value)));
const statusBin = (code: number, message: string, ...details: Uint8Array[]): string =>
  b64(concat(int(1, code), len(2, encodeText(message)), ...details)).replace(/=+$/, '');
const retryInfo = (seconds: number, nanos = 0): Uint8Array =>
  any('google.rpc.RetryInfo', len(1, concat(int(1, seconds), ...(nanos ? [int(2, nanos)] : []))));
const errorInfo = (reason: string, domain: string): Uint8Array =>
  any('google.rpc.ErrorInfo', concat(len(1, encodeText(reason)), len(2, encodeText(domain))));
const requestInfo = (id: string): Uint8Array => any('google.rpc.RequestInfo', len(1, encodeText(id)));

/** PROTOCOL-HTTP2: percent-encode everything outside %x20-%x7E, and '%' itself. */
const pct = (s: string): string =>
  Array.from(new TextEncoder().encode(s))
    .map((b) =>
      b < 0x20 || b > 0x7e || b === 0x25 ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b),
    )
    .join('');

const trailerBlock = (status: number, message: string, upper = false, extra = ''): string =>
  `${upper ? 'Grpc-Status' : 'grpc-status'}: ${status}\r\n${upper ? 'Grpc-Message' : 'grpc-message'}: ${pct(message)}\r\n${extra}`;

const ex = (
  status: number,
  headers: Record<string, string>,
  body: Uint8Array | string | null,
  mime = 'application/grpc-web+proto',
): Exchange => ({
  method: 'POST',
  url: 'https://api.example.test/acme.v1.Orders/Get',
  status,
  responseHeaders: { 'content-type': mime, ...headers },
  ...(body === null
    ? { body: '' }
    : typeof body === 'string'
      ? { body }
      : { body: b64(body), bodyEncoding: 'base64' as const }),
});

const DATA = frame(0x00, new Uint8Array([0x0a, 0x03, 0x61, 0x62, 0x63]));
const MESSAGE = 'order 42: état indisponible (50% capacity)';

type Framing = { name: string; build: (code: number, message: string) => Exchange };
const FRAMINGS: Framing[] = [
  {
    name: 'trailers-only (status in the response headers, empty body)',
    build: (code, message) => ex(200, { 'grpc-status': String(code), 'grpc-message': pct(message) }, null),
  },
  {
    name: 'trailers-only, grpc-web-text',
    build: (code, message) =>
      ex(200, { 'grpc-status': String(code), 'grpc-message': pct(message) }, null, 'application/grpc-web-text+proto'),
  },
  {
    name: 'trailer frame alone',
    build: (code, message) => ex(200, {}, frame(0x80, trailerBlock(code, message))),
  },
  {
    name: 'data frame then trailer frame',
    build: (code, message) => ex(200, {}, concat(DATA, frame(0x80, trailerBlock(code, message)))),
  },
  {
    name: 'trailer frame with capitalised names',
    build: (code, message) => ex(200, {}, concat(DATA, frame(0x80, trailerBlock(code, message, true)))),
  },
  {
    name: 'grpc-web-text, one base64 run',
    build: (code, message) =>
      ex(200, {}, b64(concat(DATA, frame(0x80, trailerBlock(code, message)))), 'application/grpc-web-text'),
  },
  {
    name: 'grpc-web-text, each frame base64-padded on its own',
    build: (code, message) =>
      ex(200, {}, b64(DATA) + b64(frame(0x80, trailerBlock(code, message))), 'application/grpc-web-text+proto'),
  },
  {
    name: 'grpc-web-text-base64 media type',
    build: (code, message) =>
      ex(200, {}, b64(frame(0x80, trailerBlock(code, message))), 'application/grpc-web-text-base64'),
  },
  {
    name: 'headers say 0, the trailer frame (the final word) says otherwise',
    build: (code, message) => ex(200, { 'grpc-status': '0' }, concat(DATA, frame(0x80, trailerBlock(code, message)))),
  },
  {
    name: 'grpc-web+json',
    build: (code, message) =>
      ex(200, {}, concat(frame(0x80, trailerBlock(code, message))), 'application/grpc-web+json'),
  },
];

describe('gRPC-web: every status code × every framing', () => {
  for (const framing of FRAMINGS) {
    describe(framing.name, () => {
      it.each(CODES)('%i %s', (code, name, retryable) => {
        const c = classify(framing.build(code, MESSAGE));
        expect(c).toMatchObject({ failure: true, protocol: 'grpc-web', errorCode: name, retryable });
        expect(c.message).toBe(MESSAGE);
      });
      it('0 OK is a success', () => {
        const c = classify(framing.build(0, ''));
        expect(c.failure).toBe(false);
      });
    });
  }
});

describe('gRPC-web: grpc-message percent-encoding (PROTOCOL-HTTP2 Status-Message)', () => {
  const rows: Array<[string, string, string]> = [
    ['UTF-8 multi-byte', '%E4%BD%A0%E5%A5%BD', '你好'],
    ['escaped percent', '100%25 used', '100% used'],
    ['invalid escape passes through', 'rate 50% of limit', 'rate 50% of limit'],
    ['truncated escape at the end passes through', 'bad %E', 'bad %E'],
    ['newline escaped', 'line one%0Aline two', 'line one\nline two'],
  ];
  it.each(rows)('%s', (_name, wire, decoded) => {
    const c = classify(ex(200, { 'grpc-status': '3', 'grpc-message': wire }, null));
    expect(c.message).toBe(decoded);
  });
});

describe('gRPC-web: grpc-status-details-bin (google.rpc.Status)', () => {
  it('RetryInfo gives the wait, RESOURCE_EXHAUSTED with it is retryable', () => {
    const c = classify(
      ex(
        200,
        {
          'grpc-status': '8',
          'grpc-message': 'quota',
          'grpc-status-details-bin': statusBin(8, 'quota', retryInfo(30)),
        },
        null,
      ),
    );
    expect(c).toMatchObject({ errorCode: 'RESOURCE_EXHAUSTED', retryable: true, retryAfterSeconds: 30 });
  });
  it('RetryInfo with nanos', () => {
    const c = classify(
      ex(
        200,
        { 'grpc-status': '14', 'grpc-status-details-bin': statusBin(14, 'down', retryInfo(1, 500_000_000)) },
        null,
      ),
    );
    expect(c.retryAfterSeconds).toBeCloseTo(1.5, 3);
  });
  it('RetryInfo in the trailer frame', () => {
    const block = trailerBlock(
      14,
      'backend down',
      false,
      `grpc-status-details-bin: ${statusBin(14, 'backend down', retryInfo(7))}\r\n`,
    );
    const c = classify(ex(200, {}, concat(DATA, frame(0x80, block))));
    expect(c).toMatchObject({ errorCode: 'UNAVAILABLE', retryable: true, retryAfterSeconds: 7 });
  });
  it('RequestInfo.request_id is the support ID', () => {
    const c = classify(
      ex(
        200,
        { 'grpc-status': '13', 'grpc-status-details-bin': statusBin(13, 'boom', requestInfo('req-7f3a9c')) },
        null,
      ),
    );
    expect(c).toMatchObject({ errorId: 'req-7f3a9c', message: 'boom' });
  });
  it('message only in details-bin when grpc-message is absent', () => {
    const c = classify(
      ex(200, { 'grpc-status': '5', 'grpc-status-details-bin': statusBin(5, 'order 42 not found') }, null),
    );
    expect(c).toMatchObject({ errorCode: 'NOT_FOUND', message: 'order 42 not found', retryable: false });
  });
  it('a daily quota ErrorInfo makes RESOURCE_EXHAUSTED not worth a re-send', () => {
    const c = classify(
      ex(
        200,
        {
          'grpc-status': '8',
          'grpc-message': 'Quota exceeded',
          'grpc-status-details-bin': statusBin(
            8,
            'Quota exceeded',
            errorInfo('DAILY_QUOTA_EXCEEDED', 'googleapis.com'),
          ),
        },
        null,
      ),
    );
    expect(c).toMatchObject({ errorCode: 'RESOURCE_EXHAUSTED', retryable: false });
  });
});

describe('gRPC-web: HTTP errors without grpc-status (http-grpc-status-mapping.md)', () => {
  // A proxy in front of the gRPC server answers with an HTTP error and no gRPC status; the client
  // synthesises UNAVAILABLE for 429/502/503/504 (retryable), UNAUTHENTICATED/PERMISSION_DENIED for 401/403.
  const rows: Array<[number, boolean]> = [
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [429, true],
    [502, true],
    [503, true],
    [504, true],
  ];
  it.each(rows)('HTTP %i', (status, retryable) => {
    const c = classify(ex(status, {}, null, 'application/grpc-web+proto'));
    expect(c).toMatchObject({ failure: true, retryable });
  });
  it('a 200 with grpc-web media type and no status anywhere is not called a failure', () => {
    const c = classify(ex(200, {}, DATA));
    expect(c.failure).toBe(false);
  });
});

describe('gRPC-web: trailers-only on a non-200 status (a proxy that sets both)', () => {
  const rows: Array<[number, number, string, boolean]> = [
    [503, 14, 'UNAVAILABLE', true],
    [429, 8, 'RESOURCE_EXHAUSTED', true],
    [504, 4, 'DEADLINE_EXCEEDED', true],
    [401, 16, 'UNAUTHENTICATED', false],
    [403, 7, 'PERMISSION_DENIED', false],
    [404, 12, 'UNIMPLEMENTED', false],
  ];
  it.each(rows)('HTTP %i with grpc-status %i', (http, code, name, retryable) => {
    const c = classify(ex(http, { 'grpc-status': String(code), 'grpc-message': 'from the proxy' }, null));
    expect(c).toMatchObject({
      failure: true,
      protocol: 'grpc-web',
      errorCode: name,
      retryable,
      message: 'from the proxy',
    });
  });
  it('a text/plain proxy body beside the grpc-status header', () => {
    const c = classify(
      ex(503, { 'grpc-status': '14', 'grpc-message': 'no healthy upstream' }, 'no healthy upstream', 'text/plain'),
    );
    expect(c).toMatchObject({ failure: true, protocol: 'grpc-web', errorCode: 'UNAVAILABLE', retryable: true });
  });
});

describe('gRPC-web: a body captured as decoded text (the 0x80 trailer flag and length bytes are not UTF-8)', () => {
  const rows: Array<[string, Uint8Array]> = [
    ['short protobuf message', DATA],
    [
      'a 200-byte message (length byte ≥ 0x80)',
      frame(0x00, concat(new Uint8Array([0x0a, 0xc5, 0x01]), new Uint8Array(197).fill(0x61))),
    ],
    ['a JSON message with non-ASCII text', frame(0x00, '{"name":"café crème"}')],
  ];
  it.each(rows)('%s', (_name, data) => {
    const bytes = concat(data, frame(0x80, trailerBlock(14, 'backend down')));
    const c = classify(ex(200, {}, new TextDecoder().decode(bytes)));
    expect(c).toMatchObject({ failure: true, protocol: 'grpc-web', errorCode: 'UNAVAILABLE', message: 'backend down' });
  });
});
