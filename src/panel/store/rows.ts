// One row per record. What every filter needs (failure, kind, status…) is read once on arrival;
// the lower-cased strings that text tokens search are built on first use and kept, so a snapshot
// of 100,000 records allocates little and the first keystroke pays only for the rows it tests.
// A row of the live list may hold its record still packed (issue 18): its fields are read from the
// pack (`PackReader.scalars`, `scalar`) and the record object is made only when something needs all of
// it (the row is shown, its detail opens, an export or the retry audit reads it). Records made at the
// opening would all survive (the list keeps them), and the garbage collector would copy every one.
import { callSiteOf, formatFrame } from '../../core/callsite';
import type { Classification, FailureKind } from '../../core/types';
import type { CaptureRecord, RequestRecord } from '../../protocol/messages';
import type { FilterSubject } from '../filter';
import { hostPath } from '../format';
import { codeKey, endpointKey } from '../grouping';
import type { SpecFinding } from '../../core/openapi/types';
import { contractStore, findingFor } from '../contract';
import { headerValue } from '../../core/headers';
import { whatToDo, type WhatToDo } from '../what-to-do';
import { FieldPlan, type PackReader, type PackScalar } from '../../protocol/packed-records';

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

/** What a row reads of its record on arrival (by index in ARRIVAL's paths). */
const ARRIVAL = new FieldPlan([
  ['seq'],
  ['id'],
  ['kind'],
  ['bodyState'],
  ['exchange', 'status'],
  ['exchange', 'method'],
  ['exchange', 'error'],
  ['exchange', 'bodyTruncated'],
  ['classification', 'failure'],
  ['classification', 'kind'],
  ['classification', 'retryable'],
  ['classification', 'idempotent'],
  ['classification', 'verdict'],
] as const);
/** Filled per row made (one at a time): what ARRIVAL reads. */
const arrival: PackScalar[] = new Array<PackScalar>(ARRIVAL.paths.length);

export class Row implements FilterSubject {
  readonly seq: number;
  /** The record's id (the list's index key). */
  readonly recordId: string;
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

  /** The record once made (from the start for a row made from one), else the pack that holds it. */
  private source: CaptureRecord | PackReader;
  /** The record's place in the pack; -1 once the record is made. */
  private index: number;
  /** Kept on the row itself: free text tests it on every row. */
  private hayCache: string | undefined;
  private lazyParts: RowLazy | undefined;

