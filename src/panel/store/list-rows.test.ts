// The list row of a record (protocol/list-record.ts) must answer everything the list asks exactly
// as the full record does: every column, filter, grouping key and audit finding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../core/classify';
import { parseHar } from '../../core/har';
import { seedExchange, type SeedCase } from '../../core/testing/seed-cases';
import type { Exchange } from '../../core/types';
import { toListRecord } from '../../protocol/list-record';
import type { RequestRecord } from '../../protocol/messages';
import { COLUMN_DEFS } from '../components/columns';
import { CHIPS, compileFilter, parseFilter } from '../filter';
import { AuditIndex } from './audit-index';
import { Row } from './rows';

const SHARED = path.resolve(__dirname, '../../../../shared/fixtures');
const T0 = Date.parse('2026-11-23T18:00:00Z');

function exchanges(): Exchange[] {
  const cases = JSON.parse(readFileSync(path.join(SHARED, 'seed-cases.json'), 'utf8')) as SeedCase[];
  const out = cases.map(seedExchange);
  const hars = path.join(SHARED, 'real-hars');
  // Real traffic: pages, scripts and images with large bodies, 304s, a timed-out request.
  for (const file of [
    'harviewer-www-cnn-com.har',
    'pagexray-responseCodes-304.har',
    'mitmproxy-import_har-timed_out.har',
  ])
    for (const x of parseHar(readFileSync(path.join(hars, file), 'utf8')).exchanges) if (x) out.push(x);
  // Edge cases of the cut: a large body without Content-Length, POSTs with and without an Idempotency-Key.
  const html = { name: 'Content-Type', value: 'text/html' };
  out.push({
    method: 'GET',
    url: 'https://app.example.com/500',
    status: 500,
    responseHeaders: [html],
    body: '<p>'.repeat(5000),
  });
  for (const key of [true, false])
    out.push({
      method: 'POST',
      url: `https://api.example.com/payments?key=${key}`,
      status: 503,
      requestHeaders: key
        ? [{ name: 'Idempotency-Key', value: 'k-1' }]
        : [{ name: 'Authorization', value: 'Bearer t' }],
      requestBody: '{"amount":1}',
    });
  return out;
}

function records(): RequestRecord[] {
  return exchanges().map((x, i) => {
    const exchange: Exchange = {
      ...x,
      startedAt: T0 + i * 100,
      // Every third one with a call stack from a library and the app, as DevTools gives it.
      callStack:
        i % 3 === 0
          ? [
              {
                functionName: 'fetch',
                url: 'https://cdn.example.com/node_modules/axios/axios.js',
                lineNumber: 3,
                columnNumber: 1,
              },
              { functionName: 'load', url: 'https://app.example.com/app.js', lineNumber: 41, columnNumber: 7 },
            ]
          : undefined,
    };
    return {
      kind: 'request',
      id: `wr:${i}`,
      tabId: 7,
      seq: i + 1,
      exchange,
      classification: classify(exchange, { now: T0 }),
      bodyState: x.body === undefined ? 'not-captured' : 'captured',
      sources: ['webRequest', 'devtools'],
    };
  });
}

const ROW_FIELDS = [
  'failure',
  'kind',
  'status',
  'method',
  'retryable',
  'idempotent',
  'truncated',
  'todo',
  'at',
  'size',
  'mime',
  'hay',
  'host',
  'path',
  'code',
  'id',
  'message',
  'endpoint',
  'codeGroup',
  'callSiteGroup',
  'specProblems',
  'operation',
] as const;

const QUERIES = [
  '',
  'status:429',
  'github',
  'code:rate',
  'method:post',
  'larger-than:100',
  'host:api',
  '-status:5xx',
  'is:retryable',
];

describe('list rows', () => {
  const full = records();
  const slim = full.map((r) => toListRecord(r) as RequestRecord);

  it('covers failures with bodies, headers and stacks', () => {
    expect(full.length).toBeGreaterThan(20);
    expect(full.filter((r) => r.classification.failure).length).toBeGreaterThan(10);
    const bytes = (rs: RequestRecord[]) => rs.reduce((n, r) => n + JSON.stringify(r).length, 0);
    expect(bytes(slim)).toBeLessThan(bytes(full) / 2);
    // Some bodies are too large for a row: their size still shows.
    expect(slim.some((r, i) => r.exchange.body === undefined && full[i].exchange.body !== undefined)).toBe(true);
  });

  it('give every row field, column cell and sort key the full record gives', () => {
    for (let i = 0; i < full.length; i++) {
      const a = new Row(full[i]);
      const b = new Row(slim[i]);
      for (const f of ROW_FIELDS) expect([full[i].id, f, b[f]]).toEqual([full[i].id, f, a[f]]);
      for (const c of COLUMN_DEFS) {
        expect(JSON.stringify(c.cell(b, slim[i]))).toBe(JSON.stringify(c.cell(a, full[i])));
        expect(c.sortValue?.(b)).toEqual(c.sortValue?.(a));
      }
    }
  });

  it('match every filter and chip as the full record does', () => {
    const specs = [
      ...QUERIES.map((q) => ({ query: parseFilter(q), chips: new Set<never>(), showAll: true })),
      ...CHIPS.map((c) => ({ query: parseFilter(''), chips: new Set([c.id]), showAll: false })),
    ];
    for (const spec of specs) {
      const test = compileFilter(spec);
      expect(slim.map((r) => test(new Row(r)))).toEqual(full.map((r) => test(new Row(r))));
    }
  });

  it('give the same audit findings', () => {
    // Retries of the same calls: each record sent again 1 s later, unchanged.
    const again = (rs: RequestRecord[]) =>
      rs.map((r, i) => ({
        ...r,
        id: `${r.id}b`,
        seq: 1000 + i,
        exchange: { ...r.exchange, startedAt: r.exchange.startedAt! + 1000 },
      }));
    const fullIndex = new AuditIndex();
    fullIndex.reset([...full, ...again(full)]);
    fullIndex.refresh();
    const slimIndex = new AuditIndex();
    slimIndex.reset([...slim, ...again(slim)]);
    slimIndex.refresh();
    expect(fullIndex.findingCount()).toBeGreaterThan(0);
    expect(slimIndex.findingCount()).toBe(fullIndex.findingCount());
    expect(slimIndex.sequenceCount()).toBe(fullIndex.sequenceCount());
    for (const r of full) expect(slimIndex.rulesFor(r.id)).toEqual(fullIndex.rulesFor(r.id));
  });
});
