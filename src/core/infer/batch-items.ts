// A 2xx body that carries several operations and says one of them failed: per-item result lists,
// failed-item lists, failed-item counts, sub-responses with their own HTTP status, and GraphQL
// mutation payloads with user errors. Shapes, not vendors: each rule names the APIs whose docs show it
// (corpus/tools/reach-s-sources.md lists the pages). Any failed item makes the exchange a failure, as
// Elasticsearch's `errors: true` does; the first failed item speaks for it.
//
// Bounded: only top-level keys, the lists directly under them (first MAX_ITEMS items) and one level
// of GraphQL payloads are looked at; no walk, no regex over the body.
import { normalizeKey } from './dictionaries';

const hasOwn = Object.prototype.hasOwnProperty;
const MAX_TOP_KEYS = 12;
const MAX_ITEMS = 50;
/** A per-operation result is small; a record with more fields is data whose `error` field describes it. */
const MAX_ITEM_KEYS = 8;

export interface FailedItem {
  /** Where the failed item (or its error) sits, as rules write paths: `responses[0].body`. */
  path: string;
  /** The failed item's error object (or text) for the inference to read code and message from. */
  error: unknown;
  /** The HTTP status a failed sub-response carries (Microsoft Graph `$batch`, Salesforce composite). */
  status?: number;
  /**
   * The item says in so many words that it failed (a false success flag, a failure word, an error status or a
   * non-zero code beside an error text), as opposed to a shape that only looks like an error (a bare error slot, a
   * code beside a message). Only such an item outweighs an envelope that says the call succeeded.
   */
  explicit?: boolean;
}

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A value that holds no error: null, false, '', 0, '0', [], {} or an object of only those. */
function empty(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0 || v === '0') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isRec(v)) {
    let n = 0;
    for (const key in v) {
      if (!hasOwn.call(v, key)) continue;
      if (++n > 8 || !empty(v[key])) return false;
    }
    return true;
  }
  return false;
}

function smallRecord(item: unknown, max = MAX_ITEM_KEYS): item is Rec {
  if (!isRec(item)) return false;
  let n = 0;
  for (const key in item) if (hasOwn.call(item, key) && ++n > max) return false;
  return true;
}

/** A sub-response's body as an error document: parsed when it is JSON text, its first element when a list. */
function bodyError(v: unknown): unknown {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.length >= 2 && t.length <= 8000 && (t[0] === '{' || t[0] === '[')) {
      try {
        return bodyError(JSON.parse(t));
      } catch {
        return v;
      }
    }
    return v;
  }
  if (Array.isArray(v)) return v.length > 0 ? v[0] : undefined;
  return v;
}

/** Keys of a sub-response's own HTTP status (Graph `status`, Salesforce `httpStatusCode`, Facebook batch `code`). */
const SUB_STATUS_KEYS: ReadonlySet<string> = new Set(['status', 'httpstatuscode', 'statuscode', 'httpstatus', 'code']);
/** Keys of a sub-response's payload beside its status. */
const SUB_BODY_KEYS: ReadonlySet<string> = new Set(['body', 'result', 'error', 'errors', 'response']);
/** Flags whose `false` says one item failed (Salesforce sObject collections `success`, Azure AI Search `status`, Clickatell `accepted`). */
const ITEM_SUCCESS_FLAGS: ReadonlySet<string> = new Set([
  'success',
  'ok',
  'issuccess',
  'succeeded',
  'successful',
  'status',
  'accepted',
  // REG.RU answer items and Xiaomi cloud `ret` objects: `result: false`.
  'result',
]);
/** Flags whose `true` says one item failed (Xero `HasErrors`, Salesforce composite batch `hasErrors`). */
const ITEM_FAILURE_FLAGS: ReadonlySet<string> = new Set(['haserrors', 'haserror', 'iserror', 'failed']);
/** Keys of an item's own error slot (CouchDB `error`, QuickBooks `Fault`, Docker `errorDetail`, AWS `ErrorCode`). */
const ITEM_ERROR_KEYS: ReadonlySet<string> = new Set(['error', 'errors', 'fault', 'errordetail', 'validationerrors']);
/** Keys of an item's result code, where 0 is success (Postmark `ErrorCode`, Confluent REST `error_code`). */
const ITEM_CODE_KEYS: ReadonlySet<string> = new Set(['errorcode', 'errcode', 'errorno', 'errno']);
/** Keys of an item's error text (Vonage `error-text`, Azure AI Search `errorMessage`, AWS `ErrorMessage`). */
const ITEM_ERROR_TEXT_KEYS: ReadonlySet<string> = new Set([
  'errortext',
  'errormessage',
  'errormsg',
  'errmsg',
  'errordescription',
  'error',
]);
const ITEM_MESSAGE_KEYS: ReadonlySet<string> = new Set(['message', 'msg', 'description', 'detail', 'reason']);
/**
 * The only keys an operation's result holds beside a bare error slot (CouchDB `{id, error, reason}`,
 * InfluxDB `{statement_id, error}`, FCM `{error}`, QuickBooks `{Fault, bId}`). An item with any other
 * key (`state`, `name`, `createdAt`) is a record whose `error` field is data.
 */
