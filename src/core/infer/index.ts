// The base layer under every recognizer and catalog entry: whatever they left unsaid (code, message,
// support ID, wait, retry hint, a 2xx body's own failure) is inferred here from the body alone.
// Inferred values never replace what a recognizer, a catalog entry or a rule said.
import type { BodyView, Extracted } from '../types';
import { isGenericMessage } from './dictionaries';
import { inferJson } from './json';
import { htmlMessage, pageText, supportIdInText } from './markup';

export { inferJson, statusVerdict } from './json';
export { retryableFromCode, exhaustedByMessage } from './semantics';
export { supportIdInText, htmlMessage, pageText } from './markup';
export { isGenericMessage } from './dictionaries';

/** Formats that decide nothing of their own beyond a generic shape: the inference may judge a 2xx for them. */
const GENERIC_FORMATS = new Set(['json', 'ok-false', 'success-false', 'code-msg', 'generic-error-message', 'error-object']);

const missing = (v: unknown): boolean => v === undefined || v === null || v === '';

/**
 * `extracted` completed by inference. `format` is what claimed the body; `plainData` is true when
 * the plain-data gate claimed it (a 2xx body without envelope keys: nothing to infer).
 */
export function inferMissing(extracted: Extracted, format: string, body: BodyView, status: number, plainData: boolean, notes: string[]): Extracted {
  if (plainData) return extracted;
  const kind = body.kind;
  const success = status >= 200 && status < 400;
  if (kind === 'json') {
    const json = body.json;
    if (json === null || typeof json !== 'object') return extracted;
    const inferred = inferJson(json, status);
    let saysFailure = extracted.saysFailure;
    if (success && saysFailure === undefined && extracted.saysSuccess !== true && GENERIC_FORMATS.has(format) && inferred.saysFailure === true) {
      saysFailure = true;
      notes.push('the body reports a failure (inferred from its status fields)');
    }
    // A success stays as it is: no code or message is invented for it.
    if (success && saysFailure !== true) return extracted;
    const out: Extracted = { ...extracted };
    if (saysFailure !== undefined) out.saysFailure = saysFailure;
    if (missing(out.errorCode) && inferred.errorCode !== undefined) {
      out.errorCode = inferred.errorCode;
      notes.push(`errorCode inferred from body.${inferred.errorCodeField}`);
    }
    if (inferred.message !== undefined && (missing(out.message) || (typeof out.message === 'string' && isGenericMessage(out.message) && inferred.message.length > out.message.length && inferred.message.toLowerCase().includes(out.message.toLowerCase())))) {
      out.message = inferred.message;
      notes.push(`message inferred from body.${inferred.messageField}`);
    }
    if (missing(out.errorId) && inferred.errorId !== undefined) {
      out.errorId = inferred.errorId;
      out.errorIdField = inferred.errorIdField;
    }
    if (missing(out.retryAfterSeconds) && inferred.retryAfterSeconds !== undefined) {
      out.retryAfterSeconds = inferred.retryAfterSeconds;
      out.retryAfterField = inferred.retryAfterField;
    }
    if (out.retryable === undefined && inferred.retryable !== undefined) out.retryable = inferred.retryable;
    return out;
  }
  if (success) return extracted;
  if (kind === 'html') {
    const out: Extracted = { ...extracted };
    const current = typeof extracted.message === 'string' ? extracted.message : null;
    if (current === null || isGenericMessage(current) || /^\d{3}\b/.test(current)) {
      const message = htmlMessage(body.text, current);
      if (message && message !== current) out.message = message;
    }
    if (missing(out.errorId)) {
      const id = supportIdInText(pageText(body.text));
      if (id) {
        out.errorId = id;
        out.errorIdField = '(page text)';
      }
    }
    return out;
  }
  if ((kind === 'text' || kind === 'xml') && missing(extracted.errorId)) {
    const id = supportIdInText(body.text);
    if (id) return { ...extracted, errorId: id, errorIdField: '(text)' };
  }
  return extracted;
}
