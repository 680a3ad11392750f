// Payment gateways' and legacy APIs' answers on a 200 that are not JSON (issue 13, learn30a; sources in
// corpus/tools/learn-s30a-sources.md): form-encoded (`response=2&responsetext=DECLINE`), `KEY=value` lines and XML,
// whose result fields say the transaction was declined or the call failed. The vocabulary is the one gateway SDKs
// test for (ActiveMerchant's gateways: result codes 0/00/000 and 1, APPROVED/SUCCESS/OK, DECLINED/REFUSED/REJECTED/
// ERROR/FAILED). Shapes written from those answers with other values; the look-alike successes beside them must stay
// successes (fixtures README: "a 2xx whose body says it failed").
import { describe, expect, it } from 'vitest';
import { rows, variantMismatches, type Variant } from '../testing/variants';
import { formFields, statusVerdict } from './index';
import { resultFieldsVerdict } from './result-fields';

const TEXT = 'text/plain; charset=utf-8';
const XML = 'text/xml; charset=utf-8';
const answer = (name: string, type: string, body: string, expect: Variant['expect']): Variant => ({
  name,
  status: 200,
  type,
  method: 'POST',
  body,
  expect,
});

const DECISION_WORD_FAILURES: Variant[] = [
  answer(
    'form: responsetext DECLINED beside response=2',
    TEXT,
    'response=2&responsetext=DECLINED&authcode=&transactionid=88123&type=sale',
    {
      failure: true,
      message: 'DECLINED',
    },
  ),
  answer(
    'lines: Status=Declined with a word:code:text reason',
    TEXT,
    'Status=Declined\nReason=DECLINED:2001:Card expired:\nresult=0\nhistoryid=5521',
    { failure: true, errorCode: '2001', message: 'Card expired' },
  ),
  answer(
    'XML: the transaction REFUSED under a request-level Success, its reason beside it',
    XML,
    '<Reply><Summary><Status>Success</Status><Info>Request was successful.</Info></Summary><Txn><Id>77</Id><Status>REFUSED</Status><FailReason>Issuer refused the card</FailReason></Txn></Reply>',
    { failure: true, message: 'Issuer refused the card' },
  ),
  answer(
    'SOAP: an approval status FAILED;code;text',
    XML,
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SaleResponse><SaleResult><ApprovalStatus>FAILED;2017;card type not accepted</ApprovalStatus><Amount>5.00</Amount></SaleResult></SaleResponse></soap:Body></soap:Envelope>',
    { failure: true, errorCode: '2017', message: 'card type not accepted' },
  ),
  answer(
    'XML: an Approved field that says DECLINED, its error text empty',
    XML,
    '<Result><OrderID>9</OrderID><Approved>DECLINED</Approved><ErrMsg/><FullTotal>3.00</FullTotal></Result>',
    { failure: true },
  ),
];

const DECISION_WORD_SUCCESSES: Variant[] = [
  answer(
    'form: responsetext APPROVED beside response=1',
    TEXT,
    'response=1&responsetext=APPROVED&authcode=123456&transactionid=88124',
    {
      failure: false,
    },
  ),
  answer(
    'XML: Approved APPROVED beside an empty error element',
    XML,
    '<Result><OrderID>9</OrderID><Approved>APPROVED</Approved><ErrMsg/><FullTotal>3.00</FullTotal></Result>',
    { failure: false },
  ),
  answer(
    'XML: Ack Warning beside an error entry (a call that went through with a warning)',
    XML,
    '<AddItemResponse><Ack>Warning</Ack><Errors><LongMessage>Funds may be held for a while.</LongMessage><ErrorCode>21917</ErrorCode><SeverityCode>Warning</SeverityCode></Errors><ItemID>4</ItemID></AddItemResponse>',
    { failure: false },
  ),
  answer(
    'XML: a card check field says FAILED, the transaction is approved',
    XML,
    '<Result><AVSResult>FAILED</AVSResult><CVV2Result>M</CVV2Result><Status>APPROVED</Status></Result>',
    { failure: false },
  ),
];

