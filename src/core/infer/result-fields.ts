// The result fields of a name-value or XML answer (payment gateways and legacy APIs: `response=2&responsetext=DECLINE`,
// `ssl_result=1` lines, `<Approved>DECLINED</Approved>`, `<ApprovalStatus>FAILED;1014;…`), read where the JSON envelope
// inference does not look: a transaction's decision word under a status or result field anywhere in the answer, and
// a result code that is not zero beside the text that explains it. Such answers come as a 200 whatever the outcome;
// the vocabulary is the one gateway SDKs test for (ActiveMerchant's gateways compare `'0'`, `'00'`, `'000'`, `'1'`,
// APPROVED, SUCCESS, OK, DECLINED, REFUSED, REJECTED, ERROR, FAILED), held as data below.
import { normalizeKey } from './dictionaries';
import { saysFailureAlone } from './lone-message';

/** Decision words of a declined or failed transaction, alone or before a separator (`DECLINED:1101970001:…`). */
const DECLINE_WORDS = [
  'declined',
  'decline',
  'refused',
  'rejected',
  'reject',
  'denied',
  'failed',
  'failure',
  'fail',
  'error',
  'not authorized',
  'not authorised',
  'not approved',
];
/** Decision words of an approved transaction or a call that went through. */
const APPROVAL_WORDS = [
  'approved',
  'approval',
  'accepted',
  'authorized',
  'authorised',
  'captured',
  'settled',
  'success',
  'successful',
  'ok',
  'completed',
  // eBay's `<Ack>Warning</Ack>`, PayPal's `SuccessWithWarning`: the call went through with a warning beside it.
  'warning',
  'successwithwarning',
];
const wordsPattern = (words: string[]): RegExp =>
  new RegExp(`^\\s*(${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\s*(?:$|[:;|,=-]\\s*)`, 'i');
/** A decision value: the word alone, or the word, a separator and what follows (`FAILED;1014;text`). */
const DECLINE_VALUE = wordsPattern(DECLINE_WORDS);
const APPROVAL_VALUE = wordsPattern(APPROVAL_WORDS);
/** `DECLINED:1101970001:Invalid Expiration Date:`, `FAILED;1014;transaction type not supported`: word, code, text. */
const WORD_CODE_TEXT = /^\s*[A-Za-z ]+?\s*[:;|]\s*(-?[A-Za-z0-9]{1,12})\s*[:;|]\s*([^:;|]*[A-Za-z][^:;|]*)[:;|]?\s*$/;

/** Fields whose value is the answer's decision (normalized names end so: `transresult`, `lastEvent`, `CmdStatus`). */
const DECISION_SUFFIXES = [
  'status',
  'result',
  'decision',
  'approved',
  'approval',
  'event',
  'reason',
  'outcome',
  'ack',
  'text',
  'message',
  'msg',
];
/** Result-code fields: 0 (any number of zeros) is success (normalized names end so: `ssl_result`, `NCERROR`). */
const CODE_SUFFIXES = [
  'resultcode',
  'responsecode',
  'returncode',
  'errorcode',
  'errcode',
  'errornumber',
  'errornum',
  'statuscode',
  'actioncode',
  'rspcode',
  'result',
  'error',
];
/** Result-code fields by their whole name only (`response=2`, `status=-1`: as suffixes they would take `AVSResponse`). */
const CODE_NAMES = new Set(['response', 'status', 'returnvalue']);
/** A code field that names an error: a number there other than 0 is a failure even with no text beside it. */
const ERROR_CODE_NAME = /error|errcode|errno|errnum|^err/;
/**
 * Approval flags (`trnApproved=0`, `success=no`, `<Transaction success="0">`, `Authorized`): a false value says the
 * transaction was not approved, a true one that it was (normalized names end so).
 */
const APPROVAL_FLAG_SUFFIXES = ['approved', 'authorized', 'authorised', 'success'];
const FLAG_FALSE = /^\s*(?:0|no|n|false)\s*$/i;
const FLAG_TRUE = /^\s*(?:1|yes|y|true)\s*$/i;
/**
 * Objects that are an error report (`<exception><exceptionDescription>…`, a `<Fault>`): their text says what failed.
 * An `error` object needs a code beside its text (a feed item's `<error code="0">none</error>` is no failure).
 */
