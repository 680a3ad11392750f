// gRPC transcoding gateways (grpc-gateway, Envoy's gRPC-JSON transcoder, Cloud Endpoints/ESPv2) answer a
// REST caller with the google.rpc.Status as JSON: `{code: <gRPC number>, message, details: [...]}` (grpc-gateway
// v1 adds `error`, a copy of the message), on the HTTP status the gateway maps the number to. The number
// is the code; its gRPC meaning decides retryability (ABORTED retries at a higher level, DATA_LOSS never),
// which a status-only reading gets wrong (409 → conflict, 500 → transient).
// Recognised only when the HTTP status is the one the gateway maps that number to: a plain `{code: 5}`
// from an unrelated API on another status stays with the generic layer.
// Sources: https://github.com/grpc-ecosystem/grpc-gateway/blob/main/runtime/errors.go (HTTPStatusFromCode),
// https://github.com/grpc/grpc/blob/master/doc/statuscodes.md
import type { FormatRecognizer } from '../types';
import { get, isRecord, str } from '../formats/util';
import { grpcCode, rpcRetryable } from './codes';

/** grpc-gateway's HTTPStatusFromCode where it differs from google.rpc.Code's mapping (CANCELLED → 499 in both). */
const GATEWAY_HTTP: Readonly<Record<number, number>> = { 9: 400 };

const ALLOWED_KEYS = new Set(['code', 'message', 'details', 'error']);

export const grpcStatusJson: FormatRecognizer = {
  id: 'grpc-status-json',
  title: 'google.rpc.Status as JSON from a gRPC transcoding gateway {code: <number>, message, details}',
  priority: 77,
  kinds: ['json'],
  keys: ['code'],
  recognize({ body, exchange }) {
    const j = body.json;
    if (!isRecord(j) || exchange.status < 400) return null;
    const number = get(j, 'code');
    const known = typeof number === 'number' && number > 0 ? grpcCode(number) : undefined;
    const message = str(j, 'message');
    if (!known || message === undefined || !Array.isArray(get(j, 'details'))) return null;
    if ((GATEWAY_HTTP[known.number] ?? known.http) !== exchange.status) return null;
    for (const key in j) if (Object.prototype.hasOwnProperty.call(j, key) && !ALLOWED_KEYS.has(key)) return null;
    return {
      saysFailure: true,
      errorCode: String(known.number),
      message,
      httpEquivalent: known.http,
      retryable: rpcRetryable(known.number, known.retryable, message),
      notes: [`gRPC status ${known.number} ${known.name} (google.rpc.Status as JSON)`],
    };
  },
};