const RESULT_CODE_FAILURES: Variant[] = [
  answer(
    'form: error_code other than 0 beside its text',
    TEXT,
    'transaction_id=0&error_code=117&auth_response_text=Invalid%20card%20number',
    {
      failure: true,
      errorCode: '117',
      message: 'Invalid card number',
    },
  ),
  answer(
    'lines: ssl_result 1 beside a text that says not approved',
    TEXT,
    'ssl_result=1\r\nssl_result_message=The request has not been approved. Use another card.\r\n',
    { failure: true, errorCode: '1', message: 'has not been approved' },
  ),
  answer(
    'XML: a negative ResultCode beside its ResultText',
    XML,
    '<Resp><ResultCode>-2</ResultCode><ResultText>Card type not accepted</ResultText><Ref>x1</Ref></Resp>',
    { failure: true, errorCode: '-2', message: 'Card type not accepted' },
  ),
  answer(
    'XML: a status beside its own code and description',
    XML,
    '<V_XML><Transaction Command="Debit"><Result Status="-1" Code="22" Description="Card number missing" /></Transaction></V_XML>',
    { failure: true, errorCode: '22', message: 'Card number missing' },
  ),
  answer(
    'XML: a named error code token beside its description',
    XML,
    '<answer><header><id>ab12</id></header><status><errorCode>Validation_MissingField</errorCode><description>Missing field: amount</description></status></answer>',
    { failure: true, errorCode: 'Validation_MissingField', message: 'Missing field: amount' },
  ),
  answer(
    'XML: an error element with a code attribute and its text, deep in the reply',
    XML,
    '<paymentService><reply><orderStatus orderCode="A1"><error code="12"><![CDATA[Order has already been settled]]></error></orderStatus></reply></paymentService>',
    { failure: true, errorCode: '12', message: 'Order has already been settled' },
  ),
  answer(
    'form wrapped in one element: result 9 beside respmessage',
    XML,
    '<gw>result=9&respmessage=Card not accepted</gw>',
    {
      failure: true,
      errorCode: '9',
    },
  ),
];

const RESULT_CODE_SUCCESSES: Variant[] = [
  answer(
    'form: a non-zero approval code beside a text that says ok',
    TEXT,
    'transaction_id=ab&error_code=085&auth_response_text=Card Ok&auth_code=T19',
    {
      failure: false,
    },
  ),
  answer('form: error_code 000', TEXT, 'transaction_id=ab&error_code=000&auth_response_text=Exact Match&auth_code=1A', {
    failure: false,
  }),
  answer(
    'form: response=1 SUCCESS beside response_code=100',
    TEXT,
    'response=1&responsetext=SUCCESS&authcode=1&response_code=100',
    {
      failure: false,
    },
  ),
  answer('form wrapped in one element: result 0', XML, '<gw>result=0&respmessage=Success&tx=12</gw>', {
    failure: false,
  }),
  answer(
    'lines: error=0 with the transaction SUCCESS and a result text in German',
    TEXT,
    'error=0\nsessionStatus=SUCCESS\ntransactionStatus=SUCCESS\ntransactionResultCode=00\ntransactionResultMessage=Funktion+fehlerfrei+durchgef%C3%BChrt',
    { failure: false },
  ),
];

// Successes of gateways' own SDK fixtures that a looser reading took for failures (ActiveMerchant's successful_* answers).
const LOOK_ALIKE_SUCCESSES: Variant[] = [
  answer(
    'form: response=1 beside response_code=100 and a text that is no success word',
    TEXT,
    'response=1&responsetext=Customer Added&authcode=&response_code=100&customer_vault_id=42',
    {
      failure: false,
    },
  ),
  answer(
    'XML: result 00 at the top over a nested score whose result is 89',
    XML,
    "<response timestamp='1'><orderid>o1</orderid><result>00</result><message>[ test system ] Authorised 1234</message><tss><result>89</result><check id='1000'>9</check></tss></response>",
    { failure: false },
  ),
  answer(
    'SOAP: a Result element holding the id of what was created',
    XML,
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><CreateCustomerResponse><CreateCustomerResult>7712345</CreateCustomerResult></CreateCustomerResponse></soap:Body></soap:Envelope>',
    { failure: false },
  ),
  answer(
    'XML: Ack SuccessWithWarning beside a warning entry with its code',
    XML,
    '<DoPaymentResponse><Ack>SuccessWithWarning</Ack><Errors><ShortMessage>Card verified.</ShortMessage><LongMessage>This verification is not a payment.</LongMessage><ErrorCode>10574</ErrorCode><SeverityCode>Warning</SeverityCode></Errors><TransactionID>T1</TransactionID></DoPaymentResponse>',
    { failure: false },
  ),
  answer(
    'XML: a result code beside a text that says the transaction is under review',
    XML,
    '<Response><TransactionResult><Result>126</Result><Message>Under review by Fraud Service</Message><PNRef>A7</PNRef></TransactionResult></Response>',
    { failure: false },
  ),
];