const OPERATION_KEYS: ReadonlySet<string> = new Set([
  'id',
  'key',
  'ref',
  'referenceid',
  'index',
  'statementid',
  'bid',
  'rev',
  'error',
  'errors',
  'fault',
  'errordetail',
  'reason',
  'message',
  'msg',
  'errormessage',
  'errormsg',
  'errortext',
  'code',
  'errorcode',
  'detail',
  'description',
  'type',
  'field',
  'fields',
  'partition',
  'offset',
  'location',
]);
/** Status words of one failed item (Expo push tickets `status: "error"`). */
const ITEM_FAILURE_WORDS = /^(?:error|failed|failure|fail|rejected|invalid)$/i;
/** Keys whose status word is an item's own verdict: Expo `status: "error"`, REG.RU per-domain `result: "error"`. */
const ITEM_VERDICT_KEYS: ReadonlySet<string> = new Set(['status', 'result']);
/**
 * Keys of an item's own result object, where a record (an event, a domain) carries the outcome of the operation
 * done on it (Xiaomi cloud `{did, key, ret: {code: -4, message, result: false}}`).
 */
const NESTED_RESULT_KEYS: ReadonlySet<string> = new Set(['ret', 'result', 'response', 'outcome']);

function numeric(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d{1,9}$/.test(v.trim())) return Number(v);
  return undefined;
}

/** The first non-empty error text or object among an item's error keys, as the error to read. */
function itemErrorSlot(item: Rec): { key: string; value: unknown } | undefined {
  for (const key in item) {
    if (!hasOwn.call(item, key) || !ITEM_ERROR_KEYS.has(normalizeKey(key))) continue;
    const v = item[key];
    if (empty(v)) continue;
    return { key, value: Array.isArray(v) ? v[0] : v };
  }
  return undefined;
}

/** A small record that says in so many words that it failed: a false success flag, a true failure flag or a failure word. */
function saysFailed(rec: Rec): boolean {
  for (const key in rec) {
    if (!hasOwn.call(rec, key)) continue;
    const norm = normalizeKey(key);
    const v = rec[key];
    if (ITEM_SUCCESS_FLAGS.has(norm) && v === false) return true;
    if (ITEM_FAILURE_FLAGS.has(norm) && v === true) return true;
    if (ITEM_VERDICT_KEYS.has(norm) && typeof v === 'string' && ITEM_FAILURE_WORDS.test(v.trim())) return true;
  }
  return false;
}

/** The failed result object an item holds under a result key (one level only), when it says it failed. */
function nestedResultFailure(item: Rec, path: string): FailedItem | undefined {
  for (const key in item) {
    if (!hasOwn.call(item, key) || !NESTED_RESULT_KEYS.has(normalizeKey(key))) continue;
    const inner = item[key];
    if (!smallRecord(inner) || !saysFailed(inner)) continue;
    const found = failedItemOf(inner, `${path}.${key}`, false, true);
    if (found) return { ...found, explicit: true };
  }
  return undefined;
}

