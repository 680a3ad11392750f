// JSON:API error documents: `{errors: [{id, status: "422", code, title, detail, source: {pointer | parameter}}]}`.
// Source: https://jsonapi.org/format/#error-objects

import type { FormatRecognizer } from '../types';
import { pointerField } from './problem-json';
import { apiCode, compact, fieldErrorsFromList, firstRecord, get, has, idAt, isRecord, joinTexts, str } from './util';

const nonZero = (c: string | number | undefined): string | number | undefined => (c === 0 || c === '0' ? undefined : c);

const MEMBERS = ['title', 'detail', 'source', 'status', 'code', 'id', 'links', 'meta'];

export const jsonApi: FormatRecognizer = {
  id: 'json-api',
  title: 'JSON:API {errors: [{status, code, title, detail, source}]}',
  priority: 64,
  kinds: ['json'],
  keys: ['errors'],
  recognize({ body, exchange }) {
    const j = body.json;
    const errors = get(j, 'errors');
    const first = firstRecord(errors);
    if (!first || has(first, 'message')) return null;
    const byMime = body.mimeType === 'application/vnd.api+json';
    // Without the media type, require the distinctive members and nothing foreign.
    if (!byMime) {
      if (
        !(has(first, 'detail') || has(first, 'title')) ||
        !(has(first, 'status') || has(first, 'source') || has(first, 'code'))
      )
        return null;
      for (const k in first) if (Object.prototype.hasOwnProperty.call(first, k) && !MEMBERS.includes(k)) return null;
    }
    const list = errors as unknown[];
    const fieldErrors = fieldErrorsFromList(
      list,
      (e) => {
        const src = get(e, 'source');
        const p = str(src, 'pointer') ?? str(src, 'parameter');
        return p ? pointerField(p) : undefined;
      },
      (e) => str(e, 'detail') ?? str(e, 'title'),
    );
    return compact({
      saysFailure: !isRecord(get(j, 'data')),
      // `code: 0` is the absence of a code, not one; a number equal to the HTTP status is its echo (Joomla's `code: 404`).
      errorCode: nonZero(apiCode(get(first, 'code'), exchange.status)),
      message: joinTexts(list.map((e) => str(e, 'detail') ?? str(e, 'title'))),
      ...idAt(j, ['errors', 0, 'id']),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
