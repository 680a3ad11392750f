import { describe, expect, it } from 'vitest';
import { indexHeaders } from './headers';
import { idInMessage, pickErrorId } from './ids';

const pick = (headers: Record<string, string>, bodyId?: string | null, message?: string | null, field?: string) =>
  pickErrorId(indexHeaders(headers), bodyId, field, message);

describe('pickErrorId', () => {
  const everything = {
    'cf-ray': '4ee02a558935bdc3-AMS',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    'x-request-id': 'req_1332ed8a813a4caaa2f0f3c55a6a68cb',
  };

  it('prefers the body id', () => {
    expect(pick(everything, 'oae6dB62BdhRFCF_9ltxiklFQ', 'RequestId: X1', 'errorId')).toMatchObject({
      errorId: 'oae6dB62BdhRFCF_9ltxiklFQ',
      errorIdSource: 'body.errorId',
    });
  });

  it('then a vendor request-ID header', () => {
    expect(pick(everything, null, 'RequestId: X123456')).toMatchObject({
      errorId: 'req_1332ed8a813a4caaa2f0f3c55a6a68cb',
      errorIdSource: 'header x-request-id',
    });
  });

  it('then an ID in the message', () => {
    const { 'x-request-id': _, ...edgeOnly } = everything;
    expect(pick(edgeOnly, null, 'Please include the request ID DBD8:FB98:31801A8:3F5A7F1:63D7D87B.')).toMatchObject({
      errorId: 'DBD8:FB98:31801A8:3F5A7F1:63D7D87B',
      errorIdSource: 'message text',
    });
  });

  it('then cf-ray, then the trace id', () => {
    expect(pick({ 'cf-ray': '4ee02a558935bdc3-AMS', traceparent: everything.traceparent })).toMatchObject({
      errorId: '4ee02a558935bdc3-AMS',
    });
    expect(pick({ traceparent: everything.traceparent })).toMatchObject({
      errorId: '4bf92f3577b34da6a3ce929d0e0e4736',
      errorIdSource: 'header traceparent',
    });
    expect(pick({ 'x-cloud-trace-context': 'ae6af598607da922ea75fbb21d9c3bd6/123;o=1' }).errorId).toBe(
      'ae6af598607da922ea75fbb21d9c3bd6',
    );
  });

  it('skips an empty x-ms-request-id for x-ms-correlation-request-id', () => {
    expect(pick({ 'x-ms-request-id': '', 'x-ms-correlation-request-id': '0c99ff0f-1111' }).errorId).toBe(
      '0c99ff0f-1111',
    );
  });

  it('quotes S3 ids together with x-amz-id-2', () => {
    const r = pick({ 'x-amz-request-id': '5WYFY5P28HFWHTHX', 'x-amz-id-2': 'zRby//pp1abc=' });
    expect(r.errorId).toBe('5WYFY5P28HFWHTHX');
    expect(r.errorIdSource).toContain('x-amz-id-2: zRby//pp1abc=');
  });

  it('lists every request-ID style header present, best first', () => {
    const r = pick({ ...everything, 'Request-Id': 'req_KBCi14Es8FtfVs', 'content-type': 'application/json' });
    expect(r.requestIdHeaders.map((h) => h.name)).toEqual(['request-id', 'x-request-id', 'cf-ray', 'traceparent']);
    expect(r.errorId).toBe('req_KBCi14Es8FtfVs');
  });

  it('returns null when nothing identifies the event', () => {
    expect(pick({ 'content-type': 'text/html' }, null, 'Not Found')).toEqual({
      errorId: null,
      errorIdSource: null,
      requestIdHeaders: [],
    });
  });
});

describe('idInMessage', () => {
  it.each([
    ['An error occurred. (Request ID: req_01T5fCVnYdf9X5ZW6KayReBK)', 'req_01T5fCVnYdf9X5ZW6KayReBK'],
    ['Access Denied. RequestId: 4442587FB7D0A2F9', '4442587FB7D0A2F9'],
    ['Request id: 8c2b6e1a-22f1-4a0b-9d0c-3c1c0e5d6f70.', '8c2b6e1a-22f1-4a0b-9d0c-3c1c0e5d6f70'],
    ['failed, request_id=abc123def', 'abc123def'],
    ['There was an error processing your request. It has been logged (ID b63877c9ae5313c5).', 'b63877c9ae5313c5'],
  ])('%s', (message, id) => {
    expect(idInMessage(message)).toBe(id);
  });

  it('does not take an ordinary word for an ID', () => {
    expect(idInMessage('The request ID header is missing')).toBeUndefined();
    expect(idInMessage('Unknown field (ID required)')).toBeUndefined();
    expect(idInMessage('Pick a user (id 123456)')).toBeUndefined();
  });
});
