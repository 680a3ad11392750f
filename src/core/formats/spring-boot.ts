// Spring Boot's default error attributes (BasicErrorController / DefaultErrorAttributes):
// `{timestamp, status, error, message, path}` (+ `trace`, `exception`, `errors: [{field, defaultMessage}]`,
// WebFlux `requestId`). `error` is the reason phrase; "No message available" means no message.
// Source: https://docs.spring.io/spring-boot/reference/web/servlet.html#web.servlet.spring-mvc.error-handling ,
// https://docs.spring.io/spring-boot/api/java/org/springframework/boot/web/servlet/error/DefaultErrorAttributes.html

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, get, has, idAt, isRecord, str } from './util';

const PLACEHOLDERS = new Set(['No message available', '']);

export const springBoot: FormatRecognizer = {
  id: 'spring-boot',
  title: 'Spring Boot {timestamp, status, error, message, path}',
  priority: 60,
  kinds: ['json'],
  keys: ['status'],
  recognize({ body }) {
    const j = body.json;
    const status = get(j, 'status');
    if (
      !isRecord(j) ||
      typeof status !== 'number' ||
      status < 400 ||
      !has(j, 'timestamp') ||
      !has(j, 'path') ||
      !has(j, 'error')
    )
      return null;
    const rawMessage = str(j, 'message');
    const message = rawMessage && !PLACEHOLDERS.has(rawMessage) ? rawMessage : undefined;
    const fieldErrors = fieldErrorsFromList(
      get(j, 'errors'),
      (e) => str(e, 'field') ?? str(e, 'objectName'),
      (e) => str(e, 'defaultMessage') ?? str(e, 'message'),
    );
    const exception = str(j, 'exception');
    return compact({
      saysFailure: true,
      // The exception class is the closest thing to a code Spring exposes (only with include-exception).
      errorCode: exception ? exception.slice(exception.lastIndexOf('.') + 1) : undefined,
      message: message ?? fieldErrors[0]?.message ?? str(j, 'error'),
      ...idAt(j, ['requestId']),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
