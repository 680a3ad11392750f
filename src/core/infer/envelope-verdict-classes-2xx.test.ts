// Session 30 (learn30b, issue #13): 2xx JSON envelopes whose failure sits where the verdict did not look, and the
// successes that look like them. Each class is a shape several APIs share (sources in
// corpus/tools/learn-s30b-sources.md and the dev cases named below), not one vendor's answer:
//   - a failure status spelled as a kebab-case identifier (`status: "invalid-token"`, Technitium DNS);
//   - a body that is only a nonzero error code under a key naming itself one (`{errorCode: "108"}`, Youdao);
//   - a payload slot that holds nothing but an error (`content: {error: "LOGIN_ERROR"}`, Tiny Tiny RSS);
//   - a status holder one level down that failed while the outer status says the request arrived
//     (`{status: "success", answer: {status: "error", errors}}`, Beget);
//   - a lone variant tag of a sum type (`{Err: …}`, serde's Result; `{EvaluationFailure: …}`, Ogmios);
//   - a fault object at the top (`{type: "jsonwsp/fault", fault: {code, string}}`, JSON-WSP as Ladon and Ogmios send it);
//   - the class of the exception the call ended in, in a small body (`{field, error_class, id}`, Liquid Web Storm);
//   - the envelope's words in the API's language: `resultado`/`estado` holding `error`/`erro`/`fallo`, `exito`/`sucesso`
//     false, `mensaje`/`mensagem` as the message, `codigo` as the code; `status: "NG"` (Japanese APIs' OK/NG), `fatal`;
// and the look-alike successes:
//   - a success sentence under any message key beside a nonzero result code (`{code: 1000, desc: "Command completed
//     successfully"}`, the EPP result code 1000 that registrars' JSON APIs pass on);
//   - a code that is a success word (`{code: "Accepted", message}`, Globus Transfer).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const ok = (name: string, body: unknown, expect: Variant['expect']): Variant => ({ name, status: 200, body, expect });

const KEBAB_STATUS: Variant[] = [
  ok('status "invalid-token" fails', { status: 'invalid-token' }, { failure: true }),
  ok(
    'status "invalid-request" beside a message fails',
    { status: 'invalid-request', message: 'zone missing' },
    { failure: true },
  ),
  ok('status "access-denied" fails', { status: 'access-denied' }, { failure: true }),
];
const KEBAB_STATUS_SUCCESSES: Variant[] = [
  ok('status "in-progress" stays a success', { status: 'in-progress' }, { failure: false }),
  ok('status "up-to-date" stays a success', { status: 'up-to-date' }, { failure: false }),
  ok('status "no-error" stays a success', { status: 'no-error' }, { failure: false }),
];

const CODE_ONLY: Variant[] = [
  ok('a lone errorCode "108" fails', { errorCode: '108' }, { failure: true, errorCode: '108' }),
  ok('a lone error_code 7 fails', { error_code: 7 }, { failure: true, errorCode: '7' }),
  ok(
    'errorCode "202" beside an error message fails',
    { errorCode: '202', errorMessage: 'sign check failed' },
    { failure: true },
  ),
];
const CODE_ONLY_SUCCESSES: Variant[] = [
  ok('a lone errorCode "0" stays a success', { errorCode: '0' }, { failure: false }),
  ok('a lone errorCode 0 stays a success', { errorCode: 0 }, { failure: false }),
  ok('a lone errorCode null stays a success', { errorCode: null }, { failure: false }),
  ok('a lone code 5 (not named an error code) stays a success', { code: 5 }, { failure: false }),
  ok(
    'errorCode "0" beside a translation stays a success',
    { errorCode: '0', translation: ['hello'] },
    { failure: false },
  ),
];

const ERROR_ONLY_PAYLOAD: Variant[] = [
  ok(
    'content holding only an error token fails',
    { seq: 0, status: 1, content: { error: 'LOGIN_ERROR' } },
    { failure: true },
  ),
  ok(
    'data holding only an error sentence fails',
    { data: { error: 'Session expired, log in again' } },
    { failure: true },
  ),
  ok('payload holding only an errors list fails', { payload: { errors: ['name is required'] } }, { failure: true }),
];
const ERROR_ONLY_PAYLOAD_SUCCESSES: Variant[] = [
  ok('content with a null error stays a success', { seq: 0, status: 0, content: { error: null } }, { failure: false }),
  ok('data with an empty error stays a success', { data: { error: '' } }, { failure: false }),
  ok('data with an empty errors list stays a success', { data: { errors: [] } }, { failure: false }),
  ok('data with error false stays a success', { data: { error: false } }, { failure: false }),
  ok(
    'content with an error beside its data stays a success',
    { content: { error: null, items: [1, 2] } },
    { failure: false },
  ),
];

