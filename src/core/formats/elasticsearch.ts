// Elasticsearch / OpenSearch: `{error: {root_cause: [{type, reason}], type, reason, caused_by}, status}`.
// Source: https://www.elastic.co/guide/en/elasticsearch/reference/current/common-options.html#common-options-error-options

import type { FormatRecognizer } from '../types';
import { compact, firstRecord, get, has, isRecord, str } from './util';

export const elasticsearch: FormatRecognizer = {
  id: 'elasticsearch',
  title: 'Elasticsearch {error: {root_cause, type, reason}, status}',
  priority: 70,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body }) {
    const error = get(body.json, 'error');
    if (!isRecord(error) || str(error, 'type') === undefined || !has(error, 'reason')) return null;
    if (!has(error, 'root_cause') && typeof get(body.json, 'status') !== 'number') return null;
    const cause = get(error, 'caused_by');
    return compact({
      saysFailure: true,
      errorCode: str(error, 'type'),
      message: str(error, 'reason') ?? str(firstRecord(get(error, 'root_cause')), 'reason') ?? str(cause, 'reason'),
    });
  },
};
