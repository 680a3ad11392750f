// hapi Boom / NestJS / Auth0 Management API: `{statusCode, error: "Bad Request", message, errorCode?}`.
// `error` is the reason phrase; NestJS ValidationPipe sends `message` as a list of
// class-validator sentences that start with the property name ("email must be an email").
// Sources: https://hapi.dev/module/boom/api/#boom ,
// https://docs.nestjs.com/exception-filters#built-in-http-exceptions ,
// https://auth0.com/docs/api/management/v2#!/Errors

import type { FieldError, FormatRecognizer } from '../types';
import { statusEnumName } from '../infer/json';
import { code, compact, get, isMachineToken, isRecord, joinTexts, str, text } from './util';

export const boom: FormatRecognizer = {
  id: 'boom',
  title: 'hapi Boom / NestJS / Auth0 {statusCode, error, message}',
  priority: 58,
  kinds: ['json'],
  keys: ['statusCode'],
  recognize({ body, exchange }) {
    const j = body.json;
    const statusCode = get(j, 'statusCode');
    // `{statusCode: 200, message: "Success", data}` is a common success wrapper, not a Boom error.
    if (!isRecord(j) || typeof statusCode !== 'number' || statusCode < 400) return null;
    const error = str(j, 'error');
    const rawMessage = get(j, 'message');
    if (error === undefined && rawMessage === undefined) return null;

    const fieldErrors: FieldError[] = [];
    if (Array.isArray(rawMessage)) {
      for (const m of rawMessage.slice(0, 50)) {
        const t = text(m);
        const field = t ? /^([A-Za-z_$][\w.$[\]]*)\s/.exec(t)?.[1] : undefined;
        if (t && field) fieldErrors.push({ field, message: t });
      }
    }
    return compact({
      saysFailure: true,
      errorCode:
        code(get(j, 'errorCode')) ??
        // The status's enum name (`NOT_FOUND` beside `statusCode: 404`) is the status repeated, like the reason phrase.
        (error && isMachineToken(error) && !(statusCode === exchange.status && error === statusEnumName(statusCode))
          ? error
          : undefined),
      message: joinTexts(rawMessage) ?? error,
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
