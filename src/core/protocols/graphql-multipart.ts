// GraphQL results delivered as multipart/mixed parts, each a JSON document:
// - incremental delivery (@defer/@stream, `deferSpec=20220824`): an initial `{data, errors?, hasNext}` then
//   `{incremental: [{data|items, path, errors?}], hasNext}` parts;
// - Apollo's multipart subscriptions (`subscriptionSpec="1.0"`): `{payload: {data, errors?}}` parts, `{}`
//   heartbeats, and a transport-level `{payload: null, errors: [...]}` that ends the subscription.
// Any part's errors fail the operation; they are read as a GraphQL response (code, message, path).
// Sources: https://github.com/graphql/graphql-over-http/blob/main/rfcs/IncrementalDelivery.md ,
// https://www.apollographql.com/docs/graphos/routing/operations/subscriptions/multipart-protocol
import type { FormatRecognizer } from '../types';
import { graphql } from '../formats/graphql';
import { get, isRecord } from '../formats/util';

const MAX_PARTS = 1000;

/** The `boundary` parameter of a multipart content type (quoted or not). */
function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The first error list a part carries: its own `errors`, its `payload.errors`, or an incremental item's. */
function errorsOf(part: unknown): unknown[] | undefined {
  const lists = [get(part, 'errors'), get(get(part, 'payload'), 'errors')];
  const incremental = get(part, 'incremental');
  if (Array.isArray(incremental)) for (const item of incremental.slice(0, 100)) lists.push(get(item, 'errors'));
  return lists.find((l): l is unknown[] => Array.isArray(l) && l.length > 0);
}

export const graphqlMultipart: FormatRecognizer = {
  id: 'graphql-multipart',
  title: 'GraphQL multipart/mixed responses (incremental delivery, Apollo multipart subscriptions)',
  priority: 65,
  kinds: ['text'],
  gate: { mimePrefixes: ['multipart/mixed'] },
  recognize(ctx) {
    const { body } = ctx;
    if (!body.mimeType.startsWith('multipart/mixed')) return null;
    const boundary = boundaryOf(ctx.header('content-type') ?? '');
    if (!boundary) return null;
    const parts = body.text.split(`--${boundary}`);
    let read = 0;
    let graphqlParts = 0;
    for (const raw of parts) {
      if (++read > MAX_PARTS) break;
      const start = raw.search(/\r?\n\r?\n/);
      const text = (start === -1 ? raw : raw.slice(start)).trim();
      if (!text.startsWith('{')) continue;
      let part: unknown;
      try {
        part = JSON.parse(text);
      } catch {
        continue;
      }
      if (!isRecord(part)) continue;
      graphqlParts++;
      const errors = errorsOf(part);
      if (!errors) continue;
      const found = graphql.recognize({
        ...ctx,
        body: { ...body, kind: 'json', json: { data: null, errors }, mimeType: 'application/json' },
      });
      if (found) return { ...found, saysFailure: true, notes: [`GraphQL multipart: errors in part ${read - 1}`] };
    }
    const notes = read > MAX_PARTS ? [`GraphQL multipart: parts past the first ${MAX_PARTS} not read`] : [];
    return graphqlParts ? { protocol: 'graphql', notes } : null;
  },
};
