// AWS XML errors: S3 `<Error><Code/><Message/><RequestId/><HostId/></Error>`, the Query protocol
// (SQS, SNS, IAM, STS, CloudFormation) `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`
// and EC2 `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`.
// S3 support also asks for HostId; it repeats the x-amz-id-2 response header, which ids.ts reads.
// Sources: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html ,
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html#operation-error-serialization ,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html

import type { FormatRecognizer } from '../types';
import { AWS_RETRYABLE_CODES } from './aws-json';
import { compact, tagText } from './util';
import { xmlText } from './xml-util';

/** A SOAP 1.1 or 1.2 Envelope's Fault element, whatever the prefixes. */
const SOAP_FAULT = /<(?:[\w.-]+:)?Envelope[\s>][\s\S]*<(?:[\w.-]+:)?Fault[\s>]/;

export const awsXml: FormatRecognizer = {
  id: 'aws-xml',
  title: 'AWS XML <Error><Code><Message><RequestId>',
  priority: 80,
  kinds: ['xml', 'text', 'html'],
  recognize({ body, exchange }) {
    const xml = xmlText(body);
    if (!xml || !xml.includes('<Error') || !xml.includes('<Code>')) return null;
    // A SOAP fault (`<Envelope><Body><Fault>`) is the SOAP protocol's, whatever `<Error><Code>` its detail holds:
    // AWS answers no SOAP call with one, and the fault's own code says whose fault it is.
    if (SOAP_FAULT.test(xml)) return null;
    const errorCode = tagText(xml, 'Code');
    // AWS codes are names; `<Code>400</Code>` repeating the status is another API's (Azure Service Bus).
    if (!errorCode || errorCode === String(exchange.status)) return null;
    // Azure Storage uses the same element names; it is recognized separately (RequestId inside Message).
    const requestId = tagText(xml, 'RequestId') ?? tagText(xml, 'RequestID');
    const message = tagText(xml, 'Message');
    return compact({
      saysFailure: true,
      errorCode,
      message,
      errorId: requestId,
      errorIdField: requestId ? 'Error.RequestId' : undefined,
      retryable: AWS_RETRYABLE_CODES.has(errorCode) ? true : undefined,
    });
  },
};
