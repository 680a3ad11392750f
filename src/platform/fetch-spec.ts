// Fetching a spec from a URL: only on the user's click in the options page. Asks for the origin's
// host permission first when the browser has not granted it (Firefox grants host access per origin).
import browser from 'webextension-polyfill';
import { MAX_SPEC_BYTES } from '../core/openapi/parse';

export async function fetchSpecText(url: string): Promise<string> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${url} is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`${url}: only http and https URLs can be fetched`);
  const origins = [`${parsed.protocol}//${parsed.hostname}/*`];
  const granted = await browser.permissions.contains({ origins }).catch(() => false);
  if (!granted && !(await browser.permissions.request({ origins }).catch(() => false))) {
    throw new Error(`access to ${parsed.host} was not granted, so the spec was not fetched`);
  }
  // No cookies: the spec is public to the user's own session only if they choose a file instead.
  const response = await fetch(parsed.href, { credentials: 'omit', cache: 'no-store', redirect: 'follow' });
  if (!response.ok)
    throw new Error(`${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_SPEC_BYTES)
    throw new Error(
      `${url} is ${(length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
    );
  return await response.text();
}