const FLAG_AND_HOLDER_FAILURES: Variant[] = [
  answer(
    'form: an approval flag 0 beside its text',
    TEXT,
    'merchant_id=1&trnId=55&trnApproved=0&messageId=7&messageText=Card+number+invalid',
    {
      failure: true,
      message: 'Card number invalid',
    },
  ),
  answer(
    'form: success=no beside an error text',
    TEXT,
    'FinalStatus=badcard&success=no&MErrMsg=Card%20is%20expired%2e',
    {
      failure: true,
      message: 'Card is expired',
    },
  ),
  answer(
    'XML: an exception element with its description and code, under a response',
    XML,
    '<SearchResults><request><value>abc</value></request><response><usage>Data is updated daily.</usage><exception><exceptionDescription>Search text is not a valid number</exceptionDescription><exceptionCode>SEARCH</exceptionCode></exception></response></SearchResults>',
    { failure: true, message: 'Search text is not a valid number' },
  ),
  {
    name: 'form answer labelled text/html (no tag in it): ResponseCode 05 beside its message',
    status: 200,
    type: 'text/html',
    method: 'POST',
    body: 'ResponseCode=05&Message=CARD REFUSED BY ISSUER&MerchantName=Shop One',
    expect: { failure: true, errorCode: '05', message: 'CARD REFUSED BY ISSUER' },
  },
  answer('text: ERROR in capitals, a space and a lower-case reason', TEXT, 'ERROR unknown sender id', {
    failure: true,
    message: 'unknown sender id',
  }),
];

const FLAG_AND_HOLDER_SUCCESSES: Variant[] = [
  answer(
    'form: an approval flag 1 beside its text',
    TEXT,
    'merchant_id=1&trnId=56&trnApproved=1&messageId=1&messageText=Approved',
    {
      failure: false,
    },
  ),
  answer(
    'XML: an exception element whose code is 0',
    XML,
    '<Result><exception><exceptionDescription>No exception occurred here</exceptionDescription><exceptionCode>0</exceptionCode></exception><value>42</value></Result>',
    { failure: false },
  ),
  {
    name: 'an HTML page stays a page (a tag in it)',
    status: 200,
    type: 'text/html',
    body: '<p>a=1&b=2</p>',
    expect: { failure: false },
  },
  answer('text: a sentence that opens with Error', TEXT, 'Error rate is 0% today', { failure: false }),
];

describe('non-JSON answers whose decision field says declined or failed are failures on a 2xx', () => {
  it.each(rows(DECISION_WORD_FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('non-JSON answers whose decision field says approved (or only a card check failed) stay successes', () => {
  it.each(rows(DECISION_WORD_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('non-JSON answers with a result code other than 0 beside its text are failures on a 2xx', () => {
  it.each(rows(RESULT_CODE_FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('non-JSON answers with a zero code, a success flag or a text that says ok stay successes', () => {
  it.each(rows(RESULT_CODE_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('name-value encodings', () => {
  it('reads form-encoded KEY=value lines decoded (a %XX escape, no space in any value)', () => {
    expect(formFields('error=3000\nerrorMessage=Authorization+failed%3A+key+wrong\n')).toEqual({
      error: '3000',
      errorMessage: 'Authorization failed: key wrong',
    });
  });
  it('keeps lines as written when a value holds a space (a plus sign is then a plus sign)', () => {
    expect(formFields('Status=OK\nPhone=+49 30 1234\nNote=50%25 off')).toEqual({
      Status: 'OK',
      Phone: '+49 30 1234',
      Note: '50%25 off',
    });
  });
  it('reads a form body whose values hold spaces as sent', () => {
    expect(formFields('a=1&text=Exact Match&b=x+y')).toEqual({ a: '1', text: 'Exact Match', b: 'x y' });
  });
  it('says nothing of an answer without result fields', () => {
    expect(resultFieldsVerdict({ name: 'Ada', city: 'Oslo' })).toBeUndefined();
  });
  it('an error element whose code is 0 is no failure', () => {
    expect(
      resultFieldsVerdict({ item: { title: 'x', error: { code: '0', '#text': 'no error here' } } }),
    ).toBeUndefined();
  });
  it('an error field holding "0" as text is no error, as error: 0 is not', () => {
    expect(statusVerdict({ error: '0', sessionStatus: 'SUCCESS' })).toBeUndefined();
    expect(statusVerdict({ error: '3000', errorMessage: 'Authorization failed' })).toBe(true);
  });
  it('an error object whose own toString is not a function is read, not converted to text (fuzzing found the throw)', () => {
    expect(() => statusVerdict(JSON.parse('{"error":{"toString":""}}'))).not.toThrow();
  });
});

describe('non-JSON answers with a false approval flag, an exception element or an upper-case ERROR line are failures on a 2xx', () => {
  it.each(rows(FLAG_AND_HOLDER_FAILURES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('a true approval flag, an exception element with code 0, a page and a sentence stay successes', () => {
  it.each(rows(FLAG_AND_HOLDER_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});

describe('look-alike successes of gateway SDK fixtures stay successes', () => {
  it.each(rows(LOOK_ALIKE_SUCCESSES))('%s', (_name, v) => expect(variantMismatches(v)).toEqual([]));
});