const ERROR_HOLDER = /(?:exception|fault)$/;
/** Text fields that explain the result. */
const MESSAGE_SUFFIXES = [
  'message',
  'msg',
  'text',
  'description',
  'desc',
  'errorplus',
  'errorstring',
  'reason',
  'detail',
  'textresponse',
];
/** Text fields named for the failure (`FailReason`, `errorMessage`): their text explains it before a description's. */
const FAILURE_TEXT_FIELD = /err|fail|reason|declin/;
/**
 * Fields about the card check, not the call (`AVSResult`, `CVV2ResponseCode`, `FraudResponse`, `IPResult`) and
 * about the card itself: their letters and words say nothing of the outcome.
 */
const CHECK_FIELD = /avs|cvv|cvc|cv2|cavv|fraud|risk|eci|3ds|threed|address|postcode|zip|ipresult|ipcountry|issuer/;
/** An answer's text that says the call went through ("Card Ok", "Transaction approved"), not negated. */
const SUCCESS_TEXT =
  /\b(?:ok|okay|approved|approval|accepted|success(?:ful(?:ly)?)?|succeeded|captured|authori[sz]ed|no errors?)\b/i;
const NEGATED_SUCCESS =
  /\b(?:not|no|never|un)\s*(?:been\s+|be\s+)?(?:ok|approved|accepted|successful|authori[sz]ed)\b/i;
const INTEGER = /^\s*-?\d{1,12}\s*$/;
/** A code token with a digit (`ipg92`, `SIS0051`, `U5`): a result code to report, not evidence alone. */
const CODE_TOKEN = /^\s*[A-Za-z0-9][A-Za-z0-9_.:-]{0,59}\s*$/;
/** Values of an error-code field that say there is no error. */
const NO_ERROR = /^\s*(?:none|null|nil|n\/a|no_?error|noerror|ok|success|false)\s*$/i;
/** The code beside an error element's text (`<error code="7">Invalid payment details</error>`). */
const SIBLING_CODE_NAMES = new Set(['code', 'number', 'errorcode', 'errcode', 'errornumber']);
const ZERO = /^\s*-?0+\s*$/;

/** Most leaves read: a gateway's answer has a few dozen; a listing is data. */
const MAX_LEAVES = 160;
const MAX_DEPTH = 6;

export interface ResultFieldsVerdict {
  /** True: the answer reports a declined or failed call; false: it reports an approval or a zero result code. */
  failure: boolean;
  code?: string;
  codeField?: string;
  message?: string;
  messageField?: string;
}

interface Leaf {
  path: string;
  /** The path of the object that holds the leaf: its siblings share it. */
  parent: string;
  norm: string;
  value: string;
}

function leavesOf(root: Record<string, unknown>): Leaf[] {
  const out: Leaf[] = [];
  const visit = (node: unknown, path: string, key: string, depth: number, parent = ''): void => {
    if (out.length >= MAX_LEAVES || depth > MAX_DEPTH) return;
    if (typeof node === 'string' || typeof node === 'number') {
      const norm = normalizeKey(key);
      if (!CHECK_FIELD.test(norm)) out.push({ path, parent, norm, value: String(node) });
      return;
    }
    if (Array.isArray(node)) {
      node.slice(0, 8).forEach((item, i) => visit(item, `${path}[${i}]`, key, depth + 1, parent));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      // An element's own text (`#text`) speaks under its element's name.
      const name = k === '#text' ? key : k;
      visit(v, path ? `${path}.${k}` : k, name, depth + 1, path);
    }
  };
  visit(root, '', '', 0);
  return out;
}

const endsWithAny = (norm: string, suffixes: readonly string[]): boolean => suffixes.some((s) => norm.endsWith(s));
const isCodeField = (norm: string): boolean => CODE_NAMES.has(norm) || endsWithAny(norm, CODE_SUFFIXES);
const isMessageField = (norm: string): boolean => endsWithAny(norm, MESSAGE_SUFFIXES);
/** A text that says the outcome is still open (Payflow's 126 "Under review by Fraud Service"): the call went through. */
const PENDING_TEXT = /\b(?:pending|under review|in review|on hold|queued|in progress)\b/i;
const saysSuccess = (text: string): boolean =>
  (SUCCESS_TEXT.test(text) && !NEGATED_SUCCESS.test(text)) || PENDING_TEXT.test(text);