  /** A row of `source`, a record, or of record `index` of a pack. */
  constructor(source: CaptureRecord | PackReader, index = -1) {
    this.source = source;
    this.index = index;
    const [
      seq,
      id,
      kind,
      bodyState,
      status,
      method,
      error,
      bodyTruncated,
      failure,
      failureKind,
      retryable,
      idempotent,
      verdict,
    ] = this.arrival();
    this.seq = seq as number;
    this.recordId = id as string;
    if (kind === 'navigation') {
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
    this.nav = false;
    this.failure = failure as boolean;
    this.kind = failureKind as FailureKind;
    this.status = status as number;
    this.method = upperMethod(method as string);
    this.retryable = retryable as boolean;
    this.idempotent = idempotent as boolean;
    this.truncated = bodyState === 'truncated' || bodyTruncated === true;
    this.todo = whatToDo(
      {
        kind: this.kind,
        failure: this.failure,
        verdict: verdict as Classification['verdict'],
        retryable: this.retryable,
      },
      { status: this.status, error: error as string | undefined },
    );
  }

  /** What ARRIVAL names: read in one walk from a pack, or from the record's properties (in ARRIVAL's order). */
  private arrival(): PackScalar[] {
    if (this.index >= 0) {
      (this.source as PackReader).scalars(this.index, ARRIVAL, arrival);
      return arrival;
    }
    const r = this.source as CaptureRecord;
    const request = r.kind === 'request';
    const x = request ? r.exchange : undefined;
    const c = request ? r.classification : undefined;
    arrival[0] = r.seq;
    arrival[1] = r.id;
    arrival[2] = r.kind;
    arrival[3] = request ? r.bodyState : undefined;
    arrival[4] = x?.status;
    arrival[5] = x?.method;
    arrival[6] = x?.error;
    arrival[7] = x?.bodyTruncated;
    arrival[8] = c?.failure;
    arrival[9] = c?.kind;
    arrival[10] = c?.retryable;
    arrival[11] = c?.idempotent;
    arrival[12] = c?.verdict;
    return arrival;
  }

  /** The whole record: made from the pack on first use, then kept (the row lets go of the pack). */
  get record(): CaptureRecord {
    if (this.index >= 0) {
      this.source = (this.source as PackReader).record(this.index) as CaptureRecord;
      this.index = -1;
    }
    return this.source as CaptureRecord;
  }

  /** A scalar of the record (`key`, or `key`.`inner`), read from the pack while the record is not made. */
  private read(key: string, inner?: string): PackScalar {
    if (this.index >= 0) return (this.source as PackReader).scalar(this.index, key, inner);
    const value = (this.source as unknown as Record<string, unknown>)[key];
    return (inner === undefined ? value : (value as Record<string, unknown> | undefined)?.[inner]) as PackScalar;
  }

  /** Epoch ms of the request or navigation. */
  get at(): number | undefined {
    return (this.nav ? this.read('at') : this.read('exchange', 'startedAt')) as number | undefined;
  }

  /**
   * The classification, without making the record: a pack's shared one is the shared frozen object, any
   * other is made for the caller (kept only by the record, once made). Null for a navigation marker.
   */
  get classification(): Classification | null {
    if (this.nav) return null;
    if (this.index < 0) return (this.source as RequestRecord).classification;
    return (this.source as PackReader).part(this.index, 'classification') as Classification;
  }

  /** The Message cell's whole text: a network failure has no message, so its error name is the message. */
  get messageText(): string {
    if (this.nav) return '';
    return (this.read('classification', 'message') ?? this.read('exchange', 'error') ?? '') as string;
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

  /** The request's URL, or the page's for a navigation marker. */
  get url(): string {
    return (this.nav ? this.read('url') : this.read('exchange', 'url')) as string;
  }

  /** URL, code, ID, message and network error, lower case: what free text searches. */
  get hay(): string {
    if (this.hayCache === undefined) {
      if (this.nav) this.hayCache = this.url.toLowerCase();
      else {
        const text = (inner: string): string => (this.read('classification', inner) ?? '') as string;
        this.hayCache =
          `${this.url}\n${text('errorCode')}\n${text('errorId')}\n${text('message')}\n${this.read('exchange', 'error') ?? ''}`.toLowerCase();
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
    if (lazy.code === undefined) lazy.code = ((this.read('classification', 'errorCode') ?? '') as string).toLowerCase();
    return lazy.code;
  }

  get id(): string {
    const lazy = this.lazy;
    if (lazy.id === undefined) lazy.id = ((this.read('classification', 'errorId') ?? '') as string).toLowerCase();
    return lazy.id;
  }

  get message(): string {
    const lazy = this.lazy;
    if (lazy.message === undefined)
      lazy.message = ((this.read('classification', 'message') ?? '') as string).toLowerCase();
    return lazy.message;
  }

  /** What the loaded OpenAPI specs say about this exchange; null when none covers it. */
  get spec(): SpecFinding | null {
    const version = contractStore.getState().version;
    const lazy = this.lazy;
    if (lazy.specVersion !== version) {
      lazy.specVersion = version;
      // No spec loaded: nothing to find, and a record still packed is not made for it.
      const none = this.nav || contractStore.getState().specs.length === 0;
      lazy.spec = none ? null : findingFor(this.record as RequestRecord);
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
      lazy.endpoint = this.nav ? '' : endpointKey(this.read('exchange', 'method') as string, this.url);
    }
    return lazy.endpoint;
  }

  /** Group key by error code. */
  get codeGroup(): string {
    const lazy = this.lazy;
    if (lazy.codeGroup === undefined) {
      lazy.codeGroup = this.nav
        ? ''
        : codeKey(
            (this.read('classification', 'errorCode') ?? null) as string | null,
            this.status,
            this.read('exchange', 'error') as string | undefined,
          );
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

/** The rows of a pack's records, each reading its record from the pack until it is made. */
export function packedRows(pack: PackReader): Row[] {
  const rows = new Array<Row>(pack.count);
  for (let i = 0; i < pack.count; i++) rows[i] = new Row(pack, i);
  return rows;
}