/**
 * One item of a per-operation result list, judged alone: the error to read when it failed, else
 * undefined. `path` is the item's own path.
 */
export function failedItemOf(item: unknown, path: string, counted = false, inner = false): FailedItem | undefined {
  if (!smallRecord(item)) return undefined;
  let operationKeys = true;
  let namedCode = false;
  let subStatus: number | undefined;
  let subBody: string | undefined;
  let falseFlag = false;
  let trueFailureFlag = false;
  let code: number | undefined;
  let errorText = false;
  let message = false;
  let failureWord = false;
  let hasId = false;
  let bare: number | undefined;
  for (const key in item) {
    if (!hasOwn.call(item, key)) continue;
    const norm = normalizeKey(key);
    const v = item[key];
    if (SUB_STATUS_KEYS.has(norm)) {
      const n = numeric(v);
      if (n !== undefined && n >= 100 && n <= 599) subStatus = n;
    }
    if (SUB_BODY_KEYS.has(norm) && v !== undefined) subBody ??= key;
    if (ITEM_SUCCESS_FLAGS.has(norm) && v === false) falseFlag = true;
    if (ITEM_FAILURE_FLAGS.has(norm) && v === true) trueFailureFlag = true;
    if (ITEM_CODE_KEYS.has(norm) || (norm === 'status' && typeof v === 'string')) {
      const n = numeric(v);
      if (n !== undefined && n !== 0) code = n;
    }
    if (ITEM_ERROR_TEXT_KEYS.has(norm) && typeof v === 'string' && v.trim()) errorText = true;
    if (ITEM_MESSAGE_KEYS.has(norm) && typeof v === 'string' && v.trim()) message = true;
    if (ITEM_VERDICT_KEYS.has(norm) && typeof v === 'string' && ITEM_FAILURE_WORDS.test(v.trim())) failureWord = true;
    if (norm === 'id') hasId = true;
    if (norm === 'code') bare = numeric(v);
    if (!OPERATION_KEYS.has(norm)) operationKeys = false;
    if (ITEM_CODE_KEYS.has(norm) && typeof v === 'string' && v.trim() && numeric(v) === undefined) namedCode = true;
  }
  // A sub-response with its own error status: its body is the error document (Graph `$batch`, Salesforce composite, Facebook batch).
  if (subStatus !== undefined && subStatus >= 400 && subBody !== undefined)
    return { path: `${path}.${subBody}`, error: bodyError(item[subBody]), status: subStatus, explicit: true };
  // A sub-response that succeeded says nothing more.
  if (subStatus !== undefined && subStatus < 400 && subBody !== undefined) return undefined;
  const slot = itemErrorSlot(item);
  if (falseFlag || trueFailureFlag) {
    if (slot) return { path: `${path}.${slot.key}`, error: slot.value, explicit: true };
    if (errorText || message) return { path, error: item, explicit: true };
    return undefined;
  }
  // A non-zero result code beside an error text (Postmark `ErrorCode: 406`, Vonage `status: "2"` + `error-text`).
  if (code !== undefined && (errorText || (message && !hasOwn.call(item, 'status'))))
    return { path, error: item, explicit: errorText };
  // Adobe Commerce Marketplace batches: `[{code: 1208, message}, {code: 200, message: "Success", …}]`.
  if (bare !== undefined && bare !== 0 && !(bare >= 200 && bare < 300) && (message || errorText) && operationKeys)
    return { path, error: item, explicit: bare >= 400 && bare <= 599 };
  // Expo push tickets: `{status: "error", message, details}` beside `{status: "ok", id}`; REG.RU's per-domain
  // `{dname, result: "error", error_code, error_text}`.
  if (failureWord && (message || errorText) && !hasId) return { path, error: item, explicit: true };
  // A record with its operation's own result object that says it failed (Xiaomi cloud `ret: {code: -4, result: false}`).
  const nested = inner ? undefined : nestedResultFailure(item, path);
  if (nested) return nested;
  // An error slot holding text or an error object (CouchDB `{id, error, reason}`, InfluxDB `{statement_id, error}`).
  if (slot && code === undefined && operationKeys) {
    return typeof slot.value === 'string' ? { path, error: item } : { path: `${path}.${slot.key}`, error: slot.value };
  }
  // Under a count of failed items, an item with an error name or text is one of them (Kinesis `{ErrorCode, ErrorMessage}`).
  if (counted && (namedCode || errorText || slot))
    return slot && typeof slot.value !== 'string'
      ? { path: `${path}.${slot.key}`, error: slot.value }
      : { path, error: item };
  return undefined;
}

