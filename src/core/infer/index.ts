// The base layer under every recognizer and catalog entry: whatever they left unsaid (code, message,
// support ID, wait, retry hint, a 2xx body's own failure) is inferred here from the body alone.
// Inferred values never replace what a recognizer, a catalog entry or a rule said.
import type { BodyView, Extracted } from '../types';
import { FAILURE_WORDS, isGenericMessage, SUCCESS_WORDS } from './dictionaries';
import { embeddedHttpStatus, fillPlaceholders, inferJson, isNoCode, jsonInside } from './json';
import { decodeEntities } from '../formats/util';
import { codeInPage, htmlMessage, isBlockPage, pageLines, pageText, supportIdInText } from './markup';
import { multistatusFailure, unreadXmlFields, xmlFields, type XmlFields } from './xml';
import { readXml, type XmlDocument } from './xml-tree';
import { jsonLinesFailure } from './json-lines';
import { runtimeErrorOutput } from './runtime-errors';
import { saysFailureAlone } from './lone-message';
import { explainsFailure, resultFieldsVerdict, type ResultFieldsVerdict } from './result-fields';
import { statusSemantics } from '../status';

export { inferJson, statusVerdict } from './json';
export {
  retryableFromCode,
  exhaustedByMessage,
  codeNamesRateLimit,
  transientByMessage,
  requestBlamedByMessage,
  codeBlamesRequest,
  hostNotSetUpByMessage,
  codeNamesBrokenSetup,
  codeSaysOnlyLimitReached,
} from './semantics';
export { supportIdInText, htmlMessage, pageText, pageLines, isBlockPage } from './markup';
export { isGenericMessage } from './dictionaries';

/** Formats that decide nothing of their own beyond a generic shape: the inference may judge a 2xx for them. */
export const GENERIC_FORMATS: ReadonlySet<string> = new Set([
  'json',
  'ok-false',
  'success-false',
  'code-msg',
  'generic-error-message',
  'error-object',
]);

const missing = (v: unknown): boolean => v === undefined || v === null || v === '';

/** Formats that read an HTML page by its own layout (Spring's Whitelabel Error Page): the page's first lines do not replace their message. */
const PAGE_LAYOUT_FORMATS: ReadonlySet<string> = new Set(['spring-whitelabel']);

/**
 * `extracted` completed by inference. `format` is what claimed the body; `plainData` is true when
 * the plain-data gate claimed it (a 2xx body without envelope keys: nothing to infer).
 */
