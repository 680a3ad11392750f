// OAuth 2.0 token/authorization errors (RFC 6749 §5.2; also Auth0 Authentication API, Okta /token,
// PayPal /v1/oauth2/token, Google OAuth): `{error: "invalid_grant", error_description, error_uri}`.
// Source: https://www.rfc-editor.org/rfc/rfc6749#section-5.2

import type { FormatRecognizer } from '../types';
import { compact, has, str } from './util';

export const oauth2: FormatRecognizer = {
  id: 'oauth2',
  title: 'OAuth 2.0 {error, error_description, error_uri}',
  priority: 58,
  kinds: ['json'],
  keys: ['error'],
  recognize({ body }) {
    const j = body.json;
    const error = str(j, 'error');
    if (error === undefined || (!has(j, 'error_description') && !has(j, 'error_uri'))) return null;
    return compact({ saysFailure: true, errorCode: error, message: str(j, 'error_description') });
  },
};
