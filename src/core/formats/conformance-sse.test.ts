// Server-sent events conformance: the error event of each documented stream × every framing the
// WHATWG event-stream grammar allows (LF, CRLF and CR line ends, `data:` with and without the space,
// data split over several `data:` lines, comment lines, `id:` and `retry:` fields, a BOM), and the
// streams that must stay successes (no error event, `error: null` in a chunk).
// Sources: https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation ,
// https://docs.claude.com/en/docs/build-with-claude/streaming#error-events ,
// https://platform.openai.com/docs/api-reference/responses-streaming/error
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import type { Exchange } from '../types';

const ex = (body: string): Exchange => ({
  method: 'POST',
  url: 'https://api.example.test/v1/stream',
  status: 200,
  responseHeaders: { 'content-type': 'text/event-stream; charset=utf-8' },
  body,
});

const anthropicError = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };
const openaiError = { type: 'error', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests' };
const chunk = { type: 'message_delta', delta: { text: 'Hello' } };

type Framing = { name: string; build: (event: string, data: unknown) => string };
const lines = (eol: string, ...l: string[]): string => l.join(eol) + eol + eol;
const FRAMINGS: Framing[] = [
  {
    name: 'LF, "data: " with a space',
    build: (e, d) => lines('\n', 'event: ping', 'data: {}') + lines('\n', `event: ${e}`, `data: ${JSON.stringify(d)}`),
  },
  {
    name: 'CRLF line ends',
    build: (e, d) =>
      lines('\r\n', 'event: ping', 'data: {}') + lines('\r\n', `event: ${e}`, `data: ${JSON.stringify(d)}`),
  },
  {
    name: 'CR line ends',
    build: (e, d) => lines('\r', 'event: ping', 'data: {}') + lines('\r', `event: ${e}`, `data: ${JSON.stringify(d)}`),
  },
  { name: '"data:" without the space', build: (e, d) => lines('\n', `event:${e}`, `data:${JSON.stringify(d)}`) },
  {
    name: 'JSON split over two data lines',
    build: (e, d) => {
      const s = JSON.stringify(d, null, 1).split('\n');
      const half = Math.ceil(s.length / 2);
      return lines('\n', `event: ${e}`, `data: ${s.slice(0, half).join(' ')}`, `data: ${s.slice(half).join(' ')}`);
    },
  },
  {
    name: 'comments, id and retry fields around it',
    build: (e, d) =>
      lines('\n', ': keep-alive') +
      lines('\n', 'id: 1', 'event: content', `data: ${JSON.stringify(chunk)}`) +
      lines('\n', 'retry: 3000', 'id: 2', `event: ${e}`, `data: ${JSON.stringify(d)}`),
  },
  { name: 'leading BOM', build: (e, d) => '\ufeff' + lines('\n', `event: ${e}`, `data: ${JSON.stringify(d)}`) },
];

describe('SSE: documented error events × framings', () => {
  for (const framing of FRAMINGS) {
    describe(framing.name, () => {
      it('Anthropic event: error', () => {
        const c = classify(ex(framing.build('error', anthropicError)));
        expect(c).toMatchObject({ failure: true, errorCode: 'overloaded_error', retryable: true });
        expect(c.message).toContain('Overloaded');
      });
      it('OpenAI Responses event: error', () => {
        const c = classify(ex(framing.build('error', openaiError)));
        expect(c).toMatchObject({ failure: true, errorCode: 'rate_limit_exceeded' });
        expect(c.message).toContain('Rate limit reached');
      });
      it('a stream without an error event is a success', () => {
        expect(classify(ex(framing.build('content', chunk))).failure).toBe(false);
      });
    });
  }
  it('a chunk with error: null is not a failure', () => {
    expect(classify(ex(lines('\n', `data: ${JSON.stringify({ id: 'c1', error: null, choices: [] })}`))).failure).toBe(
      false,
    );
  });
});

describe('GraphQL over SSE (graphql-sse PROTOCOL.md): next events carry ExecutionResults', () => {
  const gqlEx = (body: string): Exchange => ({ ...ex(body), url: 'https://api.example.test/graphql/stream' });
  const next = (result: unknown): string => `event: next\ndata: ${JSON.stringify(result)}\n\n`;
  it('a next event with errors fails the operation', () => {
    const c = classify(
      gqlEx(
        next({ data: { greetings: 'Hi' } }) +
          next({
            data: null,
            errors: [{ message: 'Not authorised!', path: ['greetings'], extensions: { code: 'FORBIDDEN' } }],
          }) +
          'event: complete\ndata:\n\n',
      ),
    );
    expect(c).toMatchObject({ failure: true, protocol: 'graphql', errorCode: 'FORBIDDEN', message: 'Not authorised!' });
  });
  it('next events without errors, then complete, are a success', () => {
    const c = classify(
      gqlEx(
        next({ data: { greetings: 'Hi' } }) +
          next({ data: { greetings: 'Bonjour' }, errors: [] }) +
          'event: complete\ndata:\n\n',
      ),
    );
    expect(c.failure).toBe(false);
  });
});