export function inferMissing(
  extracted: Extracted,
  format0: string,
  body: BodyView,
  status: number,
  plainData: boolean,
  notes: string[],
): Extracted {
  if (plainData) return extracted;
  let format = format0;
  // A protocol's envelope is read by its own code: a JSON-RPC `id` is the client's, not a support ID.
  if (typeof extracted.protocol === 'string') return extracted;
  const success = status >= 200 && status < 400;
  // A form-encoded answer (`error=bad_verification_code&error_description=…`, PayPal NVP) is read like a JSON object.
  // A body labelled HTML with no tag in it is text (Beanstream's and PSL's form answers come as text/html).
  const form =
    body.kind === 'text' || (body.kind === 'html' && !body.text.includes('<'))
      ? formFields(body.text)
      : body.kind === 'xml'
        ? formInElement(body.text)
        : undefined;
  const kind = form ? 'json' : body.kind;
  if (form) {
    // The text recognizer's message is the raw pairs; the fields say it better.
    format = 'json';
    extracted = { ...extracted, message: undefined };
  }
  if (kind === 'json') {
    const json = form ?? body.json;
    // A body that is one JSON string on an error status (`"Period not allowed, ToDate is equal to FromDate."`):
    // the string is the API's text, read as a plain-text body would be. A lone word or the reason phrase says nothing more.
    if (typeof json === 'string') {
      const text = json.trim();
      if (success || !missing(extracted.message) || text.length > MAX_JSON_STRING_MESSAGE) return extracted;
      if (!/\p{L}/u.test(text) || !/\S\s+\S/.test(text) || echoesReason(text, status)) return extracted;
      notes.push('the body is one JSON string: its text is the message');
      return { ...extracted, message: text };
    }
    if (json === null || typeof json !== 'object') return extracted;
    // A code that names nothing (`code: "error"`, `errorCode: 0`) is none, whoever read it; the inference may find the real one.
    if (!success && isNoCode(extracted.errorCode)) extracted = { ...extracted, errorCode: undefined };
    // A recognizer that named a real code and a specific message leaves only the ID, wait and retry flag.
    const said =
      !success &&
      !GENERIC_FORMATS.has(format) &&
      !missing(extracted.errorCode) &&
      String(extracted.errorCode).trim() !== String(status) &&
      !echoesReasonPhrase(String(extracted.errorCode).trim(), status) &&
      typeof extracted.message === 'string' &&
      extracted.message.includes(' ') &&
      !isGenericMessage(extracted.message);
    // Nothing left to find when no key of the text could hold an ID, a wait or a retry flag: one native scan instead of a walk.
    if (said && !ID_WAIT_OR_RETRY_KEY.test(body.text)) return extracted;
    // A success is only judged for a generic format that said nothing of itself; otherwise it stays as it is.
    const judged =
      success && extracted.saysFailure === undefined && extracted.saysSuccess !== true && GENERIC_FORMATS.has(format);
    if (success && extracted.saysFailure !== true && !judged) return extracted;
    // Code and message are looked for only when one of them could still be taken (missing, a token, generic, a status echo).
    const current0 = typeof extracted.message === 'string' ? extracted.message.trim() : '';
    const wantsText =
      !said &&
      (missing(extracted.message) ||
        missing(extracted.errorCode) ||
        String(extracted.errorCode).trim() === String(status) ||
        echoesReasonPhrase(String(extracted.errorCode ?? '').trim(), status) ||
        (current0 !== '' && !current0.includes(' ') && MACHINE_TOKEN.test(current0)) ||
        isGenericMessage(current0) ||
        // A generic format's numeric code may have a name beside it (`code: 101`, `type: "missing_access_key"`).
        (GENERIC_FORMATS.has(format) && /^-?\d+$/.test(String(extracted.errorCode ?? '').trim())));
    const inferred = inferJson(json, status, !said, wantsText);
    let saysFailure = extracted.saysFailure;
    if (judged && inferred.saysFailure === true) {
      saysFailure = true;
      notes.push('the body reports a failure (inferred from its status fields)');
    }
    // A form-encoded answer's result fields (a gateway's `response=2&responsetext=DECLINE`), where the envelope says nothing.
    const answer = form && (judged || saysFailure === true) ? resultFieldsVerdict(form) : undefined;
    const byResultFields = answer?.failure === true && saysFailure !== true;
    if (byResultFields) {
      saysFailure = true;
      notes.push('the body reports a failure (inferred from its result fields)');
    }
    // A success stays as it is: no code or message is invented for it.
    if (success && saysFailure !== true) return extracted;
    const out: Extracted = { ...extracted };
    if (saysFailure !== undefined) out.saysFailure = saysFailure;
    // The result fields that found the failure explain it, before the envelope reading's guesses.
    if (byResultFields && answer) fillFromResultFields(out, answer, notes);
    // A 2xx batch whose failed operation carries its own HTTP status (a sub-response's 429) is advised as that status.
    if (success && out.httpEquivalent === undefined && inferred.itemStatus !== undefined) {
      out.httpEquivalent = inferred.itemStatus;
      notes.push(`an operation of the batch failed with HTTP ${inferred.itemStatus}`);
    }
    // A 2xx that names its own HTTP error status (`status_code: 429`) is advised as that status.
    if (success && out.httpEquivalent === undefined) {
      const embedded = embeddedHttpStatus(json);
      if (embedded !== undefined) {
        out.httpEquivalent = embedded;
        notes.push(`the body reports HTTP ${embedded} for itself`);
      }
    }
    // A message that is itself a machine token (`RESOURCE_NOT_FOUND`) is a code; the prose beside it is the message.
    const current = typeof out.message === 'string' ? out.message.trim() : '';
    const tokenMessage = current !== '' && !current.includes(' ') && MACHINE_TOKEN.test(current);
    if (
      inferred.message !== undefined &&
      (missing(out.message) ||
        tokenMessage ||
        // A message that is a JSON document of its own: the inference read inside it.
        (current !== inferred.message && jsonInside(current) !== undefined) ||
        // A generic format's shallow pick that the inference completed (`message` + its `detail`, reach-t).
        (GENERIC_FORMATS.has(format) &&
          current !== '' &&
          inferred.message.length > current.length &&
          inferred.message.toLowerCase().includes(current.toLowerCase())) ||
        (isGenericMessage(current) &&
          inferred.message.length > current.length &&
          inferred.message.toLowerCase().includes(current.toLowerCase())) ||
        // The status's own reason phrase (`error: "Unauthorized"`) gives way to the prose beside it (`errorDescription`).
        (echoesReason(current, status) && inferred.message.includes(' ') && !isGenericMessage(inferred.message)))
    ) {
      if (tokenMessage && missing(out.errorCode)) out.errorCode = current;
      out.message = inferred.message;
      notes.push(`message inferred from body.${inferred.messageField}`);
    } else if (
      inferred.message !== undefined &&
      current !== '' &&
      current.length <= 90 &&
      isGenericMessage(current) &&
      !echoesReason(current, status) &&
      inferred.message.includes(' ') &&
      !isGenericMessage(inferred.message) &&
      !inferred.message.toLowerCase().includes(current.toLowerCase())
    ) {
      // A recognizer's wrapper (SAP Gateway's "An exception was raised.") with the specific error the inference
      // found below it (`innererror.errordetails[0].message`): both, the wrapper first (reach-t).
      out.message = `${current}${/[.!?:]$/.test(current) ? ' ' : ': '}${inferred.message}`;
      notes.push(`message completed from body.${inferred.messageField}`);
    }
    // A code that only repeats the HTTP status, as a number or as its reason phrase (`error: "Forbidden"` read by a
    // shape recognizer), gives way to a real one; so does, in a 2xx, a generic format's
    // HTTP error status the body reports for itself (`{success: false, code: 400, status: "INVALID_ARGUMENT"}`).
    const codeText = missing(out.errorCode) ? '' : String(out.errorCode).trim();
    const echo =
      codeText === String(status) ||
      echoesReasonPhrase(codeText, status) ||
      (success && GENERIC_FORMATS.has(format) && /^[45]\d\d$/.test(codeText));
    // A generic format's numeric code (`error.code: 101`) gives way to the name beside it (`error.type: "missing_access_key"`).
    const refined =
      inferred.errorCodeRefines === true &&
      GENERIC_FORMATS.has(format) &&
      /^-?\d+$/.test(String(out.errorCode ?? '').trim());
    if (
      (missing(out.errorCode) || ((echo || refined) && typeof inferred.errorCode === 'string')) &&
      inferred.errorCode !== undefined
    ) {
      out.errorCode = inferred.errorCode;
      notes.push(`errorCode inferred from body.${inferred.errorCodeField}`);
    }
    // What the envelope reading left of a gateway's answer, its result fields give (`error=3000`, `ssl_result=7000`).
    if (answer?.failure) fillFromResultFields(out, answer, notes);
    if (missing(out.errorId) && inferred.errorId !== undefined) {
      out.errorId = inferred.errorId;
      out.errorIdField = inferred.errorIdField;
    }
    // `{message, code: "FEa0EXBk1v…"}`: the top-level `code` a recognizer took is the event's ID the inference found there.
    if (
      inferred.errorId !== undefined &&
      inferred.errorIdField !== undefined &&
      /^code$/i.test(inferred.errorIdField) &&
      String(out.errorCode ?? '') === inferred.errorId
    )
      out.errorCode = undefined;
    if (missing(out.retryAfterSeconds) && inferred.retryAfterSeconds !== undefined) {
      out.retryAfterSeconds = inferred.retryAfterSeconds;
      out.retryAfterField = inferred.retryAfterField;
    } else if (
      missing(out.retryAfterSeconds) &&
      out.retryAfterAt === undefined &&
      inferred.retryAfterAt !== undefined
    ) {
      out.retryAfterAt = inferred.retryAfterAt;
      out.retryAfterField = inferred.retryAfterField;
    }
    if (out.retryable === undefined && inferred.retryable !== undefined) out.retryable = inferred.retryable;
    // A message template whose values come apart (`%1`, `%fieldName` + `parameters`, Magento): filled in.
    const filled = typeof out.message === 'string' ? fillPlaceholders(out.message, json) : undefined;
    if (filled !== undefined) {
      out.message = filled;
      notes.push('message placeholders filled from body.parameters');
    }
    // A wrapper message ("The given data was invalid.") with field errors beside it: the first one says what.
    const now = typeof out.message === 'string' ? out.message.trim() : '';
    const first = out.fieldErrors?.[0];
    if (first && first.message && (now === '' || isGenericMessage(now))) {
      const specific = first.field ? `${first.field}: ${first.message}` : first.message;
      if (!now.toLowerCase().includes(first.message.toLowerCase()))
        out.message = now ? `${now}${/[.!?:]$/.test(now) ? ' ' : ': '}${specific}` : specific;
    }
    return out;
  }
  if (kind !== 'html' && kind !== 'text' && kind !== 'xml') return extracted;
  // An XML body is parsed at most once, on first use (a 2xx reads it for its verdict, then for its fields).
  const xml = kind === 'xml' ? xmlReading(body.text, status) : undefined;
  let saysFailure: boolean | undefined;
  let byResultFields = false;
  if (success) {
    if (extracted.saysSuccess) return extracted;
    if (xml) {
      // An XML envelope whose own status word says it failed (`<meta><status>failure</status>…`).
      const fields = xml.fields(false);
      const word = fields.status;
      const dav = status === 207 ? multistatusFailure(body.text) : undefined;
      if (dav) {
        notes.push(`a member of the multi-status failed with HTTP ${dav.status}`);
        return {
          ...extracted,
          saysFailure: true,
          message: extracted.message ?? dav.message,
          httpEquivalent: extracted.httpEquivalent ?? dav.status,
        };
      }
      if (fields.exceptionReport) notes.push('the body is an OGC exception report');
      else if (fields.rootError && word === undefined)
        notes.push('the body reports a failure (its root is an <error>)');
      else if (fields.batchError) notes.push('the body reports a failed entry of the batch');
      else if (fields.rootFlagFailure && word === undefined)
        notes.push('the body reports a failure (a flag on its root element says so)');
      else if (word !== undefined && FAILURE_WORDS.has(word))
        notes.push('the body reports a failure (its <status> says so)');
      // Else the document read as the JSON it would be (`<status message="…" value="18"/>`, `<Errors><Err>…`), when it
      // also says in words what failed (a feed item's `<error code="0" description="none"/>` is no failure); a 207's
      // members are judged by WebDAV's rules above alone.
      else if (status !== 207 && xmlFailureInWords(xml.asJson()))
        notes.push('the body reports a failure (inferred from its status fields)');
      // A reply whose own message, near the top, is a refusal (`<reply><code>110</code><detail>Invalid API Key
      // (Permission denied)</detail>`), the API's code beside it or not: the words the JSON inference reads as a
      // failure when a body is only a message. Not when the document's status word says it went through.
      else if (status !== 207 && xmlMessageSaysFailure(xml.asJson(), word))
        notes.push('the body reports a failure (its message says so)');
      // A gateway's answer whose result fields say declined or failed (`<Approved>DECLINED</Approved>`, a result code
      // other than 0 beside its text), wherever they sit.
      else if (status !== 207 && xml.resultFields()?.failure) {
        byResultFields = true;
        notes.push('the body reports a failure (inferred from its result fields)');
      } else return extracted;
    } else {
      // A stream of JSON lines whose later line reports the failure (Docker pull/build, Ollama, a Kubernetes watch).
      const streamed = kind === 'text' ? jsonLinesFailure(body.text) : undefined;
      if (streamed) {
        notes.push(`line ${streamed.line + 1} of the JSON-lines stream reports a failure`);
        return {
          ...extracted,
          saysFailure: true,
          errorCode: extracted.errorCode ?? streamed.code,
          message: streamed.message ?? extracted.message,
          httpEquivalent: extracted.httpEquivalent ?? streamed.status,
        };
      }
      // A runtime's uncaught-error output sent with the 200 it had already (PHP `Fatal error`, a Python traceback).
      const crashed = runtimeErrorOutput(body.text);
      if (crashed) {
        notes.push('the body is a runtime error output (the server kept its 2xx)');
        return {
          ...extracted,
          saysFailure: true,
          errorCode: extracted.errorCode ?? crashed.code,
          message: crashed.message,
        };
      }
      // A one-line status answer (`ERR: 001, Authentication failed`, SMS and payment gateways' plain-text APIs).
      const line = statusLine(body.text);
      if (line) {
        notes.push('the body reports a failure (it starts with an error status word)');
        return { ...extracted, saysFailure: true, errorCode: extracted.errorCode ?? line.code, message: line.message };
      }
      // A page whose heading is only a failure phrase (`<h1>Invalid Key</h1>` over its explanation), sent as a 2xx.
      if (kind === 'html' && leadsWithFailurePhrase(body.text))
        notes.push('the page reports a failure (its heading is a failure phrase)');
      // A WAF block page sent as a 2xx ("The requested URL was rejected… Your support ID is: …").
      else if (!isBlockPage(body.text)) return extracted;
      else notes.push('the page is a block page (it names a support ID and says the request was blocked)');
    }
    saysFailure = true;
  }
  const out: Extracted = { ...extracted };
  if (saysFailure) out.saysFailure = true;
  if (kind === 'html') {
    const message = PAGE_LAYOUT_FORMATS.has(format) ? undefined : htmlMessage(body.text);
    // The page's own words beat a recognizer's title that is longer, unless that title is only a status ("500 Internal Server Error").
    if (
      message &&
      (typeof out.message !== 'string' || message.length > out.message.length || isGenericMessage(out.message))
    )
      out.message = message;
    // The visible text is only needed for a code or an ID still missing.
    const visible = missing(out.errorCode) || missing(out.errorId) ? pageText(body.text) : '';
    if (missing(out.errorCode)) {
      // A code alone on its line (`<p><code>FUNCTION_INVOCATION_FAILED</code></p>`) needs the page's lines, not its flat text.
      const code =
        codeInPage(visible, status) ??
        (visible.includes('_') ? codeInPage(pageLines(body.text).join('\n'), status) : undefined);
      if (code) out.errorCode = code;
    }
    if (missing(out.errorId)) {
      const id = supportIdInText(visible);
      if (id) {
        out.errorId = id;
        out.errorIdField = '(page text)';
      }
    }
    return out;
  }
  if (xml) {
    const fields = xml.fields(true);
    // An OGC exception report is read by its standard: its exception's code attribute and text, nothing else.
    if (fields.exceptionReport) {
      if (missing(out.errorCode) && fields.code) out.errorCode = fields.code;
      if (missing(out.message) && fields.message) out.message = fields.message;
    }
    // The result fields that found the failure explain it, before the envelope reading's guesses.
    const answer = byResultFields ? xml.resultFields() : undefined;
    if (answer?.failure) fillFromResultFields(out, answer, notes);
    // The same envelope inference a JSON body gets, on the document's tree; the XML rules fill what it left.
    const inferred = xml.asJson();
    const current = typeof out.message === 'string' ? out.message.trim() : '';
    // A one-word message (a SOAP `<faultstring>UPnPError</faultstring>`, a name rather than words) gives way to the prose below it.
    if (current !== '' && !/\s/.test(current) && inferred?.message?.includes(' ')) {
      if (missing(out.errorCode)) out.errorCode = current;
      out.message = inferred.message;
    }
    if (
      missing(out.errorCode) &&
      !fields.exceptionReport &&
      inferred?.errorCode !== undefined &&
      String(inferred.errorCode) !== String(status)
    ) {
      out.errorCode = inferred.errorCode;
      notes.push(`errorCode inferred from body.${inferred.errorCodeField}`);
    }
    if (missing(out.message) && inferred?.message !== undefined) {
      out.message = inferred.message;
      notes.push(`message inferred from body.${inferred.messageField}`);
    }
    if (missing(out.errorCode) && fields.code && fields.code !== String(status)) out.errorCode = fields.code;
    if (missing(out.message) && fields.message) out.message = fields.message;
    // What the envelope and the XML rules left of a 2xx gateway answer, its result fields give.
    const results = success && !answer ? xml.resultFields() : undefined;
    if (results?.failure) {
      // A request-level sentence ("Request was successful.") does not explain a declined transaction; its reason does.
      const now = typeof out.message === 'string' ? out.message : '';
      if (results.message !== undefined && explainsFailure(results.message) && !explainsFailure(now)) {
        out.message = results.message;
        notes.push(`message inferred from body.${results.messageField}`);
      }
      fillFromResultFields(out, results, notes);
    }

    // A short message ("Access denied.") is completed by the object store's own detail sentence.
    if (fields.details && typeof out.message === 'string' && out.message.length <= MAX_SHORT_XML_MESSAGE) {
      const m = out.message.trim();
      if (!m.includes(fields.details)) out.message = `${m}${/[.!?:]$/.test(m) ? '' : '.'} ${fields.details}`;
    }
    if (missing(out.errorId) && inferred?.errorId !== undefined) {
      out.errorId = inferred.errorId;
      out.errorIdField = inferred.errorIdField;
    }
    if (out.retryable === undefined && inferred?.retryable !== undefined) out.retryable = inferred.retryable;
  }
  if (kind === 'text' && missing(out.errorCode)) {
    const lineCode = codeOnlyStatusLine(body.text);
    // A code-only status line holds no human text: its code is all it says, so the line is no message either.
    if (lineCode !== undefined && typeof out.message === 'string' && out.message.trim() === body.text.trim())
      out.message = undefined;
    const code = lineCode ?? codeInPage(body.text, status);
    if (code) out.errorCode = code;
  }
  if (missing(out.errorId)) {
    const id = supportIdInText(body.text);
    if (id) {
      out.errorId = id;
      out.errorIdField = '(text)';
    }
  }
  return out;
}