/** Whether a text says the call or its transaction failed (a decline word, "not approved", a refusal). */
export const explainsFailure = (text: string): boolean => saysFailure(text);
const saysFailure = (text: string): boolean =>
  DECLINE_VALUE.test(text) || DECLINE_ANYWHERE.test(text) || NEGATED_SUCCESS.test(text) || saysFailureAlone(text);
/** A decline word inside a sentence ("Transaction is DECLINED", "AUTH DECLINED 200"). */
const DECLINE_ANYWHERE = /\b(?:declined?|refused|rejected|denied)\b/i;

/** The normalized name of the object that holds a leaf (`exception` for `response.exception.exceptionDescription`). */
function holderName(leaf: Leaf): string {
  const segments = leaf.parent.replace(/\[\d+\]$/, '').split('.');
  return normalizeKey(segments[segments.length - 1] ?? '');
}

/** Path segments two leaves share from the root: the text beside a result field shares the most with it. */
function sharedDepth(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}

/** How deep a field sits: the number of objects above it. */
const depthOf = (leaf: Leaf): number => (leaf.parent === '' ? 0 : leaf.parent.split('.').length);

/**
 * The text that explains a result field: among the texts that do not say the call went through, the nearest one
 * (sharing the most of its path), a text that says failure first, then one named for the failure.
 */
