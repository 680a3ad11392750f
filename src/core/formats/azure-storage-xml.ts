// Azure Storage (Blob, Queue, File, Table-XML) errors: `<Error><Code/><Message>…\nRequestId:<guid>\nTime:…</Message></Error>`.
// The request id lives inside the message text; the `x-ms-request-id` header carries it too.
// Source: https://learn.microsoft.com/rest/api/storageservices/status-and-error-codes2

import type { FormatRecognizer } from '../types';
import { compact, tagText } from './util';
import { xmlText } from './xml-util';

const REQUEST_ID_IN_MESSAGE = /RequestId:\s*([0-9a-f]{8}-[0-9a-f-]{27,})/i;

/** Codes Azure Storage documents as transient. */
const TRANSIENT = new Set(['ServerBusy', 'OperationTimedOut', 'InternalError']);

/**
 * Whether the message could carry `RequestId:`: literally, or spelled with entities or CDATA that
 * tagText undoes. Saves the tag scans on the AWS bodies that share the element names.
 */
function mayHoldRequestId(xml: string): boolean {
  return /requestid:/i.test(xml) || xml.includes('&') || xml.includes('<![CDATA[') || xml.includes(']]>');
}

export const azureStorageXml: FormatRecognizer = {
  id: 'azure-storage-xml',
  title: 'Azure Storage XML <Error><Code><Message>…RequestId:…</Message>',
  priority: 81,
  kinds: ['xml', 'text', 'html'],
  recognize({ body, header }) {
    const xml = xmlText(body);
    if (!xml || !xml.includes('<Error') || !xml.includes('<Code>')) return null;
    if (header('x-ms-request-id') === undefined && !mayHoldRequestId(xml)) return null;
    const raw = tagText(xml, 'Message');
    const idMatch = raw ? REQUEST_ID_IN_MESSAGE.exec(raw) : null;
    if (!idMatch && header('x-ms-request-id') === undefined) return null;
    const errorCode = tagText(xml, 'Code');
    // Keep the sentence, drop the RequestId/Time trailer.
    const message = raw?.replace(/\s*RequestId:[\s\S]*$/i, '').trim() || raw;
    const detail = tagText(xml, 'AuthenticationErrorDetail');
    return compact({
      saysFailure: true,
      errorCode,
      message: detail && message ? `${message} ${detail}` : message,
      errorId: idMatch?.[1],
      errorIdField: idMatch ? 'Error.Message (RequestId:)' : undefined,
      retryable: errorCode && TRANSIENT.has(errorCode) ? true : undefined,
    });
  },
};
