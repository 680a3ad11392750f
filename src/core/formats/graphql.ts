// GraphQL responses: `{data, errors: [{message, locations, path, extensions: {code}}]}`, usually on HTTP 200.
// No data (or data null) means the operation failed. GitHub signals rate limits with
// `errors[].type: "RATE_LIMITED"`; Shopify with `extensions.code: "THROTTLED"` plus a cost budget
// from which the wait follows: (requested − available) / restoreRate seconds.
// Sources: https://spec.graphql.org/October2021/#sec-Errors ,
// https://www.apollographql.com/docs/apollo-server/data/errors ,
// https://docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api ,
// https://shopify.dev/docs/api/usage/rate-limits#graphql-admin-api-rate-limits

import type { FormatRecognizer } from '../types';
import { at, code, compact, firstRecord, get, has, isRecord, joinTexts, num, str } from './util';

const RATE_LIMIT_CODES = new Set(['RATE_LIMITED', 'RATE_LIMIT', 'THROTTLED', 'TOO_MANY_REQUESTS']);

export const graphql: FormatRecognizer = {
  id: 'graphql',
  title: 'GraphQL {data, errors: [{message, path, extensions: {code}}]}',
  priority: 66,
  kinds: ['json'],
  keys: ['errors'],
  recognize({ body, exchange }) {
    const j = body.json;
    const errors = get(j, 'errors');
    const first = firstRecord(errors);
    if (!first || str(first, 'message') === undefined) return null;
    const graphqlish =
      has(j, 'data') ||
      has(first, 'locations') ||
      has(first, 'path') ||
      isRecord(get(first, 'extensions')) ||
      /graphql/i.test(exchange.url);
    if (!graphqlish) return null;

    const list = errors as unknown[];
    const errCode = code(at(first, ['extensions', 'code'])) ?? code(get(first, 'type')) ?? code(at(first, ['extensions', 'type']));
    const data = get(j, 'data');
    const noData = data === undefined || data === null || (isRecord(data) && Object.values(data).every((v) => v === null));

    // Shopify's throttle budget: wait until enough points are restored.
    const throttle = at(j, ['extensions', 'cost', 'throttleStatus']);
    const requested = num(at(j, ['extensions', 'cost']), 'requestedQueryCost');
    const available = num(throttle, 'currentlyAvailable');
    const restoreRate = num(throttle, 'restoreRate');
    const throttled = typeof errCode === 'string' && RATE_LIMIT_CODES.has(errCode);
    const wait =
      throttled && requested !== undefined && available !== undefined && restoreRate
        ? Math.max(0, (requested - available) / restoreRate)
        : undefined;

    return compact({
      saysFailure: noData ? true : undefined,
      errorCode: errCode,
      message: joinTexts(list.map((e) => str(e, 'message'))),
      retryAfterSeconds: wait,
      retryAfterField: wait !== undefined ? 'extensions.cost.throttleStatus' : undefined,
      retryable: throttled ? true : undefined,
    });
  },
};