function explanation(messages: Leaf[], near: Leaf | undefined): Leaf | undefined {
  const candidates = messages.filter((m) => m !== near && !saysSuccess(m.value) && !APPROVAL_VALUE.test(m.value));
  let best: Leaf | undefined;
  let bestRank = -1;
  for (const m of candidates) {
    const rank =
      (near ? sharedDepth(m.path, near.path) * 4 : 0) +
      (saysFailure(m.value) ? 2 : 0) +
      (FAILURE_TEXT_FIELD.test(m.norm) ? 1 : 0);
    if (rank > bestRank) {
      best = m;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * What the result fields of a name-value or XML answer say of the call (see the top of this file), or undefined
 * when none speaks. A decision word of decline wins over a request-level success (`<Status>Success</Status>` of
 * the call beside `<Status>DECLINED</Status>` of its transaction).
 */
export function resultFieldsVerdict(root: Record<string, unknown>): ResultFieldsVerdict | undefined {
  const leaves = leavesOf(root);
  let decline: Leaf | undefined;
  let approval = false;
  const zeroCodes: Leaf[] = [];
  let errorCode: Leaf | undefined;
  let resultCode: Leaf | undefined;
  let oneCode: Leaf | undefined;
  let tokenCode: Leaf | undefined;
  let errorElement: { text: Leaf; code?: Leaf } | undefined;
  let notApproved: Leaf | undefined;
  const messages: Leaf[] = [];
  for (const leaf of leaves) {
    const { norm, value } = leaf;
    if (!value.trim()) continue;
    if (isCodeField(norm) && INTEGER.test(value)) {
      if (ZERO.test(value)) zeroCodes.push(leaf);
      else if (value.trim() === '1' && !ERROR_CODE_NAME.test(norm)) oneCode ??= leaf;
      else if (ERROR_CODE_NAME.test(norm)) errorCode ??= leaf;
      else resultCode ??= leaf;
      continue;
    }
    // `errorCode: ValidationError_InvalidParameter` (PayEx): a named error code is evidence as a number is.
    // A word there (`status: DECLINED`, `error: true`) is read below as the decision word it may be.
    if (isCodeField(norm) && CODE_TOKEN.test(value) && !NO_ERROR.test(value) && /\d|_/.test(value)) {
      if (ERROR_CODE_NAME.test(norm)) errorCode ??= leaf;
      else if (/\d/.test(value)) tokenCode ??= leaf;
      continue;
    }
    // `<error code="7">Invalid payment details</error>` (Worldpay): an error element's text beside its code.
    if ((norm === 'error' || norm === 'err') && /[A-Za-z]\S*\s+\S/.test(value) && value.length <= 300) {
      const code = leaves.find(
        (l) => l.parent === leaf.parent && SIBLING_CODE_NAMES.has(l.norm) && CODE_TOKEN.test(l.value),
      );
      if (code && !ZERO.test(code.value) && !NO_ERROR.test(code.value)) errorElement ??= { text: leaf, code };
      continue;
    }
    // `<exception><exceptionDescription>Search text is not a valid ABN</exceptionDescription>` (ABN Lookup).
    if (
      isMessageField(norm) &&
      ERROR_HOLDER.test(holderName(leaf)) &&
      /[A-Za-z]\S*\s+\S/.test(value) &&
      value.length <= 300
    ) {
      const code = leaves.find(
        (l) => l.parent === leaf.parent && l !== leaf && l.norm.endsWith('code') && CODE_TOKEN.test(l.value),
      );
      if (!code || (!ZERO.test(code.value) && !NO_ERROR.test(code.value))) errorElement ??= { text: leaf, code };
    }
    if (endsWithAny(norm, APPROVAL_FLAG_SUFFIXES) && (FLAG_FALSE.test(value) || FLAG_TRUE.test(value))) {
      if (FLAG_FALSE.test(value)) notApproved ??= leaf;
      else approval = true;
      continue;
    }
    if (endsWithAny(norm, DECISION_SUFFIXES) && value.length <= 200) {
      if (DECLINE_VALUE.test(value)) {
        // The one that also says which code and why (`DECLINED:2001:Card expired:`) speaks for the others.
        if (!decline || (WORD_CODE_TEXT.test(value) && !WORD_CODE_TEXT.test(decline.value))) decline = leaf;
      } else if (APPROVAL_VALUE.test(value)) approval = true;
    }
    if (isMessageField(norm) && /[A-Za-z]/.test(value) && value.length <= 300) messages.push(leaf);
  }
  const failureText = messages.find((m) => saysFailure(m.value));
  const successText = messages.some((m) => saysSuccess(m.value));
  if (errorElement && !approval)
    return {
      failure: true,
      code: errorElement.code?.value.trim(),
      codeField: errorElement.code?.path,
      message: errorElement.text.value.trim(),
      messageField: errorElement.text.path,
    };
  // A false approval flag is a decline, as the word is (`trnApproved=0` beside `messageText=Duplicate transaction`).
  decline ??= notApproved;
  if (decline) {
    const parts = WORD_CODE_TEXT.exec(decline.value);
    const code = errorCode ?? resultCode ?? tokenCode;
    const text = explanation(messages, decline) ?? decline;
    return {
      failure: true,
      code: parts ? parts[1] : code?.value.trim(),
      codeField: parts ? decline.path : code?.path,
      message: parts ? parts[2].trim() : text.value.trim(),
      messageField: parts ? decline.path : text.path,
    };
  }
  if (!approval) {
    // A code other than 0 (and 1, a success flag in many gateways) beside a text that does not say it went through.
    // Not under a 0 nearer the top (Realex's `<result>00</result>` over a fraud score's `<tss><result>89</result>`),
    // nor beside a success flag of 1 (NMI's `response=1` beside `response_code=100`).
    const code = errorCode ?? resultCode;
    const text = code ? explanation(messages, code) : undefined;
    const overruled =
      code !== undefined &&
      (zeroCodes.some((z) => depthOf(z) < depthOf(code)) || (oneCode !== undefined && failureText === undefined));
    if (code && !overruled && !successText && (text !== undefined || code === errorCode)) {
      // A status beside its own code (`<Result Status="-1" Code="14">`, iVeri): the code says which failure.
      const named = /status|result/.test(code.norm)
        ? leaves.find((l) => l.parent === code.parent && l.norm === 'code' && CODE_TOKEN.test(l.value))
        : undefined;
      const reported = named ?? code;
      return {
        failure: true,
        code: reported.value.trim(),
        codeField: reported.path,
        message: text?.value.trim(),
        messageField: text?.path,
      };
    }
    if (oneCode && failureText && zeroCodes.length === 0)
      return {
        failure: true,
        code: oneCode.value.trim(),
        codeField: oneCode.path,
        message: failureText.value.trim(),
        messageField: failureText.path,
      };
  }
  if (approval || zeroCodes.length > 0) return { failure: false };
  return undefined;
}
