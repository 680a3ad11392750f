// XML error documents that say what failed in attributes: the root element's flag (`<result error="true">`, as the
// `Status="ERROR"` attribute Namecheap puts on its root says it) and the code on an `<error code="…">` element that
// holds child elements (`<error code="unauthorized"><message>…</message></error>`), as Newznab's self-closed
// `<error code="100" …/>` and Namecheap's `<Error Number="…">text</Error>` carry theirs. A 2xx with such a flag is a
// failure (fixtures README: "a 2xx whose body says it failed"); the code is the API's (label conventions C4).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const xml = (name: string, status: number, body: string, expect: Variant['expect']): Variant => ({
  name,
  status,
  type: 'application/xml;charset=UTF-8',
  body,
  expect,
});

const FAILURES: Variant[] = [
  xml(
    'root error="true" on a 200, message in a child element',
    200,
    "<result error='true' apiversion='6'><error><message>Job ID does not exist: 42</message></error></result>",
    { failure: true, message: 'Job ID does not exist: 42' },
  ),
  xml(
    'root success="false" on a 200',
    200,
    '<?xml version="1.0"?><response success="false"><message>The session has expired</message></response>',
    { failure: true, message: 'The session has expired' },
  ),
  xml(
    '<error code="…"> with a child <message> on a 403',
    403,
    "<result error='true' apiversion='17'><error code='unauthorized'><message>user is not authorized for: /api/17/job</message></error></result>",
    { failure: true, errorCode: 'unauthorized', message: 'is not authorized for: /api/17/job' },
  ),
  xml(
    '<error code="…"> with a child <message> inside a success="false" root on a 200',
    200,
    '<response success="false"><error code="E_LIMIT"><message>Daily limit of 100 calls reached</message></error></response>',
    { failure: true, errorCode: 'E_LIMIT', message: 'Daily limit of 100 calls reached' },
  ),
];

const SUCCESSES: Variant[] = [
  xml(
    'root error="false" stays a success',
    200,
    "<result error='false' apiversion='17'><job id='42'><name>nightly</name></job></result>",
    { failure: false },
  ),
  xml('root success="true" stays a success', 200, '<response success="true"><item id="1">one</item></response>', {
    failure: false,
  }),
  xml(
    'a flag on an inner element is no verdict on the call',
    200,
    '<jobs count="2"><job id="1" failed="true"><name>a</name></job><job id="2" failed="false"><name>b</name></job></jobs>',
    { failure: false },
  ),
];

describe('XML error attributes: a root failure flag and an <error code> with children', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('XML error attributes: flags that say success, and flags below the root, stay successes', () => {
  it.each(rows(SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
