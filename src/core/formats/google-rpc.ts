// google.rpc.Status as JSON (Google Cloud, Gemini, Firebase v1 APIs):
// `{error: {code, message, status: "RESOURCE_EXHAUSTED", details: [{@type: …ErrorInfo, reason},
//  {@type: …RetryInfo, retryDelay: "58s"}, {@type: …QuotaFailure, violations: [{quotaId}]},
//  {@type: …BadRequest, fieldViolations: [{field, description}]}, {@type: …RequestInfo, requestId}]}}`.
// `code` echoes the HTTP status. A per-day quota (quotaId …PerDay…) will not clear by waiting.
// Sources: https://cloud.google.com/apis/design/errors , https://google.aip.dev/193 ,
// https://github.com/googleapis/googleapis/blob/master/google/rpc/error_details.proto ,
// Gemini 429 bodies in https://github.com/google-gemini/gemini-cli/issues/8437

import type { FieldError, FormatRecognizer } from '../types';
import { compact, durationSeconds, firstRecord, get, isRecord, str, text, type JsonRecord } from './util';

const STATUS_NAME = /^[A-Z][A-Z_]+$/;
/** Quota ids/metrics that reset daily (or longer): retrying after a short wait cannot succeed. */
const LONG_QUOTA = /per.?day|daily|per.?month|monthly/i;

/** The error object: `{error:{…}}`, or the first element of a streamed array `[{error:{…}}]`. */
export function googleError(json: unknown): JsonRecord | undefined {
  const root = Array.isArray(json) && json.length > 0 ? json[0] : json;
  const error = get(root, 'error');
  return isRecord(error) ? error : undefined;
}

export const googleRpc: FormatRecognizer = {
  id: 'google-rpc',
  title: 'google.rpc.Status {error: {code, message, status, details[@type]}}',
  priority: 76,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body }) {
    const error = googleError(body.json);
    if (!error) return null;
    const status = str(error, 'status');
    const details = get(error, 'details');
    const typedDetails = Array.isArray(details) && details.some((d) => typeof get(d, '@type') === 'string');
    if (!(status && STATUS_NAME.test(status)) && !typedDetails) return null;

    let reason: string | undefined;
    let retryAfterSeconds: number | undefined;
    let requestId: string | undefined;
    let longQuota = false;
    const fieldErrors: FieldError[] = [];
    // A service's own failure detail listing its errors (Google Ads `GoogleAdsFailure: {errors: [{errorCode:
    // {queryError: "UNRECOGNIZED_FIELD"}, message}], requestId}`): its first message says what the wrapper
    // ("Request contains an invalid argument.") does not, as the Ads client libraries print it.
    let failureMessage: string | undefined;
    if (Array.isArray(details)) {
      for (const d of details.slice(0, 20)) {
        const type = str(d, '@type') ?? '';
        if (type.endsWith('google.rpc.ErrorInfo')) reason ??= str(d, 'reason');
        else if (type.endsWith('google.rpc.RetryInfo')) retryAfterSeconds ??= durationSeconds(get(d, 'retryDelay'));
        else if (type.endsWith('google.rpc.RequestInfo')) requestId ??= str(d, 'requestId');
        else if (type.endsWith('google.rpc.QuotaFailure')) {
          const violations = get(d, 'violations');
          if (Array.isArray(violations)) {
            longQuota ||= violations
              .slice(0, 20)
              .some((v) => LONG_QUOTA.test(`${str(v, 'quotaId') ?? ''} ${str(v, 'quotaMetric') ?? ''}`));
          }
        } else if (type && !type.includes('google.rpc.') && Array.isArray(get(d, 'errors'))) {
          failureMessage ??= str(firstRecord(get(d, 'errors')), 'message');
          requestId ??= str(d, 'requestId');
        } else if (type.endsWith('google.rpc.BadRequest')) {
          const violations = get(d, 'fieldViolations');
          if (Array.isArray(violations)) {
            for (const v of violations.slice(0, 50)) {
              const field = str(v, 'field');
              const description = str(v, 'description');
              if (field && description) fieldErrors.push({ field, message: description });
            }
          }
        }
      }
    }
    return compact({
      saysFailure: true,
      errorCode: reason ?? status,
      message: withFailure(text(get(error, 'message')), failureMessage),
      errorId: requestId,
      errorIdField: requestId ? 'error.details[RequestInfo].requestId' : undefined,
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
      retryAfterSeconds,
      retryAfterField: retryAfterSeconds !== undefined ? 'error.details[RetryInfo].retryDelay' : undefined,
      retryable: longQuota ? false : undefined,
    });
  },
};

/** The status message, then the failure detail's first message when it adds something. */
function withFailure(message: string | undefined, failure: string | undefined): string | undefined {
  if (!failure || message?.toLowerCase().includes(failure.toLowerCase())) return message;
  if (!message) return failure;
  return `${message}${/[.!?:]$/.test(message) ? ' ' : ': '}${failure}`;
}
