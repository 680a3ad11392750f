// OAuth 2.0 token/authorization errors (RFC 6749 §5.2; also Auth0 Authentication API, Okta /token,
// PayPal /v1/oauth2/token, Google OAuth): `{error: "invalid_grant", error_description, error_uri}`.
// Source: https://www.rfc-editor.org/rfc/rfc6749#section-5.2

import { statusSemantics } from '../status';
import type { FormatRecognizer } from '../types';
import { compact, has, str } from './util';

export const oauth2: FormatRecognizer = {
  id: 'oauth2',
  title: 'OAuth 2.0 {error, error_description, error_uri}',
  priority: 58,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body, exchange }) {
    const j = body.json;
    const error = str(j, 'error');
    if (error === undefined || (!has(j, 'error_description') && !has(j, 'error_uri'))) return null;
    // RFC 6749 codes are lower-case tokens; the status's reason phrase as servers print it (`"Unauthorized"` on a
    // 401, label C3) is the status echoed, not a code.
    const echoed = exchange.status >= 400 && error === statusSemantics(exchange.status).reason;
    return compact({ saysFailure: true, errorCode: echoed ? undefined : error, message: str(j, 'error_description') });
  },
};
