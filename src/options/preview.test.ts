import { describe, expect, it } from 'vitest';
import type { Rule, VendorProfile } from '../core/rules';
import { DEFAULT_SAMPLE, parseHeaderLines, previewOf, sampleExchange, type PreviewSample } from './preview';

const rule = (id: string, match: Rule['match'], set: Rule['set']): Rule => ({
  id,
  name: id,
  enabled: true,
  match,
  set,
});

describe('sample parsing', () => {
  it('reads name: value lines and reports the others by line number', () => {
    expect(
      parseHeaderLines('content-type: application/json\n\nnot a header\nx-request-id:  abc:def \n: empty name'),
    ).toEqual({
      headers: [
        { name: 'content-type', value: 'application/json' },
        { name: 'x-request-id', value: 'abc:def' },
      ],
      badLines: [3, 5],
    });
  });

  it('treats a status that is not a number as no response', () => {
    const { exchange } = sampleExchange({ ...DEFAULT_SAMPLE, status: 'abc' });
    expect(exchange.status).toBe(0);
    expect(exchange.error).toBeDefined();
    expect(sampleExchange({ ...DEFAULT_SAMPLE, method: ' patch ' }).exchange.method).toBe('PATCH');
  });
});

describe('previewOf', () => {
  const sample: PreviewSample = {
    method: 'GET',
    url: 'https://api.example.com:8443/v1/orders',
    status: '423',
    headers: 'content-type: application/json\nx-trace: T-1',
    body: '{"error":{"kind":"BUSY","ref":"R-9","detail":"busy"}}',
  };

  it('classifies with the rules: wait, action, fields read by path and the ID header', () => {
    const rules = [
      rule(
        'busy',
        { host: 'api.example.com:8443', status: '423' },
        { retryable: true, defaultWaitSeconds: 7, action: 'Rule: wait 7 s' },
      ),
      rule('paths', { host: 'api.example.com:8443' }, { errorCodePath: 'error.kind', messagePath: 'error.detail' }),
    ];
    const without = previewOf(sample, [], []);
    const result = previewOf(sample, rules, []);
    expect(without.classification.action).not.toBe('Rule: wait 7 s');
    expect(result.classification.retryAfterSeconds).toBe(7);
    expect(result.retry).toBe('retry in 7 s');
    expect(result.wait).toContain('7 s');
    expect(result.classification.action).toBe('Rule: wait 7 s');
    expect(result.classification.errorCode).toBe('BUSY');
    expect(result.classification.message).toBe('busy');
    expect(result.sources).toEqual([
      { field: 'retryable', by: 'busy' },
      { field: 'defaultWaitSeconds', by: 'busy' },
      { field: 'errorCodePath', by: 'paths' },
      { field: 'messagePath', by: 'paths' },
      { field: 'action', by: 'busy' },
    ]);
  });

  it('names the profile or the rule that set each field, the user rule winning', () => {
    const profile: VendorProfile = {
      ...rule('p', { host: 'api.example.com:8443' }, { requestIdHeader: 'x-trace', action: 'profile' }),
      vendor: 'V',
      docs: '',
    };
    const user = rule('mine', { host: '*' }, { action: 'mine' });
    const result = previewOf(sample, [user], [profile]);
    expect(result.sources).toEqual(
      expect.arrayContaining([
        { field: 'requestIdHeader', by: 'p' },
        { field: 'action', by: 'mine' },
      ]),
    );
    expect(result.classification.action).toBe('mine');
    expect(result.classification.errorId).toBe('T-1');
  });

  it('lets a host pattern without a port match a URL with one, and a pattern with another port miss it', () => {
    const any = previewOf(sample, [rule('no-port', { host: 'api.example.com' }, { action: 'x' })], []);
    expect(any.sources).toEqual([{ field: 'action', by: 'no-port' }]);
    const other = previewOf(sample, [rule('other-port', { host: 'api.example.com:1' }, { action: 'x' })], []);
    expect(other.sources).toEqual([]);
  });

  it('reports a URL rules cannot match, without failing', () => {
    const result = previewOf({ ...sample, url: '/relative' }, [rule('any', { host: '*' }, { action: 'x' })], []);
    expect(result.urlProblem).not.toBeNull();
    expect(result.sources).toEqual([]);
    expect(result.classification.failure).toBe(true);
  });
});
