// Shape-based fallbacks for a failure whose body no dictionary key explained (diag24, issue 13): the miss
// diagnosis (`corpus/tools/diagnose.ts`) found that most messages the engine missed on unseen APIs sat at the
// top of the body or in its error object under a key no dictionary lists. They run only after the scored
// walk found nothing, and only for a certain failure, so they never outrank a dictionary key.
import { DATA_CONTAINERS, isErrorContainer, normalizeKey } from './dictionaries';

const hasOwn = Object.prototype.hasOwnProperty;

/** Keys whose sentences are not the API's message: links, help text, the request echoed, timestamps. */
const NOT_MESSAGE_KEY =
  /(?:url|uri|href|link|path|docs?|documentation|help|hint|suggestion|solution|stack|trace|timestamp|time|date|query|sql|input|request|method|host|version|name|title|label)$/;

/** An error container's object (`error: {…}`) or its first item (`errors: [{…}]`), with its path. */
function errorObjectAt(norm: string, key: string, v: object): [string, Record<string, unknown>] | undefined {
  if (!isErrorContainer(norm) || DATA_CONTAINERS.has(norm)) return undefined;
  if (!Array.isArray(v)) return [key, v as Record<string, unknown>];
  const first: unknown = v[0];
  return first !== null && typeof first === 'object' && !Array.isArray(first)
    ? [`${key}[0]`, first as Record<string, unknown>]
    : undefined;
}

/** Objects looked into: the body itself and the error objects directly under it. */
const MAX_KEYS = 32;
const MIN_WORDS = 3;
const MAX_LENGTH = 1000;

/** A sentence a person would read: letters, at least three words, no URL. */
function sentence(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s.length > MAX_LENGTH || !/[A-Za-z\u00C0-\uFFFF]/.test(s) || /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return undefined;
  return s.split(/\s+/).length >= MIN_WORDS ? s : undefined;
}

/**
 * The first sentence under a key no dictionary knows, at the top of `scope` or one level down in an error
 * container (`{error: {…}}`); payload containers and link/help/echo keys are skipped. Undefined when none.
 */
export function unlistedMessage(
  scope: unknown,
  known: (norm: string) => boolean,
): { text: string; path: string } | undefined {
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  const obj = scope as Record<string, unknown>;
  const nested: Array<[string, Record<string, unknown>]> = [];
  let n = 0;
  for (const key in obj) {
    if (!hasOwn.call(obj, key) || ++n > MAX_KEYS) break;
    const norm = normalizeKey(key);
    const v = obj[key];
    if (v !== null && typeof v === 'object') {
      const inner = errorObjectAt(norm, key, v);
      if (inner) nested.push(inner);
      continue;
    }
    if (known(norm) || NOT_MESSAGE_KEY.test(norm)) continue;
    const text = sentence(v);
    if (text) return { text, path: key };
  }
  for (const [key, inner] of nested) {
    const found = unlistedMessage(inner, known);
    if (found && !/[.[]/.test(found.path)) return { text: found.text, path: `${key}.${found.path}` };
  }
  return undefined;
}
