import { describe, expect, it } from 'vitest';
import {
  DEVTOOLS_PORT_PREFIX,
  PANEL_PORT_PREFIX,
  PROTOCOL_VERSION,
  envelope,
  isEnvelope,
  isEnvelopeOf,
  parseEnvelope,
  parseEnvelopeOf,
  tabIdFromPortName,
} from './messages';
import { assertNever } from '../core/assert-never';

const exchange = {
  method: 'GET',
  url: 'https://a.test/',
  status: 500,
  responseHeaders: [{ name: 'retry-after', value: '5' }],
};

describe('envelopes', () => {
  it('builds envelopes that the guards recognize', () => {
    const msg = envelope('panel/hello', { tabId: 3, protocol: PROTOCOL_VERSION });
    expect(isEnvelope(msg)).toBe(true);
    expect(isEnvelopeOf(msg, 'panel/hello')).toBe(true);
    expect(isEnvelopeOf(msg, 'panel/clear')).toBe(false);
    expect(parseEnvelope(msg)).toEqual(msg);
  });

  it('rejects foreign messages and unknown types', () => {
    expect(parseEnvelope(null)).toBeNull();
    expect(parseEnvelope('panel/hello')).toBeNull();
    expect(parseEnvelope({ type: 'panel/hello', payload: { tabId: 1, protocol: 1 } })).toBeNull();
    expect(
      parseEnvelope({ source: 'other-extension', type: 'panel/hello', payload: { tabId: 1, protocol: 1 } }),
    ).toBeNull();
    expect(parseEnvelope({ source: 'faultline', type: 'panel/explode', payload: {} })).toBeNull();
    expect(parseEnvelope({ source: 'faultline', type: 'toString', payload: {} })).toBeNull();
  });

  it('rejects payloads of the wrong shape', () => {
    const bad = [
      { type: 'panel/hello', payload: { tabId: '3', protocol: 1 } },
      { type: 'panel/hello', payload: { tabId: -1, protocol: 1 } },
      { type: 'panel/hello', payload: { tabId: 1.5, protocol: 1 } },
      { type: 'panel/set-preserve', payload: { tabId: 1, preserve: 'yes' } },
      { type: 'panel/clear', payload: null },
      {
        type: 'devtools/finished',
        payload: { tabId: 1, entries: [{ exchange: { ...exchange, status: '500' }, bodyState: 'captured' }] },
      },
      { type: 'devtools/finished', payload: { tabId: 1, entries: [{ exchange, bodyState: 'half' }] } },
      {
        type: 'devtools/finished',
        payload: {
          tabId: 1,
          entries: [{ exchange: { ...exchange, responseHeaders: [{ name: 'x', value: 5 }] }, bodyState: 'captured' }],
        },
      },
      { type: 'devtools/finished', payload: { tabId: 1, exchange, bodyState: 'captured' } },
      {
        type: 'devtools/har-backfill',
        payload: {
          tabId: 1,
          entries: [
            { exchange, bodyState: 'captured' },
            { exchange: {}, bodyState: 'captured' },
          ],
        },
      },
    ];
    for (const msg of bad) expect(parseEnvelope({ source: 'faultline', ...msg }), JSON.stringify(msg)).toBeNull();
  });

  it('accepts well-formed DevTools payloads, with header lists or records', () => {
    const finished = envelope('devtools/finished', {
      tabId: 1,
      entries: [
        { exchange, bodyState: 'not-captured' },
        { exchange, bodyState: 'captured', requestId: '7' },
      ],
    });
    expect(parseEnvelope(finished)).not.toBeNull();
    const backfill = envelope('devtools/har-backfill', {
      tabId: 1,
      entries: [
        {
          exchange: { ...exchange, responseHeaders: { 'retry-after': '5' }, body: '{}' },
          bodyState: 'captured',
          resourceType: 'fetch',
        },
      ],
    });
    expect(parseEnvelope(backfill)).not.toBeNull();
  });

  it('restricts a receiver to the types it accepts', () => {
    const upsert = envelope('bg/cleared', {
      tabId: 1,
      stats: { seen: 0, droppedRecords: 0, truncatedBodies: 0, droppedBodies: 0, bodiesArriving: false },
    });
    expect(parseEnvelopeOf(upsert, ['panel/hello', 'panel/clear'])).toBeNull();
    expect(parseEnvelopeOf(upsert, ['bg/cleared'])).toEqual(upsert);
  });

  it('narrows the payload by type in a switch over the accepted types (typechecked)', () => {
    const read = (value: unknown): string => {
      const msg = parseEnvelopeOf(value, ['panel/hello', 'panel/set-preserve']);
      if (!msg) return 'ignored';
      switch (msg.type) {
        case 'panel/hello':
          return `hello v${msg.payload.protocol}`;
        case 'panel/set-preserve':
          return `preserve ${msg.payload.preserve}`;
        default:
          return assertNever(msg);
      }
    };
    expect(read(envelope('panel/hello', { tabId: 1, protocol: 3 }))).toBe('hello v3');
    expect(read(envelope('panel/set-preserve', { tabId: 1, preserve: true }))).toBe('preserve true');
    expect(read(envelope('panel/clear', { tabId: 1 }))).toBe('ignored');
    // A type paired with another type's payload does not compile.
    // @ts-expect-error 'panel/hello' needs its protocol
    envelope('panel/hello', { tabId: 1, preserve: true });
  });

  it('reads the tab id from a port name', () => {
    expect(tabIdFromPortName(`${PANEL_PORT_PREFIX}42`, PANEL_PORT_PREFIX)).toBe(42);
    expect(tabIdFromPortName(`${DEVTOOLS_PORT_PREFIX}42`, PANEL_PORT_PREFIX)).toBeNull();
    expect(tabIdFromPortName(`${PANEL_PORT_PREFIX}-1`, PANEL_PORT_PREFIX)).toBeNull();
    expect(tabIdFromPortName(`${PANEL_PORT_PREFIX}4x`, PANEL_PORT_PREFIX)).toBeNull();
    expect(tabIdFromPortName(PANEL_PORT_PREFIX, PANEL_PORT_PREFIX)).toBeNull();
  });
});
