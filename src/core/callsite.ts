// The call site of a request: the script stack DevTools records as the HAR entry's `_initiator`
// (Chrome: { type: 'script', stack: { callFrames, parent } }; 'parser' with url + lineNumber for markup),
// and the first frame of it that is the app's own code rather than a library's. Pure.
import { isRecord } from './is-record';
import type { CallFrame } from './types';

/** Frames kept per stack: a call site needs the top; the detail shows a readable whole. */
export const MAX_STACK_FRAMES = 40;

/**
 * Scripts that are libraries, not the app being debugged: package folders, vendor bundles, CDNs and
 * the usual HTTP clients, by URL. Data, so a new library is a new line.
 */
export const LIBRARY_URL_PATTERNS: readonly RegExp[] = [
  /\/node_modules\//,
  /\/\.vite\/deps\//,
  /\/(?:vendors?|third[-_]party|lib|libs)\//i,
  /[/.~-]vendors?[.~-][^/]*\.m?js(?:[?#]|$)/i,
  /\/(?:chunk-vendors|framework|polyfills?|runtime~?main|webpack-runtime)[.-][^/]*\.m?js/i,
  /\/\/(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|ajax\.googleapis\.com|code\.jquery\.com|esm\.sh|cdn\.skypack\.dev)\//i,
  /\/(?:axios|jquery|ky|superagent|ofetch|zone|rxjs|lodash|react-dom|react|vue|angular|preact|sentry|apollo-client|graphql-request|swr|tanstack|urql)(?:[.-][^/]*)?\.m?js(?:[?#]|$)/i,
  /^(?:chrome|moz)-extension:/,
];

export function isLibraryUrl(url: string): boolean {
  return LIBRARY_URL_PATTERNS.some((re) => re.test(url));
}

function frameOf(raw: unknown): CallFrame | null {
  if (!isRecord(raw) || typeof raw.url !== 'string' || raw.url === '') return null;
  const line = Number(raw.lineNumber);
  const column = Number(raw.columnNumber);
  return {
    functionName: typeof raw.functionName === 'string' ? raw.functionName.slice(0, 200) : '',
    url: raw.url.slice(0, 2000),
    lineNumber: Number.isInteger(line) && line >= 0 ? line : 0,
    columnNumber: Number.isInteger(column) && column >= 0 ? column : 0,
  };
}

/**
 * The frames of a HAR `_initiator`, innermost first, async parents (await, Promise.then) followed;
 * a parser initiator gives its one location. Undefined when there is no stack (type 'other', Firefox).
 */
export function callStackOf(initiator: unknown): CallFrame[] | undefined {
  if (!isRecord(initiator)) return undefined;
  const frames: CallFrame[] = [];
  let stack: unknown = initiator.stack;
  for (let depth = 0; isRecord(stack) && depth < 32 && frames.length < MAX_STACK_FRAMES; depth++) {
    if (Array.isArray(stack.callFrames)) {
      for (const raw of stack.callFrames) {
        const frame = frameOf(raw);
        if (frame) frames.push(frame);
        if (frames.length >= MAX_STACK_FRAMES) break;
      }
    }
    stack = stack.parent;
  }
  if (frames.length === 0 && initiator.type === 'parser') {
    const frame = frameOf({
      url: initiator.url,
      lineNumber: initiator.lineNumber,
      columnNumber: initiator.columnNumber,
    });
    if (frame) frames.push(frame);
  }
  return frames.length > 0 ? frames : undefined;
}

/** The app's frame that made the call: the first outside a library, else the innermost one. */
export function callSiteOf(stack: readonly CallFrame[] | undefined): CallFrame | null {
  if (!stack || stack.length === 0) return null;
  return stack.find((f) => !isLibraryUrl(f.url)) ?? stack[0];
}

/** `app.js:42`: the file name and the 1-based line, as Chrome's Initiator column shows it. */
export function frameLocation(frame: CallFrame): string {
  let file = frame.url;
  try {
    const u = new URL(frame.url);
    file = u.pathname.split('/').filter(Boolean).pop() ?? u.host;
  } catch {
    file = frame.url.split(/[/?#]/).filter(Boolean).pop() ?? frame.url;
  }
  return `${file || frame.url}:${frame.lineNumber + 1}`;
}

/** `loadItems (app.js:42)`, or `(anonymous) (app.js:42)`. */
export function formatFrame(frame: CallFrame): string {
  return `${frame.functionName || '(anonymous)'} (${frameLocation(frame)})`;
}

/** The group key of a call site: function + URL + line (columns differ for calls on one line). */
export function callSiteKey(frame: CallFrame | null): string {
  return frame ? `${frame.functionName || '(anonymous)'} ${frame.url}:${frame.lineNumber + 1}` : '(no call site)';
}
