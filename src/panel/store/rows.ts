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

/**
 * What a row works out on first use, apart from the row: most rows of a large list are never
 * searched by these, and a row without them is a smaller object for the opening to make and the
 * garbage collector to copy (issue 18).
 */
interface RowLazy {
  host: string | undefined;
  path: string | undefined;
  code: string | undefined;
  id: string | undefined;
  message: string | undefined;
  endpoint: string | undefined;
  codeGroup: string | undefined;
  spec: SpecFinding | null;
  /** The contract version spec was computed for; -1: never. */
  specVersion: number;
}

/** Methods upper-cased once each: a row keeps the shared string, not a copy of its own. */
const upperMethods = new Map<string, string>();
const UPPER_METHODS_KEPT = 64;
function upperMethod(method: string): string {
  let upper = upperMethods.get(method);
  if (upper === undefined) {
    upper = method.toUpperCase();
    if (upperMethods.size < UPPER_METHODS_KEPT) upperMethods.set(method, upper);
  }
  return upper;
}

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

  /** Kept on the row itself: free text tests it on every row. */
  private hayCache: string | undefined;
  private lazyParts: RowLazy | undefined;

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
      return;
    }
    const { exchange: x, classification: c } = record;
    this.nav = false;
    this.failure = c.failure;
    this.kind = c.kind;
    this.status = x.status;
    this.method = upperMethod(x.method);
    this.retryable = c.retryable;
    this.idempotent = c.idempotent;
    this.truncated = record.bodyState === 'truncated' || x.bodyTruncated === true;
    this.todo = whatToDo(c, x);
  }

  /** Epoch ms of the request or navigation (read from the record: a copy per row would be one more object). */
  get at(): number | undefined {
    const r = this.record;
    return r.kind === 'request' ? r.exchange.startedAt : r.at;
  }

  private get lazy(): RowLazy {
    return (this.lazyParts ??= {
      host: undefined,
      path: undefined,
      code: undefined,
      id: undefined,
      message: undefined,
      endpoint: undefined,
      codeGroup: undefined,
      spec: null,
      specVersion: -1,
    });
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
    const lazy = this.lazy;
    if (lazy.host === undefined) this.splitUrl(lazy);
    return lazy.host!;
  }

  get path(): string {
    const lazy = this.lazy;
    if (lazy.path === undefined) this.splitUrl(lazy);
    return lazy.path!;
  }

  get code(): string {
    const lazy = this.lazy;
    if (lazy.code === undefined)
      lazy.code = this.record.kind === 'request' ? (this.record.classification.errorCode ?? '').toLowerCase() : '';
    return lazy.code;
  }

  get id(): string {
    const lazy = this.lazy;
    if (lazy.id === undefined)
      lazy.id = this.record.kind === 'request' ? (this.record.classification.errorId ?? '').toLowerCase() : '';
    return lazy.id;
  }

  get message(): string {
    const lazy = this.lazy;
    if (lazy.message === undefined)
      lazy.message = this.record.kind === 'request' ? (this.record.classification.message ?? '').toLowerCase() : '';
    return lazy.message;
  }

  /** What the loaded OpenAPI specs say about this exchange; null when none covers it. */
  get spec(): SpecFinding | null {
    const version = contractStore.getState().version;
    const lazy = this.lazy;
    if (lazy.specVersion !== version) {
      lazy.specVersion = version;
      lazy.spec = this.record.kind === 'request' ? findingFor(this.record) : null;
      lazy.endpoint = undefined;
    }
    return lazy.spec;
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
    const lazy = this.lazy;
    if (lazy.endpoint === undefined) {
      lazy.endpoint =
        this.record.kind === 'request' ? endpointKey(this.record.exchange.method, this.record.exchange.url) : '';
    }
    return lazy.endpoint;
  }

  /** Group key by error code. */
  get codeGroup(): string {
    const lazy = this.lazy;
    if (lazy.codeGroup === undefined) {
      const r = this.record;
      lazy.codeGroup =
        r.kind === 'request' ? codeKey(r.classification.errorCode, r.exchange.status, r.exchange.error) : '';
    }
    return lazy.codeGroup;
  }

  private splitUrl(lazy: RowLazy): void {
    const { host, path } = hostPath(this.url);
    lazy.host = host;
    lazy.path = path.toLowerCase();
  }
}

export function makeRow(record: CaptureRecord): Row {
  return new Row(record);
}
