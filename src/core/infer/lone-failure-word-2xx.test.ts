// A 2xx plain-text answer that is one failure status word and nothing else: qBittorrent's `Fails.` on a rejected
// login, DuckDNS's `KO` on a rejected update (duckdns.org/spec.jsp: the answer is OK or KO). The words are the same
// status words the JSON and XML envelopes read as failure (`status: "KO"`, `<status>NOK</status>`), so a text body
// made of one of them fails too (fixtures README: "a 2xx whose body says it failed"). A success word, a word inside a
// longer answer and a bare number keep their reading.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const text = (name: string, body: string, expect: Variant['expect']): Variant => ({
  name,
  status: 200,
  type: 'text/plain; charset=UTF-8',
  body,
  expect,
});

const FAILURES: Variant[] = [
  text('KO (DuckDNS update rejected)', 'KO', { failure: true, errorCode: null }),
  text('KO with a line break', 'KO\n', { failure: true }),
  text('NOK', 'NOK', { failure: true }),
  text('NOTOK', 'NOTOK', { failure: true }),
  text('Denied.', 'Denied.', { failure: true }),
  text('Fails. still fails', 'Fails.', { failure: true, message: 'Fails.' }),
];

const NOT_FAILURES: Variant[] = [
  text('OK stays a success', 'OK', { failure: false }),
  text('Ok. stays a success', 'Ok.', { failure: false }),
  text('a verbose OK answer ending in NOCHANGE stays a success', 'OK\n203.0.113.7\n\nNOCHANGE', { failure: false }),
  text('a bare number stays a success', '911', { failure: false }),
  text('a name that starts with KO stays a success', 'KOALA', { failure: false }),
];

describe('lone failure word on a 2xx: a text body that is one failure status word fails', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('lone failure word on a 2xx: other short answers keep their reading', () => {
  it.each(rows(NOT_FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
