// Server-sent event streams (text/event-stream) that fail after a 200: an `event: error` frame, or a
// data frame whose JSON is an error envelope. Anthropic: `event: error` + `{type:"error", error:{type, message}}`;
// OpenAI Chat Completions: `data: {"error": {...}}`; OpenAI Responses: `event: error` +
// `{type:"error", code, message}` or `response.failed` with `response.error`; Gemini: `data: {"error": {...}}`.
// Sources: https://docs.claude.com/en/docs/build-with-claude/streaming#error-events ,
// https://platform.openai.com/docs/api-reference/responses-streaming/error ,
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation ;
// tRPC v11 subscriptions (httpSubscriptionLink): `event: serialized-error` whose data is the tRPC error
// shape (https://github.com/trpc/trpc/blob/main/packages/server/src/unstable-core-do-not-import/stream/sse.ts).
// GraphQL over SSE (graphql-sse): `event: next` carries an ExecutionResult whose `errors` fail the operation
// (https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md).

import { parseEventStream } from '../body';
import type { Extracted, FormatRecognizer, RecognizerContext } from '../types';
import { catalogRecognizers } from '../catalog/engine';
import { errorObject } from './error-object';
import { googleLegacy } from './google-legacy';
import { googleRpc } from './google-rpc';
import { graphql } from './graphql';
import { openai } from './openai';
import { trpcShapeError } from '../protocols/trpc';
import { at, code, compact, get, isRecord, str, text } from './util';

const anthropic = catalogRecognizers.find((r) => r.id === 'anthropic');
const GRAPHQL_ONLY: readonly FormatRecognizer[] = [graphql];
const PAYLOAD_RECOGNIZERS = [...(anthropic ? [anthropic] : []), googleRpc, googleLegacy, openai, errorObject];

function fromPayload(
  ctx: RecognizerContext,
  payload: unknown,
  recognizers: readonly FormatRecognizer[] = PAYLOAD_RECOGNIZERS,
): Extracted | null {
  const sub: RecognizerContext = {
    exchange: ctx.exchange,
    header: ctx.header,
    body: { ...ctx.body, kind: 'json', json: payload, mimeType: 'application/json' },
  };
  for (const r of recognizers) {
    const found = r.recognize(sub);
    if (found) return found;
  }
  return null;
}

/** Data JSON of an event: the engine's parse when it made one, else our own. */
function parseJson(s: string): unknown {
  const t = s.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

export const sse: FormatRecognizer = {
  id: 'sse',
  title: 'Server-sent events (error event inside a text/event-stream)',
  priority: 95,
  kinds: ['event-stream'],
  recognize(ctx) {
    const { body } = ctx;
    if (body.kind !== 'event-stream') return null;
    if (!body.text.includes('error') && !body.text.includes('failed')) return {};
    for (const ev of body.events ?? parseEventStream(body.text)) {
      const trpcError = ev.event === 'serialized-error';
      const named = ev.event === 'error' || ev.event === 'response.failed' || trpcError;
      if (!named && !ev.data.includes('error')) continue;
      const payload = ev.json !== undefined ? ev.json : parseJson(ev.data);
      const shape = trpcError ? trpcShapeError(payload) : undefined;
      if (shape) return { ...shape, saysFailure: true };
      if (isRecord(payload)) {
        const type = get(payload, 'type');
        if (type === 'response.failed') {
          const error = at(payload, ['response', 'error']);
          return compact({ saysFailure: true, errorCode: code(get(error, 'code')), message: str(error, 'message') });
        }
        // A GraphQL ExecutionResult (graphql-sse `next`) whose errors list is not empty.
        if (Array.isArray(get(payload, 'errors')) && (get(payload, 'errors') as unknown[]).length > 0) {
          const found = fromPayload(ctx, payload, GRAPHQL_ONLY);
          if (found) return { ...found, saysFailure: true };
        }
        if (isRecord(get(payload, 'error')) || type === 'error') {
          const found = fromPayload(ctx, payload);
          if (found) return { ...found, saysFailure: true };
          return compact({
            saysFailure: true,
            errorCode: code(get(payload, 'code')),
            message: str(payload, 'message'),
          });
        }
      }
      if (named) return compact({ saysFailure: true, message: text(ev.data) });
    }
    return {};
  },
};