const NESTED_HOLDER: Variant[] = [
  ok(
    'answer.status "error" under an outer success fails with the answer\'s error',
    {
      status: 'success',
      answer: { status: 'error', errors: [{ error_code: 'INVALID_DATA', error_text: 'Login too long' }] },
    },
    { failure: true, errorCode: 'INVALID_DATA', message: 'Login too long' },
  ),
  ok('answer.success false fails', { answer: { success: false, message: 'Domain is locked' } }, { failure: true }),
];
const NESTED_HOLDER_SUCCESSES: Variant[] = [
  ok(
    'answer.status "success" stays a success',
    { status: 'success', answer: { status: 'success', result: { A: [] } } },
    { failure: false },
  ),
  ok(
    'an answer record with a draft status stays a success',
    { answer: { id: 7, status: 'draft', text: 'Yes' } },
    { failure: false },
  ),
  ok('an answers list stays a success', { status: 'ok', answer: [{ status: 'error', id: 1 }] }, { failure: false }),
  ok(
    'a looked-up job whose state failed, under an outer success, stays a success',
    { status: 'success', message: 'ok', result: { status: 'failed', job: 'export-7' } },
    { failure: false },
  ),
];

const VARIANT_TAG: Variant[] = [
  ok('a lone Err tag fails', { Err: { ClientCallback: 'recipient is not listening' } }, { failure: true }),
  ok(
    'a lone Err tag holding a string fails with it as the message',
    { Err: 'insufficient funds' },
    { failure: true, message: 'insufficient funds' },
  ),
  ok(
    'a JSON-RPC result Err with one variant gives the variant as code and its text as message',
    { jsonrpc: '2.0', id: 1, result: { Err: { NotEnoughFunds: 'need 5, have 2' } } },
    { failure: true, errorCode: 'NotEnoughFunds', message: 'need 5, have 2', errorId: null },
  ),
  ok('a lone EvaluationFailure tag fails', { EvaluationFailure: { ScriptFailures: {} } }, { failure: true }),
  ok('a lone ValidationError tag fails', { ValidationError: { field: 'amount' } }, { failure: true }),
];
const VARIANT_TAG_SUCCESSES: Variant[] = [
  ok('a lone Ok tag stays a success', { Ok: { tx: 'abc' } }, { failure: false }),
  ok('a JSON-RPC result Ok stays a success', { jsonrpc: '2.0', id: 1, result: { Ok: null } }, { failure: false }),
  ok('a lone LastError null stays a success', { LastError: null }, { failure: false }),
  ok('a lone TotalError 0 stays a success', { TotalError: 0 }, { failure: false }),
  ok('a lone EvaluationResult tag stays a success', { EvaluationResult: { spend: 1 } }, { failure: false }),
  ok('a lowercase error-named lone key with data stays data', { errorRate: { p50: 0.1 } }, { failure: false }),
];

const SUCCESS_SENTENCE: Variant[] = [
  ok(
    'code 1000 beside desc "Command completed successfully" is a success',
    { code: 1000, desc: 'Command completed successfully', runtime: 0.28 },
    { failure: false },
  ),
  ok(
    'code 1000 beside description "Request processed successfully" is a success',
    { code: 1000, description: 'Request processed successfully' },
    { failure: false },
  ),
  ok(
    'code "Canceled" beside "The task has been cancelled successfully." is a success',
    { code: 'Canceled', message: 'The task has been cancelled successfully.' },
    { failure: false },
  ),
  ok(
    'code "Accepted" beside its message is a success',
    {
      code: 'Accepted',
      message: 'The transfer has been accepted and a task has been created and queued for execution',
    },
    { failure: false },
  ),
];
const SUCCESS_SENTENCE_FAILURES: Variant[] = [
  ok(
    'code 2003 beside desc "Required parameter missing" fails',
    { code: 2003, desc: 'Required parameter missing' },
    { failure: true, errorCode: '2003' },
  ),
  ok(
    'code 2400 beside desc "Command not completed successfully" fails',
    { code: 2400, desc: 'Command not completed successfully' },
    { failure: true },
  ),
  ok(
    'code 1 beside "Invalid parameter" fails (a number is no success word)',
    { code: 1, message: 'Invalid parameter' },
    { failure: true },
  ),
  ok(
    'code "Forbidden" beside a message fails',
    { code: 'Forbidden', message: 'You may not cancel this task' },
    { failure: true },
  ),
  ok(
    'an error reason "completed successfully" does not make a success',
    { code: 5, errorDescription: 'sync completed successfully, upload failed' },
    { failure: true },
  ),
];

const FAULT_OBJECT: Variant[] = [
  ok(
    'a JSON-WSP fault fails with its code and string',
    {
      type: 'jsonwsp/fault',
      version: '1.0',
      servicename: 'svc',
      fault: { code: 'client', string: 'Invalid request: bad payload' },
    },
    { failure: true, errorCode: 'client', message: 'Invalid request: bad payload' },
  ),
  ok(
    'a SOAP-style fault object fails',
    { fault: { faultcode: 'Client.Auth', faultstring: 'Bad token' } },
    { failure: true },
  ),
];
const FAULT_OBJECT_SUCCESSES: Variant[] = [
  ok('a null fault stays a success', { fault: null, value: 3 }, { failure: false }),
  ok('an empty fault stays a success', { fault: {}, value: 3 }, { failure: false }),
  ok(
    'a cleared fault (all zero/false) beside a reading stays a success',
    { fault: { code: 0, active: false }, temp: 21 },
    { failure: false },
  ),
  ok(
    'a JSON-WSP response stays a success',
    { type: 'jsonwsp/response', version: '1.0', result: { ok: 1 } },
    { failure: false },
  ),
];

