// AWS JSON protocols (awsJson1_0/1_1, restJson1; DynamoDB, Lambda, API Gateway, Cognito …):
// the code comes from header `x-amzn-ErrorType`, else body `code`, else `__type`, with the namespace
// before `#` and anything after `:` stripped. Message is `message` or `Message`.
// Throttling and clock-skew codes come with 400 but are retryable (the SDKs retry them).
// Sources: https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization ,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html ,
// https://github.com/smithy-lang/smithy-typescript/blob/main/packages/service-error-classification/src/constants.ts

import type { FormatRecognizer } from '../types';
import { compact, isRecord, str, strCI } from './util';

/**
 * From smithy-typescript service-error-classification (THROTTLING and TRANSIENT codes). Its CLOCK_SKEW
 * codes (SignatureDoesNotMatch, RequestTimeTooSkewed, …) are left out: an SDK retries them after
 * correcting its clock, but the same request resent unchanged fails again (advice.ts says "fix the clock").
 */
export const AWS_RETRYABLE_CODES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalError',
  'InternalFailure',
  'ServiceUnavailable',
]);

/** `aws.protocoltests#FooError:http://internal.amazon.com/…` → `FooError`. */
export function sanitizeAwsCode(raw: string): string {
  let c = raw;
  const colon = c.indexOf(':');
  if (colon >= 0) c = c.slice(0, colon);
  const hash = c.lastIndexOf('#');
  if (hash >= 0) c = c.slice(hash + 1);
  return c.trim();
}

export const awsJson: FormatRecognizer = {
  id: 'aws-json',
  title: 'AWS JSON {__type, message} / x-amzn-ErrorType',
  priority: 82,
  gate: { headers: ['x-amzn-errortype'], keys: ['__type'] },
  recognize({ body, header }) {
    const j = body.json;
    const headerType = header('x-amzn-errortype');
    const bodyType = str(j, '__type');
    if (!headerType && !bodyType) return null;
    const raw = headerType ?? str(j, 'code') ?? str(j, 'Code') ?? bodyType;
    const errorCode = raw ? sanitizeAwsCode(raw) : undefined;
    const message = isRecord(j) ? (strCI(j, 'message') ?? str(j, 'errorMessage')) : undefined;
    // API Gateway's QUOTA_EXCEEDED response is LimitExceededException with "Limit Exceeded": a usage-plan
    // quota for the period, where throttling says "Too Many Requests".
    const quota = errorCode === 'LimitExceededException' && message === 'Limit Exceeded';
    return compact({
      saysFailure: true,
      errorCode: errorCode || undefined,
      message,
      retryable: quota ? false : errorCode && AWS_RETRYABLE_CODES.has(errorCode) ? true : undefined,
    });
  },
};
