// XML replies on a 2xx whose own message, near the top, is a refusal: a registrar's `<reply><code>110</code><detail>
// Invalid API Key (Permission denied)</detail></reply>`, a gateway's `<qpstat>008</qpstat><qpstatmsg>Missing/error in
// card verification data</qpstatmsg>`. The code beside it follows no rule the reader knows (NameSilo's success is
// 300), so the words decide, as they do for a JSON body that is only a message (fixtures README: "a 2xx whose body
// says it failed"). A status word that says success, a success sentence and a message deep in a listing stay successes.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const reply = (name: string, body: string, expect: Variant['expect']): Variant => ({
  name,
  status: 200,
  type: 'text/xml; charset=utf-8',
  body,
  expect,
});

const FAILURES: Variant[] = [
  reply(
    '<reply><code> with a refusal in <detail>',
    '<registrar><request><operation>renewDomain</operation></request><reply><code>280</code><detail>Domain renewal failed: the domain is locked</detail></reply></registrar>',
    { failure: true, errorCode: '280', message: 'Domain renewal failed: the domain is locked' },
  ),
  reply(
    'a top-level status code with a refusal in its message element',
    '<?xml version="1.0"?><response><rstat>012</rstat><rstatmsg>Invalid merchant number</rstatmsg></response>',
    { failure: true, message: 'Invalid merchant number' },
  ),
];

const SUCCESSES: Variant[] = [
  reply(
    '<reply><code> with a success word',
    '<registrar><reply><code>300</code><detail>success</detail><record_id>9f1c</record_id></reply></registrar>',
    { failure: false },
  ),
  reply(
    'a status word that says success beside an "invalid" count',
    '<result><status>OK</status><message>Invalid rows skipped: 0</message><rows>12</rows></result>',
    { failure: false },
  ),
  reply(
    'a refusal deep in a listing is an item, not the reply',
    '<feed><entries><entry><log><message>Login failed for user bob</message></log></entry></entries></feed>',
    { failure: false },
  ),
];

describe('XML replies whose own message is a refusal are failures on a 2xx', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('XML replies that say success, or hold a refusal only deep inside, stay successes', () => {
  it.each(rows(SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
