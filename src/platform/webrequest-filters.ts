// Which webRequest filters get 'extraHeaders' in Chrome. With it on any listener that matches a
// request, Chrome routes that request's headers through the browser process and waits for it (its
// TrustedHeaderClient), on top of the events themselves. Faultline needs it only to see CORS
// preflights, which Chrome sends only for fetch/XHR (and beacons): only those resource types pay.

/** The resource types a CORS preflight can belong to, and the type Chrome may give the preflight itself. */
export const PREFLIGHT_RESOURCE_TYPES: readonly string[] = ['xmlhttprequest', 'ping', 'other'];

export interface ListenerFilter {
  /** The filter's `types`; undefined: every type. */
  types?: string[];
  extraHeaders: boolean;
}

/**
 * The listeners one event needs: with 'extraHeaders' available and the browser's resource types
 * known, one with it for the preflight types and one without for every other type (together: every
 * request, each once); otherwise one listener for everything, with 'extraHeaders' where available.
 */
export function listenerFilters(extraHeaders: boolean, resourceTypes: readonly string[] | null): ListenerFilter[] {
  if (!extraHeaders) return [{ extraHeaders: false }];
  if (!resourceTypes || !PREFLIGHT_RESOURCE_TYPES.every((t) => resourceTypes.includes(t)))
    return [{ extraHeaders: true }];
  const rest = resourceTypes.filter((t) => !PREFLIGHT_RESOURCE_TYPES.includes(t));
  const filters: ListenerFilter[] = [{ types: [...PREFLIGHT_RESOURCE_TYPES], extraHeaders: true }];
  if (rest.length) filters.push({ types: rest, extraHeaders: false });
  return filters;
}
