// XML bodies no vendor recognizer names are read by the same envelope inference as JSON: the document as the
// object tree its JSON form would be (elements and attributes as keys, `<Errors><Err>` as a list, SOAP unwrapped).
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';
import { inferJson } from './json';
import { xmlTree } from './xml-tree';

const xml = (status: number, body: string) =>
  classify({
    method: 'GET',
    url: 'https://api.example.test/v1/lookup',
    status,
    responseHeaders: { 'content-type': 'text/xml; charset=utf-8' },
    body,
  });

describe('XML envelopes read as JSON', () => {
  it('reads attributes as keys: a status element whose message and value attributes say failure fails a 200', () => {
    const body =
      '<places>\n<status message="the hourly limit of 2000 credits for demo has been exceeded" value="19"/>\n</places>';
    expect(xml(200, body)).toMatchObject({
      failure: true,
      message: 'the hourly limit of 2000 credits for demo has been exceeded',
    });
    // The same document's JSON form, as the inference reads it: one engine, two readers.
    const asJson = inferJson(
      { status: { message: 'the hourly limit of 2000 credits for demo has been exceeded', value: '19' } },
      200,
    );
    expect(inferJson(xmlTree(body), 200)).toEqual(asJson);
  });

  it('reads a plural wrapper of one element as a list (`<Errors><Err>`), inside a SOAP Body, so a 200 fails', () => {
    const body =
      '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
      '<GetRatesResponse xmlns="urn:rates"><GetRatesResult><Errors><Err><Code>712</Code>' +
      '<Msg>The signing certificate has expired</Msg></Err></Errors></GetRatesResult></GetRatesResponse></soap:Body></soap:Envelope>';
    expect(xmlTree(body)).toEqual({
      GetRatesResult: { Errors: [{ Code: '712', Msg: 'The signing certificate has expired' }] },
    });
    expect(xml(200, body)).toMatchObject({
      failure: true,
      errorCode: '712',
      message: 'The signing certificate has expired',
    });
  });

  it('leaves a 200 whose document reports nothing failed a success', () => {
    const body = '<places><status value="0" message="OK"/><place><name>Lyon</name><code>69123</code></place></places>';
    expect(xml(200, body).failure).toBe(false);
  });

  it('strips namespace prefixes and xmlns declarations and decodes entities, without expanding a DTD', () => {
    const body =
      '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<m:r xmlns:m="urn:x"><m:error code="E1">Tom &amp; Jerry &#x41; &b;</m:error></m:r>';
    expect(xmlTree(body)).toEqual({ error: { code: 'E1', '#text': 'Tom & Jerry A &b;' } });
  });

  it('a one-word SOAP faultstring gives way to the description in the fault detail', () => {
    const body =
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>s:Client</faultcode>' +
      '<faultstring>DeviceError</faultstring><detail><DeviceError xmlns="urn:dev"><errorCode>714</errorCode>' +
      '<errorDescription>No such entry in array</errorDescription></DeviceError></detail></s:Fault></s:Body></s:Envelope>';
    expect(xml(500, body)).toMatchObject({ failure: true, errorCode: '714', message: 'No such entry in array' });
  });

  it('reads nothing from a body too deep, without markup, or larger than the markup scan', () => {
    expect(xmlTree('<a>'.repeat(200) + 'x' + '</a>'.repeat(200))).toBeUndefined();
    expect(xmlTree('Service temporarily unavailable')).toBeUndefined();
    expect(xmlTree(`<a>${'x'.repeat(200_000)}</a>`)).toBeUndefined();
  });
});