/** The first failed item of a list, or undefined. */
function firstFailed(list: unknown[], path: string, counted = false): FailedItem | undefined {
  for (let i = 0; i < list.length && i < MAX_ITEMS; i++) {
    // Lists hold one kind of thing: a list of large records is data, not per-operation results.
    if (!smallRecord(list[i])) return undefined;
    const found = failedItemOf(list[i], `${path}[${i}]`, counted);
    if (found) return found;
  }
  return undefined;
}

/**
 * Keys of a list of the failed items alone: Elasticsearch `_update_by_query`/`_reindex` `failures`,
 * BigQuery `insertAll` `insertErrors`, VK `execute` `execute_errors`, Firehose/Kinesis
 * `failedRecords`, `failedItems`.
 */
const FAILED_LIST_KEYS: ReadonlySet<string> = new Set([
  'failures',
  'inserterrors',
  'executeerrors',
  'failedrecords',
  'faileditems',
  'failedentries',
  'failedrequests',
  'failedoperations',
]);
/** AWS batch answers (SQS/SNS `Failed`) name the failed list `failed` beside the `Successful` one. */
const SUCCESS_LIST_KEYS: ReadonlySet<string> = new Set(['successful', 'succeeded', 'successes', 'success']);
/**
 * Counts of failed items (Kinesis `FailedRecordCount`, EventBridge `FailedEntryCount`, Firehose
 * `FailedPutCount`, HubSpot `numErrors`, Mailchimp `error_count`, FCM legacy `failure`).
 */
const FAILED_COUNT =
  /^(?:failed(?:record|entry|entries|put|item|request|message|operation)?s?count|(?:failure|error)s?count|numerrors|numfailed|failurecount)$/;
/** Objects that report a partial failure of a batch (Google Ads `partialFailureError`). */
const PARTIAL_FAILURE_KEYS: ReadonlySet<string> = new Set(['partialfailureerror', 'partialfailure']);

/** The error a failed-list entry holds: Elasticsearch's `cause`, BigQuery's `errors[0]`, else the entry. */
function entryError(entry: unknown): unknown {
  if (!isRec(entry)) return entry;
  if (isRec(entry.cause)) return entry.cause;
  if (Array.isArray(entry.errors) && entry.errors.length > 0) return entry.errors[0];
  return entry;
}

/**
 * GraphQL mutation payloads that report their own failure under `data`: Shopify `userErrors` and
 * `customerUserErrors`, Magento `user_errors`, Saleor `errors` (with `field`/`code`), and Vendure's
 * ErrorResult union members (`{errorCode, message}`). Empty lists are successes.
 */
const PAYLOAD_ERROR_KEYS: ReadonlySet<string> = new Set(['usererrors', 'customerusererrors', 'errors']);

function payloadFailure(data: Rec): FailedItem | undefined {
  let n = 0;
  for (const op in data) {
    if (!hasOwn.call(data, op)) continue;
    if (++n > 8) break;
    const payload = data[op];
    if (!smallRecord(payload, 16)) continue;
    for (const key in payload) {
      if (!hasOwn.call(payload, key)) continue;
      const norm = normalizeKey(key);
      const v = payload[key];
      if (!PAYLOAD_ERROR_KEYS.has(norm) || !Array.isArray(v) || v.length === 0) continue;
      const first: unknown = v[0];
      if (!isRec(first) || typeof first.message !== 'string') continue;
      // A bare `errors` list reads as a mutation's own errors only in GraphQL's shape (`field` or `code` beside the message).
      if (norm === 'errors' && !('field' in first || 'code' in first || 'path' in first)) continue;
      return { path: `data.${op}.${key}[0]`, error: first };
    }
    if (typeof payload.errorCode === 'string' && typeof payload.message === 'string' && payload.errorCode.trim())
      return { path: `data.${op}`, error: payload };
  }
  return undefined;
}