/** One XML body's readings, for one call of inferMissing. */
interface XmlReading {
  /** The XML rules' fields (`byDictionary`: see xmlFields); a document the tree does not read gives its status word only. */
  fields(byDictionary: boolean): XmlFields;
  /** The document read by the JSON envelope inference, as the object tree it would be in JSON; undefined when unreadable. */
  asJson(): ReturnType<typeof inferJson> | undefined;
  /** What the document's result fields say (see result-fields.ts); undefined when unreadable or silent. */
  resultFields(): ResultFieldsVerdict | undefined;
}

/** The body parsed on first use, at most once, and its JSON reading likewise: kept for this call only. */
function xmlReading(text: string, status: number): XmlReading {
  let parsed: { doc: XmlDocument | undefined } | undefined;
  let inferred: { value: ReturnType<typeof inferJson> | undefined } | undefined;
  let results: { value: ResultFieldsVerdict | undefined } | undefined;
  const doc = (): XmlDocument | undefined => (parsed ??= { doc: readXml(text) }).doc;
  return {
    resultFields() {
      if (!results) {
        const tree = doc()?.tree;
        results = { value: tree ? resultFieldsVerdict(tree) : undefined };
      }
      return results.value;
    },
    fields(byDictionary) {
      const d = doc();
      return d ? xmlFields(d, byDictionary) : unreadXmlFields(text);
    },
    asJson() {
      if (!inferred) {
        const tree = doc()?.tree;
        inferred = { value: tree ? inferJson(tree, status) : undefined };
      }
      return inferred.value;
    },
  };
}

