// Public surface of the classifier. Pure TypeScript: no browser or Node APIs.
export * from './types';
export { classify, normalizeExchange, MAX_MESSAGE_CHARS, type ClassifyOptions } from './classify';
export { describeRetry } from './describe';
export { formatSeconds, advise, type Advice, type AdviceFacts } from './advice';
export { statusSemantics, statusClassOf, knownStatusCodes } from './status';
export { headerValue, indexHeaders, headerEntries, type HeaderIndex, type HeaderEntry } from './headers';
export { buildBodyView, parseEventStream, decodeBase64, mimeEssence, MAX_PARSE_BYTES } from './body';
export { parseJsonLenient, type LenientParse } from './json-lenient';
export {
  serverWait,
  backoffPlan,
  parseRetryAfter,
  parseResetValue,
  parseDuration,
  waitInMessage,
  shouldRetryHeader,
  MAX_WAIT_SECONDS,
  DEFAULT_BACKOFF,
} from './retry';
export { pickErrorId, requestIdHeaders, idInMessage } from './ids';
export { idempotency, IDEMPOTENT_METHODS, IDEMPOTENCY_KEY_HEADERS } from './idempotency';
export { rateLimitEvidence, quotaExhaustion } from './limits';
export { networkErrorRule, NETWORK_ERRORS, type NetworkCause } from './network-errors';
export { redactClassification } from './redact';
export { protocolLabel, protocolName, PROTOCOL_NAMES } from './protocols/label';
export { MAX_OPERATIONS } from './protocols/operations';
