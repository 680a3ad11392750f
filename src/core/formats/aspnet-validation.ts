// ASP.NET Core ValidationProblemDetails / ProblemDetails: problem+json with `errors: {Field: ["…"]}`
// and `traceId` (a W3C traceparent, the id to quote).
// Source: https://learn.microsoft.com/aspnet/core/web-api/handle-errors ,
// https://learn.microsoft.com/dotnet/api/microsoft.aspnetcore.mvc.validationproblemdetails

import type { FormatRecognizer } from '../types';
import { problemFields } from './problem-json';
import { compact, get, has, isRecord, str } from './util';

export const aspnetValidation: FormatRecognizer = {
  id: 'aspnet-validation',
  title: 'ASP.NET Core (Validation)ProblemDetails {title, status, errors: {Field: [..]}, traceId}',
  priority: 90,
  kinds: ['json'],
  keys: ['traceId'],
  recognize({ body }) {
    const j = body.json;
    if (!isRecord(j) || str(j, 'traceId') === undefined || !has(j, 'title') || typeof get(j, 'status') !== 'number')
      return null;
    const fields = problemFields(j);
    // Validation titles are generic ("One or more validation errors occurred."): the first field error says more.
    const first = fields.fieldErrors?.[0];
    return compact({
      saysFailure: true,
      ...fields,
      message: first && !str(j, 'detail') ? `${first.field}: ${first.message}` : fields.message,
      errorId: str(j, 'traceId'),
      errorIdField: 'traceId',
    });
  },
};
