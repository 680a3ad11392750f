// Session 28 (learn28a): Spring Boot's Whitelabel Error Page, pasted from Spring services of every kind (a model
// repository's 500, a saga example's WebFlux 500, a 404 with no handler): the message is "There was an unexpected error
// (type=…, status=…)." and the exception's own line under it, not the page's fixed heading and fallback note; WebFlux's
// bracketed log prefix is the ID to quote.
import { describe, expect, it } from 'vitest';
import { htmlMessage, whitelabelPage } from './markup';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const page = (error: string, ...rest: string[]) =>
  `<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div id='created'>Wed Nov 07 05:23:08 UTC 2018</div><div>${error}</div>${rest.map((r) => `<div>${r}</div>`).join('')}</body></html>`;

const PAGES: Variant[] = [
  {
    name: "the exception's message under the error line",
    status: 500,
    body: page('There was an unexpected error (type=Internal Server Error, status=500).', 'No value present'),
    expect: { failure: true, errorCode: null, errorId: null, message: 'No value present' },
  },
  {
    name: 'WebFlux: the bracketed request id is the ID',
    status: 502,
    body: page(
      '[9f1c2a7e-3] There was an unexpected error (type=Bad Gateway, status=502).',
      'Connection refused: upstream/10.0.0.7:8080',
    ),
    expect: { failure: true, errorId: '9f1c2a7e-3', message: 'Connection refused: upstream/10.0.0.7:8080' },
  },
  {
    name: 'no message exposed: the error line',
    status: 404,
    body: page('There was an unexpected error (type=Not Found, status=404).', 'No message available'),
    expect: { failure: true, message: 'There was an unexpected error (type=Not Found, status=404).' },
  },
];

describe('Whitelabel Error Page', () => {
  it.each(rows(PAGES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it('the page is read in one place: the generic page reader does not know the layout, the recognizer’s message stands', () => {
    const html = page('There was an unexpected error (type=Conflict, status=409).', 'Duplicate key');
    expect(htmlMessage(html)).toMatch(/^Whitelabel Error Page/);
    expect(whitelabelPage(html)?.message).toBe(
      'There was an unexpected error (type=Conflict, status=409). Duplicate key',
    );
  });
  it('another page that mentions the product is no whitelabel page', () =>
    expect(
      whitelabelPage('<html><body><h1>Whitelabel Error Page</h1><p>How to disable it</p></body></html>'),
    ).toBeUndefined());
});
