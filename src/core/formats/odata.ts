// OData JSON errors (Microsoft Graph, Azure Resource Manager, Azure services, SAP, Dynamics):
// `{error: {code, message, target, details: [{code, message, target}], innererror|innerError: {request-id, client-request-id, date}}}`.
// Sources: https://learn.microsoft.com/graph/errors ,
// https://docs.oasis-open.org/odata/odata-json-format/v4.01/odata-json-format-v4.01.html#sec_ErrorResponse ,
// https://github.com/microsoft/api-guidelines/blob/vNext/azure/Guidelines.md#handling-errors
// OData v3 JSON (verbose/light) names the member `odata.error` and localizes its message:
// `{"odata.error": {code, message: {lang, value}}}` (SharePoint REST, Azure Table storage, Azure AD Graph,
// WCF Data Services; corpus/tools/reach-w-sources.md).

import type { FormatRecognizer } from '../types';
import { compact, fieldErrorsFromList, firstId, firstRecord, get, getCI, isRecord, str, strCI, text } from './util';

export const odata: FormatRecognizer = {
  id: 'odata',
  title: 'OData / Microsoft Graph / Azure {error: {code, message, details, innerError}}',
  priority: 65,
  kinds: ['json'],
  keys: ['error', 'odata.error'],
  recognize({ body }) {
    const root = body.json;
    const v3 = get(root, 'error') === undefined && isRecord(get(root, 'odata.error'));
    const errorKey = v3 ? 'odata.error' : 'error';
    const error = get(root, errorKey);
    if (!isRecord(error)) return null;
    const errCode = str(error, 'code');
    const inner = getCI(error, 'innererror');
    // SAP-style `message: {lang, value}` is OData v2.
    const msgValue = get(error, 'message');
    const message = text(msgValue) ?? str(msgValue, 'value');
    if (errCode === undefined) return null;
    // Without OData's structural members, only its PascalCase codes ("BadRequest", "Request_ResourceNotFound")
    // tell it apart from generic `{error: {code, message}}` envelopes.
    // A localized message object (`{lang, value}`) and the v3 member name are OData's own too: SharePoint's codes
    // ("-2147024809, System.ArgumentException") are no PascalCase names.
    const structural =
      v3 ||
      (isRecord(msgValue) && typeof get(msgValue, 'value') === 'string') ||
      isRecord(inner) ||
      Array.isArray(get(error, 'details')) ||
      get(error, 'target') !== undefined;
    if (!structural && (message === undefined || !/^[A-Z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)*$/.test(errCode)))
      return null;

    const innerKey = get(error, 'innerError') !== undefined ? 'innerError' : 'innererror';
    const details = get(error, 'details');
    const fieldErrors = fieldErrorsFromList(
      details,
      (d) => str(d, 'target'),
      (d) => str(d, 'message'),
    );
    return compact({
      saysFailure: true,
      errorCode: errCode,
      message: message ?? strCI(inner, 'message') ?? str(firstRecord(details), 'message'),
      ...firstId(root, [
        [errorKey, innerKey, 'request-id'],
        [errorKey, innerKey, 'requestId'],
        [errorKey, innerKey, 'client-request-id'],
      ]),
      fieldErrors: fieldErrors.length ? fieldErrors : undefined,
    });
  },
};
