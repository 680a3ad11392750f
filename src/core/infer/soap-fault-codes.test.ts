// SOAP faults are protocol code: the fault code says whose fault it is (SOAP 1.1 §4.4.1 Client/Server, SOAP 1.2
// part 1 §5.4.6 Sender/Receiver). Sender/Client: the request must change, never retryable; Receiver/Server: the
// HTTP status decides. A vendor recognizer (AWS XML `<Error><Code>`) does not take a fault whose detail looks like its own.
import { describe, expect, it } from 'vitest';
import { classify } from '../classify';

const post = (status: number, body: string, contentType = 'application/soap+xml; charset=utf-8') =>
  classify({
    method: 'POST',
    url: 'https://soap.example.test/service',
    status,
    responseHeaders: { 'content-type': contentType },
    body,
  });

const soap12 = (value: string, text: string, detail = '') =>
  '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>' +
  `<env:Code><env:Value>env:${value}</env:Value></env:Code><env:Reason><env:Text xml:lang="en">${text}</env:Text></env:Reason>` +
  `${detail ? `<env:Detail>${detail}</env:Detail>` : ''}</env:Fault></env:Body></env:Envelope>`;

const soap11 = (code: string, text: string) =>
  '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault>' +
  `<faultcode>soap:${code}</faultcode><faultstring>${text}</faultstring></soap:Fault></soap:Body></soap:Envelope>`;

describe('SOAP fault codes', () => {
  it("a SOAP 1.2 Sender fault is the caller's: not retryable even on a 500, with the detail's application code", () => {
    const c = post(
      500,
      soap12('Sender', 'session token missing', '<Error xmlns="urn:app"><Code>auth.NO_TOKEN</Code></Error>'),
    );
    expect(c).toMatchObject({
      failure: true,
      retryable: false,
      errorCode: 'auth.NO_TOKEN',
      message: 'session token missing',
    });
    // The detail's `<Error><Code>` is the application's, not an AWS error document.
    expect(c.format).not.toBe('aws-xml');
  });

  it('a SOAP 1.2 Receiver fault leaves retrying to the status: a 503 may be retried, like any 503', () => {
    const c = post(503, soap12('Receiver', 'backend is restarting'));
    expect(c).toMatchObject({ failure: true, message: 'backend is restarting' });
    expect(c.retryable).toBe(post(503, '<html><body>backend is restarting</body></html>', 'text/html').retryable);
    expect(c.retryable).toBe(true);
  });

  it('a SOAP 1.1 Client fault is not retryable; a Server fault on the same 500 is judged by the status', () => {
    const client = post(500, soap11('Client', 'Invalid account number'), 'text/xml');
    const server = post(500, soap11('Server', 'Database connection lost'), 'text/xml');
    expect(client).toMatchObject({ failure: true, retryable: false, message: 'Invalid account number' });
    expect(server.failure).toBe(true);
    expect(server.retryable).toBe(
      post(500, '<html><body>Database connection lost</body></html>', 'text/html').retryable,
    );
  });

  it("an AWS XML error outside any SOAP envelope is still the AWS recognizer's", () => {
    const c = post(
      403,
      '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>',
      'application/xml',
    );
    expect(c).toMatchObject({ format: 'aws-xml', errorCode: 'AccessDenied', errorId: '4442587FB7D0A2F9' });
  });
});
