// Spec text → a plain document: JSON or YAML, with hard limits so a hostile file gives a message,
// never a hang. Only the options page, the panel's drop and the CLI parse text; stored specs are JSON.
import { parse as parseYaml } from 'yaml';

/** Largest spec accepted (the GitHub REST spec is 13 MB). */
export const MAX_SPEC_BYTES = 24 * 1024 * 1024;
/** Deepest nesting of objects and arrays accepted. */
export const MAX_SPEC_DEPTH = 200;
/** YAML aliases expanded at most this many times (billion-laughs guard). */
const MAX_YAML_ALIASES = 1000;

export type ParsedText = { ok: true; document: unknown; format: 'json' | 'yaml' } | { ok: false; error: string };

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Line and column of a character offset, for messages. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return `line ${line}, column ${offset - last}`;
}

/** The first place nesting passes MAX_SPEC_DEPTH, as a JSON pointer; null when it never does. Iterative. */
export function tooDeep(document: unknown, maxDepth = MAX_SPEC_DEPTH): string | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: document, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return path || '/';
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: `${path}/${i}`, depth: depth + 1 }));
    else
      for (const key of Object.keys(value))
        stack.push({
          value: (value as Record<string, unknown>)[key],
          path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
          depth: depth + 1,
        });
  }
  return null;
}

/** Parses spec text (JSON first when it looks like JSON, else YAML). Never throws. */
export function parseSpecText(text: string, name = 'the spec'): ParsedText {
  if (typeof text !== 'string') return { ok: false, error: `${name}: not text` };
  // UTF-16 length is a lower bound of the byte size: enough for the cap.
  if (text.length > MAX_SPEC_BYTES)
    return { ok: false, error: `${name} is ${mb(text.length)}; the limit is ${mb(MAX_SPEC_BYTES)}` };
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) return { ok: false, error: `${name} is empty` };
  let document: unknown;
  let format: 'json' | 'yaml';
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    format = 'json';
    try {
      document = JSON.parse(trimmed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      return {
        ok: false,
        error: `${name} is not valid JSON${at ? ` at ${lineColumn(trimmed, Number(at[1]))}` : ''}: ${message.slice(0, 200)}`,
      };
    }
  } else {
    format = 'yaml';
    try {
      document = parseYaml(trimmed, {
        maxAliasCount: MAX_YAML_ALIASES,
        uniqueKeys: false,
        merge: true,
        prettyErrors: true,
      });
    } catch (error) {
      const e = error as { message?: string; linePos?: Array<{ line: number; col: number }> };
      const pos = e.linePos?.[0];
      const first = String(e.message ?? error)
        .split('\n')[0]
        .slice(0, 200);
      return {
        ok: false,
        error: `${name} is not valid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${first}`,
      };
    }
  }
  const deep = tooDeep(document);
  if (deep !== null)
    return { ok: false, error: `${name} nests deeper than ${MAX_SPEC_DEPTH} levels at ${deep.slice(0, 200)}` };
  return { ok: true, document, format };
}
