// The success fast path (issue 18): a 2xx/3xx response whose body cannot hold a failure envelope is
// decided by its status and media type. classify.ts then runs only the recognizers whose cheap facts
// (routing.ts gates: a grpc-status header, a protocol media type) still say they may match, and skips
// the inference: no JSON walk, no block-page scan of a script or a stylesheet.
import type { BodyView } from './types';

/**
 * Media types that carry code, styles, fonts or media, never an API's error envelope: a WAF or a
 * gateway answers with HTML, JSON, XML or plain text. Lower-cased essences or prefixes.
 */
const NO_ENVELOPE_MIME =
  /^(?:image\/|audio\/|video\/|font\/|text\/css$|text\/javascript$|text\/ecmascript$|application\/(?:javascript|x-javascript|ecmascript|wasm|font-|x-font-|vnd\.ms-fontobject$))/;

/** Whether a media type (lower-cased essence) never carries an error envelope. */
export function isNoEnvelopeMime(mimeType: string): boolean {
  return NO_ENVELOPE_MIME.test(mimeType);
}

/**
 * A success the inference has nothing to add to: status 2xx/3xx, no browser error, and a body without
 * text or with a media type that never carries an envelope. Its verdict is "not a failure" unless a
 * recognizer the routing still admits (a protocol status in a header) or a rule says otherwise; when a
 * recognizer says failure, classify runs the inference as usual to complete it.
 */
export function isSettledSuccess(status: number, error: string | undefined, body: BodyView): boolean {
  if (!(status >= 200 && status < 400) || error !== undefined) return false;
  const kind = body.kind;
  // Body kinds that hold no text to read an envelope from (compared directly: this runs for every success).
  if (kind === 'not-captured' || kind === 'empty' || kind === 'binary') return true;
  return kind !== 'json' && isNoEnvelopeMime(body.mimeType);
}