/** How many lists below the top level (inside one or two records) are looked at. */
const MAX_NESTED_LISTS = 8;

/**
 * Lists one or two records below the top (REG.RU `answer.domains[]`, Rightsline `batchResults.records["1"][]`):
 * per-operation results a command's answer wraps in its own object. Bounded by key counts at each level.
 */
function nestedListFailure(root: Rec, explicitOnly: boolean): FailedItem | undefined {
  let seen = 0;
  const visit = (rec: Rec, path: string, depth: number): FailedItem | undefined => {
    let n = 0;
    for (const key in rec) {
      if (!hasOwn.call(rec, key)) continue;
      if (++n > MAX_TOP_KEYS) return undefined;
      const v = rec[key];
      const at = path ? `${path}.${key}` : key;
      if (Array.isArray(v)) {
        if (depth === 0 || v.length === 0) continue; // the top's own lists were judged already
        if (++seen > MAX_NESTED_LISTS) return undefined;
        const found = firstFailed(v, at);
        if (found && (!explicitOnly || found.explicit)) return found;
      } else if (depth < 2 && smallRecord(v, MAX_TOP_KEYS)) {
        const found = visit(v, at, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(root, '', 0);
}

/**
 * The first failed operation a 2xx body reports, or undefined when it reports none (or is not a
 * multi-operation answer at all). `explicitOnly`: the envelope itself says the call succeeded, so only an item that
 * says in so many words it failed counts (a `{code: 0}` envelope whose item holds `ret: {result: false}`).
 */
export function batchItemFailure(root: unknown, explicitOnly = false): FailedItem | undefined {
  if (Array.isArray(root)) {
    const found = firstFailed(root, '');
    if (found) return !explicitOnly || found.explicit ? found : undefined;
    // `[envelope]`: a lone envelope sent inside a list is judged as the envelope.
    if (root.length !== 1 || !isRec(root[0])) return undefined;
    const inner = batchItemFailure(root[0], explicitOnly);
    return inner && { ...inner, path: `[0].${inner.path}` };
  }
  if (!isRec(root)) return undefined;
  let n = 0;
  let count = false;
  let failedList: { key: string; list: unknown[] } | undefined;
  let successList = false;
  const lists: string[] = [];
  for (const key in root) {
    if (!hasOwn.call(root, key)) continue;
    if (++n > MAX_TOP_KEYS) return undefined;
    const norm = normalizeKey(key);
    const v = root[key];
    if (Array.isArray(v)) {
      if (v.length === 0) {
        if (SUCCESS_LIST_KEYS.has(norm)) successList = true;
        continue;
      }
      if (FAILED_LIST_KEYS.has(norm) && isRec(v[0]))
        return { path: `${key}[0]`, error: entryError(v[0]), explicit: true };
      if (norm === 'failed') failedList = { key, list: v };
      else if (SUCCESS_LIST_KEYS.has(norm)) successList = true;
      lists.push(key);
      continue;
    }
    if (PARTIAL_FAILURE_KEYS.has(norm) && isRec(v) && !empty(v)) return { path: key, error: v, explicit: true };
    if (typeof v === 'number' && v > 0 && FAILED_COUNT.test(norm)) count = true;
    // FCM legacy: `failure: 1` beside `success: 0` and `results`.
    if (norm === 'failure' && typeof v === 'number' && v > 0 && typeof root.success === 'number') count = true;
  }
  if (failedList && successList && isRec(failedList.list[0]))
    return { path: `${failedList.key}[0]`, error: entryError(failedList.list[0]), explicit: true };
  for (const key of lists) {
    const found = firstFailed(root[key] as unknown[], key, count);
    if (found && (!explicitOnly || found.explicit)) return found;
  }
  const nested = nestedListFailure(root, explicitOnly);
  if (nested) return nested;
  const data = root.data;
  if (!explicitOnly && isRec(data) && !hasOwn.call(root, 'errors')) return payloadFailure(data);
  return undefined;
}
