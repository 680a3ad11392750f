// How the panel and the CLI name a protocol failure: "gRPC-web · UNAVAILABLE (14)", "JSON-RPC 2.0 · -32601",
// "tRPC batch · 2 of 5 failed · UNAUTHORIZED".
import type { Classification, ProtocolId } from '../types';
import { connectCode, twirpCode } from './codes';

export const PROTOCOL_NAMES: Readonly<Record<ProtocolId, string>> = {
  jsonrpc: 'JSON-RPC 2.0',
  trpc: 'tRPC',
  'grpc-web': 'gRPC-web',
  connect: 'Connect',
  twirp: 'Twirp',
  graphql: 'GraphQL',
};

const GRPC_NUMBERS: Readonly<Record<string, number>> = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
};

/** The protocol's display name, or null for a plain HTTP API. */
export function protocolName(protocol: unknown): string | null {
  return typeof protocol === 'string' && Object.prototype.hasOwnProperty.call(PROTOCOL_NAMES, protocol)
    ? PROTOCOL_NAMES[protocol as ProtocolId]
    : null;
}

/** The code as the protocol names it, with the gRPC number where there is one. */
function codeText(protocol: ProtocolId, code: string): string {
  if (protocol === 'grpc-web' && Object.prototype.hasOwnProperty.call(GRPC_NUMBERS, code))
    return `${code} (${GRPC_NUMBERS[code]})`;
  const number =
    protocol === 'connect' ? connectCode(code)?.number : protocol === 'twirp' ? twirpCode(code)?.number : undefined;
  return number !== undefined ? `${code} (${number})` : code;
}

/** "gRPC-web · UNAVAILABLE (14)"; null when the classification names no protocol. */
export function protocolLabel(
  c: Pick<Classification, 'protocol' | 'errorCode' | 'operations' | 'operationsOmitted' | 'operationCount'>,
): string | null {
  const name = protocolName(c.protocol);
  if (!name) return null;
  const parts = [name];
  const ops = Array.isArray(c.operations) ? c.operations : undefined;
  if (ops && typeof c.operationCount === 'number') {
    const failed = ops.length + (typeof c.operationsOmitted === 'number' ? c.operationsOmitted : 0);
    parts[0] = `${name} batch`;
    parts.push(`${failed} of ${c.operationCount} failed`);
  }
  if (typeof c.errorCode === 'string' && c.errorCode) parts.push(codeText(c.protocol as ProtocolId, c.errorCode));
  return parts.join(' · ');
}
