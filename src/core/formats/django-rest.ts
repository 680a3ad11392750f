// Django REST framework: `{detail: "…"}` for exceptions (throttling says "Expected available in N seconds"),
// and a field dictionary `{field: ["msg"], non_field_errors: ["msg"]}` for ValidationError.
// FastAPI/Starlette HTTPException bodies `{detail: "…"}` have the same shape.
// The field dictionary is only taken on an error status: on 2xx it could be data.
// Sources: https://www.django-rest-framework.org/api-guide/exceptions/ ,
// https://www.django-rest-framework.org/api-guide/throttling/

import type { FormatRecognizer } from '../types';
import {
  compact,
  fieldErrorsFromDict,
  get,
  isErrorStatus,
  isFieldDict,
  isRecord,
  joinTexts,
  str,
  waitInText,
} from './util';

const THROTTLE_WAIT = /expected available in (\d+(?:\.\d+)?) seconds?/i;
const NON_FIELD_KEYS = ['non_field_errors', '__all__'];

export const djangoRest: FormatRecognizer = {
  id: 'django-rest',
  title: 'Django REST framework {detail} / {field: ["…"]}',
  priority: 30,
  kinds: ['json'],
  recognize(ctx) {
    const j = ctx.body.json;
    if (!isRecord(j)) return null;
    const detail = str(j, 'detail');
    if (detail !== undefined) {
      // `{detail}` alone (DRF may add `code`); anything richer belongs to another format.
      for (const k in j) if (Object.prototype.hasOwnProperty.call(j, k) && k !== 'detail' && k !== 'code') return null;
      const wait = waitInText(detail, THROTTLE_WAIT);
      return compact({
        saysFailure: isErrorStatus(ctx) ? true : undefined,
        errorCode: str(j, 'code'),
        message: detail,
        retryAfterSeconds: wait,
        retryAfterField: wait !== undefined ? 'detail (text)' : undefined,
      });
    }
    if (!isErrorStatus(ctx) || !isFieldDict(j)) return null;
    const fieldErrors = fieldErrorsFromDict(j);
    const general = joinTexts(NON_FIELD_KEYS.map((k) => joinTexts(get(j, k))));
    const firstField = fieldErrors.find((f) => !NON_FIELD_KEYS.includes(f.field));
    return compact({
      saysFailure: true,
      message: general ?? (firstField ? `${firstField.field}: ${firstField.message}` : undefined),
      fieldErrors: fieldErrors.filter((f) => !NON_FIELD_KEYS.includes(f.field)),
    });
  },
};
