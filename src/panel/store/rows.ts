// One row per record. What every filter needs (failure, kind, status…) is read once on arrival;
// the lower-cased strings that text tokens search are built on first use and kept, so a snapshot
// of 100,000 records allocates little and the first keystroke pays only for the rows it tests.
import { callSiteOf, formatFrame } from '../../core/callsite';
import type { FailureKind } from '../../core/types';
import type { CaptureRecord } from '../../protocol/messages';
import type { FilterSubject } from '../filter';
import { hostPath } from '../format';
import { codeKey, endpointKey } from '../grouping';
import type { SpecFinding } from '../../core/openapi/types';
import { contractStore, findingFor } from '../contract';
import { headerValue } from '../../core/headers';
import { whatToDo, type WhatToDo } from '../what-to-do';

export class Row implements FilterSubject {
  readonly seq: number;
  readonly record: CaptureRecord;
  /** A navigation marker, not a request. */
  readonly nav: boolean;
  readonly failure: boolean;
  readonly kind: FailureKind;
  readonly status: number;
  readonly method: string;
  readonly retryable: boolean;
  readonly idempotent: boolean;
  readonly truncated: boolean;
  readonly todo: WhatToDo | null;
  /** Epoch ms of the request or navigation. */
  readonly at: number | undefined;

  private hayCache: string | undefined;
  private hostCache: string | undefined;
  private pathCache: string | undefined;
  private codeCache: string | undefined;
  private idCache: string | undefined;
  private messageCache: string | undefined;
  private endpointCache: string | undefined;
  private codeGroupCache: string | undefined;
  private specCache: SpecFinding | null = null;
  /** The contract version specCache was computed for; -1: never. */
  private specVersion = -1;

  constructor(record: CaptureRecord) {
    this.seq = record.seq;
    this.record = record;
    if (record.kind === 'navigation') {
      this.nav = true;
      this.failure = false;
      this.kind = 'none';
      this.status = 0;
      this.method = '';
      this.retryable = false;
      this.idempotent = false;
      this.truncated = false;
      this.todo = null;
      this.at = record.at;
      return;
    }
    const { exchange: x, classification: c } = record;
    this.nav = false;
    this.failure = c.failure;
    this.kind = c.kind;
    this.status = x.status;
    this.method = x.method.toUpperCase();
    this.retryable = c.retryable;
    this.idempotent = c.idempotent;
    this.truncated = record.bodyState === 'truncated' || x.bodyTruncated === true;
    this.todo = whatToDo(c, x);
    this.at = x.startedAt;
  }

  /** Response bytes: Content-Length, else the captured body's length; -1 when unknown. */
  get size(): number {
    if (this.record.kind !== 'request') return -1;
    const x = this.record.exchange;
    const length = Number(headerValue(x.responseHeaders, 'content-length'));
    if (Number.isFinite(length) && length >= 0 && headerValue(x.responseHeaders, 'content-length') !== undefined)
      return length;
    return typeof x.body === 'string' ? x.body.length : -1;
  }

  /** Response MIME type, lower case, without parameters. */
  get mime(): string {
    if (this.record.kind !== 'request') return '';
    const x = this.record.exchange;
    const type = x.mimeType ?? headerValue(x.responseHeaders, 'content-type') ?? '';
    return type.split(';')[0].trim().toLowerCase();
  }

  private get url(): string {
    return this.record.kind === 'request' ? this.record.exchange.url : this.record.url;
  }

  /** URL, code, ID, message and network error, lower case: what free text searches. */
  get hay(): string {
    if (this.hayCache === undefined) {
      const r = this.record;
      if (r.kind === 'request') {
        const c = r.classification;
        this.hayCache =
          `${r.exchange.url}\n${c.errorCode ?? ''}\n${c.errorId ?? ''}\n${c.message ?? ''}\n${r.exchange.error ?? ''}`.toLowerCase();
      } else {
        this.hayCache = r.url.toLowerCase();
      }
    }
    return this.hayCache;
  }

  get host(): string {
    if (this.hostCache === undefined) this.splitUrl();
    return this.hostCache!;
  }

  get path(): string {
    if (this.pathCache === undefined) this.splitUrl();
    return this.pathCache!;
  }

  get code(): string {
    if (this.codeCache === undefined)
      this.codeCache = this.record.kind === 'request' ? (this.record.classification.errorCode ?? '').toLowerCase() : '';
    return this.codeCache;
  }

  get id(): string {
    if (this.idCache === undefined)
      this.idCache = this.record.kind === 'request' ? (this.record.classification.errorId ?? '').toLowerCase() : '';
    return this.idCache;
  }

  get message(): string {
    if (this.messageCache === undefined)
      this.messageCache =
        this.record.kind === 'request' ? (this.record.classification.message ?? '').toLowerCase() : '';
    return this.messageCache;
  }

  /** What the loaded OpenAPI specs say about this exchange; null when none covers it. */
  get spec(): SpecFinding | null {
    const version = contractStore.getState().version;
    if (this.specVersion !== version) {
      this.specVersion = version;
      this.specCache = this.record.kind === 'request' ? findingFor(this.record) : null;
      this.endpointCache = undefined;
    }
    return this.specCache;
  }

  /** The contract problems, space-separated (`undocumented mismatch`); '' when none. */
  get specProblems(): string {
    const f = this.spec;
    return f ? f.problems.map((p) => p.kind).join(' ') : '';
  }

  /** The documented operation, lower case (`get /orders/{id} getorder`); '' when none. */
  get operation(): string {
    const op = this.spec?.operation;
    return op ? `${op.key} ${op.operationId ?? ''}`.toLowerCase() : '';
  }

  /** Group key by call site: the app's function and file:line that made the request. */
  get callSiteGroup(): string {
    const r = this.record;
    if (r.kind !== 'request') return '';
    const site = callSiteOf(r.exchange.callStack);
    return site ? formatFrame(site) : '(no call site)';
  }

  /** Group key by endpoint: `POST /v2/Articles/:id`, or the documented operation when a spec has it. */
  get endpoint(): string {
    const op = this.spec?.operation;
    if (op) return op.operationId ? `${op.key} (${op.operationId})` : op.key;
    if (this.endpointCache === undefined) {
      this.endpointCache =
        this.record.kind === 'request' ? endpointKey(this.record.exchange.method, this.record.exchange.url) : '';
    }
    return this.endpointCache;
  }

  /** Group key by error code. */
  get codeGroup(): string {
    if (this.codeGroupCache === undefined) {
      const r = this.record;
      this.codeGroupCache =
        r.kind === 'request' ? codeKey(r.classification.errorCode, r.exchange.status, r.exchange.error) : '';
    }
    return this.codeGroupCache;
  }

  private splitUrl(): void {
    const { host, path } = hostPath(this.url);
    this.hostCache = host;
    this.pathCache = path.toLowerCase();
  }
}

export function makeRow(record: CaptureRecord): Row {
  return new Row(record);
}