const EXCEPTION_CLASS: Variant[] = [
  ok(
    'error_class in a small body fails with the class as code',
    { field: 'network_dns_zone', error_class: 'LW::Exception::RecordNotFound', id: '13' },
    { failure: true, errorCode: 'LW::Exception::RecordNotFound' },
  ),
  ok('a lone exception class fails', { exception: 'java.lang.IllegalStateException' }, { failure: true }),
];
const EXCEPTION_CLASS_SUCCESSES: Variant[] = [
  ok(
    'an empty exceptionType in a record stays a success',
    { id: 5, name: 'job', exceptionType: '', state: 'done' },
    { failure: false },
  ),
  ok('a null error_class beside records stays a success', { error_class: null, records: [1, 2] }, { failure: false }),
  ok(
    'an exception class beside a payload stays data',
    { exception: 'ValueError', job: { id: 1, traceback: '…' } },
    { failure: false },
  ),
];

describe("2xx fault object: a non-empty fault at the top of the body is the call's error", () => {
  it.each(rows(FAULT_OBJECT))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(FAULT_OBJECT_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx exception class: a small body naming the exception class the call ended in fails', () => {
  it.each(rows(EXCEPTION_CLASS))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(EXCEPTION_CLASS_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

const LANGUAGE_WORDS: Variant[] = [
  ok(
    'resultado "error" with a mensaje fails',
    { resultado: 'error', mensaje: 'Token inválido' },
    { failure: true, message: 'Token inválido' },
  ),
  ok(
    'sucesso false with a mensagem and a codigo fails',
    { sucesso: false, mensagem: 'CPF inválido', codigo: 'E12' },
    { failure: true, errorCode: 'E12', message: 'CPF inválido' },
  ),
  ok('exito false fails', { exito: false, mensaje: 'Comercio no habilitado' }, { failure: true }),
  ok(
    'estado "fallo" fails',
    { estado: 'fallo', descripcion: 'Saldo insuficiente' },
    { failure: true, message: 'Saldo insuficiente' },
  ),
  ok('status "erro" fails', { status: 'erro', mensagem: 'Chave inválida' }, { failure: true }),
  ok('statut "échec" beside a message fails', { status: 'échec', message: 'Clé invalide' }, { failure: true }),
  ok('status "NG" fails', { status: 'NG', message: 'parameter error' }, { failure: true }),
  ok('status "fatal" fails', { status: 'fatal', message: 'backend unreachable' }, { failure: true }),
];
const LANGUAGE_WORD_SUCCESSES: Variant[] = [
  ok(
    'exito true beside data stays a success',
    { exito: true, mensaje: 'Operación exitosa', datos: { id: 1 } },
    { failure: false },
  ),
  ok('resultado "éxito" stays a success', { resultado: 'éxito', mensaje: 'ok' }, { failure: false }),
  ok('status "sucesso" stays a success', { status: 'sucesso', mensagem: 'Cadastro realizado' }, { failure: false }),
  ok("an estado that is a record's state stays data", { estado: 'activo', nombre: 'Ana' }, { failure: false }),
  ok(
    'an estado that is a region code stays data',
    { estado: 'CA', ciudad: 'Oakland', codigo: '94607' },
    { failure: false },
  ),
  ok('a country NG beside an active status stays data', { country: 'NG', status: 'active' }, { failure: false }),
];

describe("2xx envelope words in the API's language: Spanish, Portuguese, French status words, flags, messages and codes", () => {
  it.each(rows(LANGUAGE_WORDS))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(LANGUAGE_WORD_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx kebab-case failure status: a status identifier in kebab case that names a failure fails', () => {
  it.each(rows(KEBAB_STATUS))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(KEBAB_STATUS_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx error-code-only body: a body of only a nonzero code under an error-code key fails', () => {
  it.each(rows(CODE_ONLY))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(CODE_ONLY_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx payload slot holding only an error: the payload that came back is an error', () => {
  it.each(rows(ERROR_ONLY_PAYLOAD))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(ERROR_ONLY_PAYLOAD_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx nested answer holder: an answer object whose own status failed, under an outer success', () => {
  it.each(rows(NESTED_HOLDER))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(NESTED_HOLDER_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx lone variant tag: a sum type encoded as its one tag (Err, …Failure, …Error) fails', () => {
  it.each(rows(VARIANT_TAG))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(VARIANT_TAG_SUCCESSES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('2xx success sentence or success-word code beside a result code: a success, whatever the number', () => {
  it.each(rows(SUCCESS_SENTENCE))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(SUCCESS_SENTENCE_FAILURES))('%s', (_n, v) => expect(variantMismatches(v)).toEqual([]));
});
