// Text tagged with its language (issue 13): OData v3 writes `message: {lang: "en-US", value: "…"}`, so the
// message is the string under `value`. Only an object of exactly those two keys with a language tag; locale maps
// (`{en: "…", de: "…"}`) keep their reading.
// Sources: corpus/tools/learn-s30c-sources.md (Exchange Online reporting web service `odata.error`).
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const TAGGED: Variant[] = [
  {
    name: 'OData v3 odata.error with an empty code, on a 400',
    status: 400,
    body: { 'odata.error': { code: '', message: { lang: 'en-US', value: 'Unknown property StartDat in $filter' } } },
    expect: { failure: true, errorCode: null, message: 'Unknown property StartDat in $filter' },
  },
  {
    name: 'the same with a code and a two-letter tag, on a 404',
    status: 404,
    body: {
      'odata.error': {
        code: 'ResourceNotFound',
        message: { lang: 'de', value: 'Die angeforderte Ressource wurde nicht gefunden.' },
      },
    },
    expect: {
      failure: true,
      errorCode: 'ResourceNotFound',
      message: 'Die angeforderte Ressource wurde nicht gefunden.',
    },
  },
  {
    name: 'a top-level error object whose message is tagged text, on a 500',
    status: 500,
    body: { error: { code: 'InternalError', message: { lang: 'en', value: 'Backend job queue is unavailable.' } } },
    expect: { failure: true, errorCode: 'InternalError', message: 'Backend job queue is unavailable.' },
  },
];

const COUNTER: Variant[] = [
  {
    name: 'counter: a locale map is still read in English',
    status: 400,
    body: { code: 'E_RANGE', message: { en: 'Date range too long.', de: 'Zeitraum zu lang.' } },
    expect: { failure: true, errorCode: 'E_RANGE', message: 'Date range too long.' },
  },
  {
    name: 'counter: tagged text under a key no dictionary knows is not the message',
    status: 400,
    body: { code: 'E_SORT', message: 'Sort key rejected', sort: { lang: 'en', value: 'by price in descending order' } },
    expect: { failure: true, errorCode: 'E_SORT', message: 'Sort key rejected' },
  },
];

describe('tagged language text gives its value', () => {
  it.each(rows(TAGGED))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
describe('locale maps and other objects keep their reading', () => {
  it.each(rows(COUNTER))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
