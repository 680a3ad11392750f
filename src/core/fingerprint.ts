// Stable, non-cryptographic fingerprints for comparing retries without keeping secrets or bodies.
import { headerValue } from './headers';
import type { HeaderList } from './types';

/** FNV-1a, 32 bit, over UTF-16 code units; hex. Enough to tell "same body" from "changed body". */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Request headers that carry credentials; their values feed the fingerprint and are never stored. */
export const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'api_token',
  'api-token',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'private-token',
  'x-amz-security-token',
] as const;

/** Fingerprint of the credentials a request carried, or undefined when it carried none. */
export function credentialsFingerprint(headers: HeaderList | undefined): string | undefined {
  if (!headers) return undefined;
  const parts: string[] = [];
  for (const name of CREDENTIAL_HEADERS) {
    const value = headerValue(headers, name);
    if (value !== undefined) parts.push(`${name}=${value}`);
  }
  return parts.length ? fnv1a(parts.join('\n')) : undefined;
}

export function bodyHash(body: string | undefined): string {
  return body ? fnv1a(body) : 'empty';
}

/** Cookies differ between sources (webRequest hides them in Chrome), so they stay out of the fingerprint. */
export function credentialsFingerprintOf(headers: HeaderList | undefined): string | undefined {
  if (!headers) return undefined;
  const list = Array.isArray(headers)
    ? headers
    : Object.entries(headers).map(([name, value]) => ({ name, value: value as string }));
  return credentialsFingerprint(list.filter((h) => h.name.toLowerCase() !== 'cookie'));
}