/** The code and message of a failed answer's result fields, where nothing gave them yet. */
function fillFromResultFields(out: Extracted, answer: ResultFieldsVerdict, notes: string[]): void {
  if (missing(out.errorCode) && answer.code !== undefined) {
    out.errorCode = answer.code;
    notes.push(`errorCode inferred from body.${answer.codeField}`);
  }
  if (missing(out.message) && answer.message !== undefined) {
    out.message = answer.message;
    notes.push(`message inferred from body.${answer.messageField}`);
  }
}

/** Deepest element (counted from the document's content) whose text may speak for the whole reply. */
const MAX_REPLY_MESSAGE_DEPTH = 2;

/** An XML document whose message, at most two levels down, says the call failed, and nothing says it succeeded. */
function xmlMessageSaysFailure(inferred: ReturnType<typeof inferJson> | undefined, word: string | undefined): boolean {
  if (!inferred || inferred.saysFailure === false || (word !== undefined && SUCCESS_WORDS.has(word))) return false;
  const field = inferred.messageField;
  if (typeof inferred.message !== 'string' || field === undefined) return false;
  return field.split('.').length <= MAX_REPLY_MESSAGE_DEPTH && saysFailureAlone(inferred.message);
}

/** An XML document's inferred failure that comes with a sentence saying what failed. */
function xmlFailureInWords(inferred: ReturnType<typeof inferJson> | undefined): boolean {
  return inferred?.saysFailure === true && typeof inferred.message === 'string' && /\S\s+\S/.test(inferred.message);
}

