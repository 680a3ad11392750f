// The error an OAuth-protected resource puts in its WWW-Authenticate challenge (RFC 6750 §3, also
// DPoP, RFC 9449 §7.1, and step-up, RFC 9470 §3): `Bearer realm="api", error="invalid_token",
// error_description="The access token expired"`. Spring Security's resource server, Doorkeeper, ASP.NET
// Core's JwtBearer and most API gateways answer a rejected token with this header and an empty body.
// Pure; never throws.

/** Longest challenge read: real ones are a few hundred characters. */
const MAX_CHALLENGE = 4096;

/** `error` and `error_description` auth-params: a token or a quoted-string (RFC 9110 §11.2). */
const PARAM = /(?:^|[\s,])(error|error_description)\s*=\s*(?:"((?:[^"\\]|\\.){0,1000})"|([^\s,"]{1,200}))/gi;
/** The error codes are tokens (`invalid_token`, `insufficient_scope`, `use_dpop_nonce`). */
const ERROR_TOKEN = /^[A-Za-z0-9][A-Za-z0-9_.\-]{1,79}$/;

export interface ChallengeError {
  error?: string;
  description?: string;
}

/** The `error` and `error_description` of a WWW-Authenticate value, or undefined when it has none. */
export function challengeError(value: string | null | undefined): ChallengeError | undefined {
  if (!value || value.length > MAX_CHALLENGE || !/error/i.test(value)) return undefined;
  const out: ChallengeError = {};
  PARAM.lastIndex = 0;
  for (let m = PARAM.exec(value); m !== null; m = PARAM.exec(value)) {
    const raw = (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]).trim();
    if (!raw) continue;
    if (m[1].toLowerCase() === 'error') {
      if (out.error === undefined && ERROR_TOKEN.test(raw)) out.error = raw;
    } else if (out.description === undefined) out.description = raw;
  }
  return out.error !== undefined || out.description !== undefined ? out : undefined;
}
