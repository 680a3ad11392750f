// OGC web services (WMS, WFS, WCS, WMTS, CSW, SOS) answer a failed request with an exception report, often on a 200
// (WMS 1.3.0 Annex E; OWS Common 1.1 §8): `<ServiceExceptionReport><ServiceException code="…">text` or
// `<ows:ExceptionReport><ows:Exception exceptionCode="…"><ows:ExceptionText>text`. The report is a failure (fixtures
// README: "a 2xx whose body says it failed"), its code attribute is the code (label conventions C4) and its text the
// message; `NoApplicableCode` is the standard's "no code" value. Bodies written from the standards' examples.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';

const ogc = (name: string, status: number, type: string, body: string, expect: Variant['expect']): Variant => ({
  name,
  status,
  type,
  body,
  expect,
});

const REPORTS: Variant[] = [
  ogc(
    'WMS 1.1.1 report with a DOCTYPE, text with surrounding white space, on a 200',
    200,
    'application/vnd.ogc.se_xml',
    '<?xml version="1.0"?>\n<!DOCTYPE ServiceExceptionReport SYSTEM "http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd">\n<ServiceExceptionReport version="1.1.1">\n  <ServiceException code="InvalidSRS">\n    Invalid SRS given : EPSG:99999\n  </ServiceException>\n</ServiceExceptionReport>',
    { failure: true, errorCode: 'InvalidSRS', message: 'Invalid SRS given : EPSG:99999' },
  ),
  ogc(
    'WMS 1.3.0 report in the ogc namespace, one line, on a 200',
    200,
    'text/xml',
    '<ServiceExceptionReport xmlns="http://www.opengis.net/ogc" version="1.3.0"><ServiceException code="StyleNotDefined" locator="styles">Style not found: night</ServiceException></ServiceExceptionReport>',
    { failure: true, errorCode: 'StyleNotDefined', message: 'Style not found: night' },
  ),
  ogc(
    'OWS 1.1 ExceptionReport with exceptionCode and ExceptionText, on a 200',
    200,
    'application/xml',
    '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:Exception exceptionCode="MissingParameterValue" locator="typeNames"><ows:ExceptionText>The query requires a typeNames value</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
    { failure: true, errorCode: 'MissingParameterValue', message: 'The query requires a typeNames value' },
  ),
  ogc(
    'NoApplicableCode is no code; the text is still the message (on a 500)',
    500,
    'text/xml',
    '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.0.0"><ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Timeout while reading the tile store</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
    { failure: true, errorCode: null, message: 'Timeout while reading the tile store' },
  ),
];

const NOT_REPORTS: Variant[] = [
  ogc(
    'a capabilities document that lists its exception formats stays a success',
    200,
    'text/xml',
    '<WMS_Capabilities version="1.3.0"><Capability><Exception><Format>XML</Format><Format>INIMAGE</Format></Exception><Layer><Name>roads</Name></Layer></Capability></WMS_Capabilities>',
    { failure: false },
  ),
];

describe('OGC exception reports: a failure whatever the status, code attribute and text read by the standard', () => {
  it.each(rows(REPORTS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('OGC documents that only name exceptions stay successes', () => {
  it.each(rows(NOT_REPORTS))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