/** The longest JSON-string body read as a message: a longer one is data, not an error sentence. */
const MAX_JSON_STRING_MESSAGE = 500;

/** A message that only repeats the status's reason phrase (`Unauthorized` on a 401). */
function echoesReason(message: string, status: number): boolean {
  return status >= 400 && message.replace(/[.!]$/, '').toLowerCase() === statusSemantics(status).reason.toLowerCase();
}

/**
 * A code that is the status's reason phrase as servers print it (`Forbidden`, `Not Found`, Title Case): the status
 * echoed. An upper- or lower-case token (`FORBIDDEN`, `forbidden`) is the API's own code.
 */
function echoesReasonPhrase(code: string, status: number): boolean {
  return /^[A-Z][a-z]+(?: [A-Za-z][a-z]+)*$/.test(code) && echoesReason(code, status);
}

/**
 * A plain-text answer that is one failure word and nothing else: qBittorrent's `Fails.` on a rejected login, DuckDNS's
 * `KO` on a rejected update. The words are the status words the JSON and XML envelopes already read as failure.
 */
function isLoneFailureWord(text: string): boolean {
  if (text.length > 24) return false;
  const word = text.replace(/[.!]$/, '').toUpperCase();
  return word === 'FAILS' || FAILURE_WORDS.has(word);
}

