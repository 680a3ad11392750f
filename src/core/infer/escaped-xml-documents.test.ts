// XML replies that carry their answer as an escaped XML document in their one element (issue 13, learn30a; sources in
// corpus/tools/learn-s30a-sources.md): a SOAP result `<PurchaseCCResult>&lt;?xml …&gt;&lt;payex&gt;…` (PayEx, iVeri,
// IPPayments, Borgun) or an ASMX service's `<string>&lt;Response&gt;…</string>`. The inner document is the answer, read
// as any XML body is. Also a root `<ERROR>` that holds only its `<ERRORSTRING>` (WorldNet), judged on a 2xx.
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { readXml } from './xml-tree';

const XML = 'text/xml; charset=utf-8';
const soap = (result: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><RunResponse xmlns="http://example.test/"><RunResult>${result}</RunResult></RunResponse></soap:Body></soap:Envelope>`;
const escape = (xml: string): string => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const reply = (name: string, body: string, expect: Variant['expect']): Variant => ({
  name,
  status: 200,
  type: XML,
  method: 'POST',
  body,
  expect,
});

const FAILURES: Variant[] = [
  reply(
    'SOAP result holding an escaped document whose status names an error code',
    soap(
      escape(
        '<?xml version="1.0" encoding="utf-8" ?><answer><header><id>9f2</id></header><status><code>ValidationError_Amount</code><errorCode>ValidationError_Amount</errorCode><description>Invalid parameter: amount</description></status></answer>',
      ),
    ),
    { failure: true, errorCode: 'ValidationError_Amount', message: 'Invalid parameter: amount' },
  ),
  reply(
    'SOAP result holding an escaped document with a result status, code and description',
    soap(
      escape(
        '<V_XML Version="2.0"><Transaction><Result Status="-1" Code="31" Description="Card expired" /></Transaction></V_XML>',
      ),
    ),
    { failure: true, errorCode: '31', message: 'Card expired' },
  ),
  reply(
    'ASMX <string> holding an escaped response with a decline text',
    `<?xml version="1.0" encoding="utf-8"?><string xmlns="http://example.test/">${escape('<Response><ResponseCode>1</ResponseCode><DeclinedCode>51</DeclinedCode><DeclinedMessage>Insufficient funds</DeclinedMessage></Response>')}</string>`,
    { failure: true, message: 'Insufficient funds' },
  ),
  reply(
    'root ERROR holding only its ERRORSTRING',
    '<?xml version="1.0" encoding="UTF-8"?><ERROR><ERRORSTRING>Value with length 0 is not facet-valid for type UID.</ERRORSTRING></ERROR>',
    { failure: true, message: 'is not facet-valid' },
  ),
];

const SUCCESSES: Variant[] = [
  reply(
    'SOAP result holding an escaped document that says approved',
    soap(
      escape('<Response><ResponseCode>0</ResponseCode><Receipt>8812</Receipt><DeclinedCode></DeclinedCode></Response>'),
    ),
    { failure: false },
  ),
  reply('SOAP result holding plain text', soap('Transaction queued for settlement'), { failure: false }),
];

describe('a reply whose one element holds an escaped XML document is read by that document', () => {
  it.each(rows(FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it.each(rows(SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
  it('reads one level only', () => {
    const inner = escape('<a><b>x</b></a>');
    const doc = readXml(`<outer><mid>${escape(`<inner><c>${inner}</c></inner>`)}</mid></outer>`);
    expect(doc?.name).toBe('inner');
  });
});
