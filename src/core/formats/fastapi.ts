// FastAPI / pydantic request validation: `{detail: [{loc: ["body", "email"], msg, type, input?, ctx?}]}` (422).
// `loc` starts with where the value was (body/query/path/header/cookie); "body" is dropped from the field name.
// Source: https://fastapi.tiangolo.com/tutorial/handling-errors/#requestvalidationerror-vs-validationerror

import type { FieldError, FormatRecognizer } from '../types';
import { compact, firstRecord, get, has, str, text } from './util';

function fieldOf(loc: unknown): string | undefined {
  if (!Array.isArray(loc)) return undefined;
  const parts = loc.filter((p) => typeof p === 'string' || typeof p === 'number').map(String);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts.length ? parts.join('.') : undefined;
}

export const fastapi: FormatRecognizer = {
  id: 'fastapi',
  title: 'FastAPI / pydantic {detail: [{loc, msg, type}]}',
  priority: 66,
  kinds: ['json'],
  keys: ['detail'],
  recognize({ body }) {
    const detail = get(body.json, 'detail');
    const first = firstRecord(detail);
    if (!first || !has(first, 'loc') || str(first, 'msg') === undefined) return null;
    const fieldErrors: FieldError[] = [];
    for (const item of (detail as unknown[]).slice(0, 50)) {
      const field = fieldOf(get(item, 'loc'));
      const msg = text(get(item, 'msg'));
      if (field && msg) fieldErrors.push({ field, message: msg });
    }
    const head = fieldErrors[0];
    return compact({
      saysFailure: true,
      message: head ? `${head.field}: ${head.message}` : str(first, 'msg'),
      fieldErrors,
    });
  },
};