/** A `<Message>` this short says what failed but not why; a `<Details>` beside it says why. */
const MAX_SHORT_XML_MESSAGE = 80;
/**
 * A short answer that is only a failure phrase: "Invalid Application", "Invalid API key", "Expired token",
 * "Access denied", "Not Found". An adjective of failure and at most three words, or a status reason phrase.
 */
const FAILURE_PHRASE =
  /^(?:(?:invalid|expired|missing|revoked)(?: [\w'.:-]{1,30}){1,3}|unauthori[sz]ed|forbidden|access denied|permission denied|not found|bad request|internal server error|service unavailable|too many requests|rate limit exceeded)[.!]?$/i;
/** A word every failure phrase holds. */
const FAILURE_PHRASE_WORD =
  /\b(?:invalid|expired|missing|revoked|unauthori[sz]ed|forbidden|denied|not found|bad request|server error|unavailable|too many|rate limit)\b/i;
/** Largest 2xx page read for a failure heading. */
const MAX_FAILURE_PAGE = 4096;
/** Longest text a failure phrase may be. */
const MAX_FAILURE_PHRASE = 80;

/** Whether a page's first visible line (its heading) is a failure phrase. */
function leadsWithFailurePhrase(html: string): boolean {
  // An error page is small; a site's page that opens with such words ("Missing Persons Unit") is not one.
  if (html.length > MAX_FAILURE_PAGE) return false;
  // Most 2xx pages name no failure at all: one scan stops them before the page is split into lines.
  if (!FAILURE_PHRASE_WORD.test(html)) return false;
  const lead = pageLines(html, 1)[0];
  return lead !== undefined && lead.length <= MAX_FAILURE_PHRASE && FAILURE_PHRASE.test(lead);
}

/** The opening words of a one-line refusal (a success line may hold such words later: "3 rows, 0 invalid"). */
const LEADING_FAILURE =
  /^(?:bad (?:[\w-]+ ){0,2}request|invalid|expired|missing|revoked|unauthori[sz]ed|forbidden|(?:access|permission) denied|no such|unable to|cannot|can't|could not|failed to|too many)\b/i;

/** `ERR: 001, Authentication failed`, `ERROR: 101 - Invalid credentials`, `FAILED: Insufficient balance`. */
const STATUS_LINE =
  /^(?:ERR|ERROR|FAIL|FAILED|FAILURE)\s*[:|-]\s*(?:([A-Z0-9][A-Z0-9_.-]{0,19})\s*[,:|-]\s*)?([^\r\n<>]{3,300})$/i;
/**
 * `ERROR invalid KEY`, `ERROR insufficient units` (TextNG's SMS API): the status word in capitals, a space, then the
 * reason in a lower-case word; a sentence that opens with the word ("Error rate is 0%") is not one.
 */
const UPPER_STATUS_LINE = /^(?:ERR|ERROR|FAIL|FAILED|FAILURE) ([a-z][^\r\n<>]{2,200})$/;

/**
 * `ERROR:14`, `ERR: 103`, `ERROR: INVALID_TOKEN`: a status line that gives only the code (SMS gateways' plain-text
 * APIs document the meaning of each number apart). A number, a short letter prefix and a number (`E42`), or an
 * upper-case token with an underscore, never a word.
 */
const CODE_ONLY_STATUS_LINE =
  /^(?:ERR|ERROR|FAIL|FAILED|FAILURE)[ \t]*[:|-][ \t]*(-?\d{1,6}|[A-Z]{1,4}\d{1,6}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/i;

/** The code of a text body that is one code-only error status line; undefined otherwise. */
function codeOnlyStatusLine(text: string): string | undefined {
  if (text.length > 80) return undefined;
  const m = CODE_ONLY_STATUS_LINE.exec(text.trim());
  // The case-insensitive prefix must not make a lower-case word a code (`error: none`).
  return m && /^-?\d+$|^[A-Z0-9_]+$/.test(m[1]) ? m[1] : undefined;
}

/** A short plain-text answer that is one error status line, as its code and message; undefined otherwise. */
function statusLine(text: string): { code?: string; message?: string } | undefined {
  if (text.length > 320) return undefined;
  const lone = text.trim();
  const code = codeOnlyStatusLine(lone);
  if (code !== undefined) return { code };
  if (isLoneFailureWord(lone)) return { message: lone };
  if (lone.length <= MAX_FAILURE_PHRASE && FAILURE_PHRASE.test(lone)) return { message: lone };
  // "Bad API request, invalid api_dev_key": one line that opens with a failure phrase and says failure as a whole.
  if (!/[\r\n<]/.test(lone) && LEADING_FAILURE.test(lone) && saysFailureAlone(lone)) return { message: lone };
  const upper = UPPER_STATUS_LINE.exec(lone);
  if (upper) return { message: upper[1].trim() };
  const m = STATUS_LINE.exec(text.trim());
  if (!m || !/[A-Za-z]/.test(m[2])) return undefined;
  return { code: m[1] && /\d|^[A-Z_]+$/.test(m[1]) ? m[1] : undefined, message: m[2].trim() };
}

/** One `Key=value` line (Google ClientLogin's `Error=BadAuthentication`, `Info=…`): a name, `=`, the rest of the line. */
const KEY_VALUE_LINE = /^[A-Za-z_][\w.\-]{0,63}=[^\r\n]*$/;

const KEY_VALUE_START = /^[A-Za-z_][\w.\-]{0,63}=/;

/** A body of `Key=value` lines only, at least two, as its lines; undefined otherwise. */
function keyValueLines(text: string): string[] | undefined {
  // The first line decides for most bodies (a sentence, a stack trace) before any split.
  if (!text.includes('\n') || !KEY_VALUE_START.test(text)) return undefined;
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2 || lines.length > 64 || !lines.every((line) => KEY_VALUE_LINE.test(line))) return undefined;
  return lines;
}

/**
 * `a=1&b=two`: at least two pairs, no line breaks; bounded. Values may hold spaces: gateways send them unencoded
 * (`auth_response_text=Exact Match`, MeS; `COMMENTAIRE=Demande traitée avec succès`, Paybox).
 */
const FORM_BODY = /^[A-Za-z_][\w.\-[\]]{0,63}=[^&\r\n]*(?:&[A-Za-z_][\w.\-[\]]{0,63}=[^&\r\n]*)+$/;
/** A value as form encoding escapes it: a `%XX` escape, no space. */
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * Whether `Key=value` lines carry their values form-encoded (Micropayment's NVP answers:
 * `errorMessage=Authorization+failed+-+Reason%3A+accesskey+wrong`): some value holds a `%XX` escape and none a space.
 */
function linesAreEncoded(lines: string[]): boolean {
  let escaped = false;
  for (const line of lines) {
    const value = line.slice(line.indexOf('=') + 1).trim();
    if (/\s/.test(value)) return false;
    if (PERCENT_ESCAPE.test(value)) escaped = true;
  }
  return escaped;
}

/** A form-encoded answer wrapped in one element (`<cngateway>result=7&respmessage=Failed</cngateway>`, CASHNet). */
const FORM_IN_ELEMENT = /^\s*<([A-Za-z][\w.-]{0,63})>([^<>]{3,8192})<\/\1>\s*$/;

/** The form fields of an XML body that is one element around a form-encoded answer; undefined otherwise. */
function formInElement(text: string): Record<string, string> | undefined {
  if (text.length > 8300) return undefined;
  const m = FORM_IN_ELEMENT.exec(text);
  return m ? formFields(decodeEntities(m[2])) : undefined;
}

/**
 * A form-encoded body as an object, or undefined. NVP list fields (`L_ERRORCODE0`) are read as their
 * first item under the bare name (`ERRORCODE`); later items are left out.
 */
export function formFields(text: string): Record<string, string> | undefined {
  if (text.length > 8192 || !text.includes('=')) return undefined;
  const t = text.trim();
  const form = FORM_BODY.test(t);
  const lines = form ? undefined : keyValueLines(t);
  if (!form && !lines) return undefined;
  const encoded = lines !== undefined && linesAreEncoded(lines);
  const out: Record<string, string> = {};
  let n = 0;
  for (const pair of lines ?? t.split('&')) {
    if (++n > 64) break;
    const eq = pair.indexOf('=');
    let key = pair.slice(0, eq);
    const list = /^L_([A-Za-z_]+?)(\d+)$/.exec(key);
    if (list) {
      if (list[2] !== '0') continue;
      key = list[1];
    }
    try {
      // Lines carry their values as written, unless they are form-encoded too (linesAreEncoded).
      const raw = pair.slice(eq + 1);
      const value = lines && !encoded ? raw.trim() : decodeURIComponent(raw.trim().replace(/\+/g, ' '));
      if (!Object.prototype.hasOwnProperty.call(out, key))
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    } catch {
      return undefined; // malformed percent-encoding: not a form body
    }
  }
  return out;
}

/** A JSON key (in the raw text) that names an ID, a reference, a wait or a retry flag. */
const ID_WAIT_OR_RETRY_KEY =
  /(?:[iI][dD]|[iI]dentifier|[rR]ef|[rR]eference|[pP]hrase|[iI]nstance|[tT]race|[sS]upport_?[cC]ode|[eE]nce_?[cC]ode|[rR]eference_?[tT]oken)"\s*:|"[^"]{0,40}(?:[rR]etr|[wW]ait|[aA]fter|[tT]ransient|[cC]ooldown|[bB]ackoff|[rR]eset_?[iI]n|[lL]imit_?[nN]ext|[dD]urability)[^"]{0,40}"\s*:/;

// Lower camel words too (`invalidParameter`, `rateLimitExceeded`: Google's v1 `reason`), never a sentence.
const MACHINE_TOKEN =
  /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]+(?:[A-Z][a-z0-9]+)+|(?:[A-Z][a-z0-9]+)+(?:Error|Exception|Fault))$/;
