// A tolerant JSON parser for bodies that JSON.parse rejects: trailing commas, a missing comma
// between members or elements, comments, single-quoted strings, bare keys, Python literals and
// a body cut short (open containers are closed). It is iterative (an explicit stack), so any
// nesting depth is safe, and keys like `__proto__` become plain own data properties.

export interface LenientParse {
  ok: boolean;
  value: unknown;
  /** What had to be repaired, e.g. 'trailing comma', 'missing comma', 'closed 2 open containers'. */
  repairs: string[];
}

/** More repairs than this and the text is not JSON with typos, it is something else. */
const MAX_REPAIRS = 16;

interface Frame {
  container: Record<string, unknown> | unknown[];
  isArray: boolean;
  /** Key awaiting its value (objects only). */
  key: string | undefined;
}

const FAIL: LenientParse = { ok: false, value: undefined, repairs: [] };

const LITERALS: Record<string, unknown> = {
  true: true,
  false: false,
  null: null,
  True: true,
  False: false,
  None: null,
};

function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

export function parseJsonLenient(text: string): LenientParse {
  const n = text.length;
  let i = 0;
  const repairs: string[] = [];
  const stack: Frame[] = [];
  let root: unknown;
  let haveRoot = false;
  // What the parser wants next.
  let expect: 'value' | 'key' | 'colon' | 'after' = 'value';
  // Whether the previous token was a comma (for trailing-comma repair).
  let afterComma = false;
  // Whether whitespace or a newline separated the last value from the current token.
  let sawSpace = false;

  const repair = (what: string): boolean => {
    if (repairs.length >= MAX_REPAIRS) return false;
    repairs.push(what); // summarized (with counts) at the end
    return true;
  };

  const skipSpaceAndComments = (): void => {
    sawSpace = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0xa0) {
        i++;
        sawSpace = true;
      } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        const end = text.indexOf('\n', i);
        i = end === -1 ? n : end + 1;
        sawSpace = true;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const end = text.indexOf('*/', i + 2);
        i = end === -1 ? n : end + 2;
        sawSpace = true;
      } else break;
    }
  };

  const readString = (): string | undefined => {
    const quote = text.charCodeAt(i);
    i++;
    let out = '';
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === quote) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (/^[0-9a-fA-F]{4}$/.test(hex)) {
              out += String.fromCharCode(parseInt(hex, 16));
              i += 4;
            } else out += 'u';
            break;
          }
          case undefined:
            break;
          default:
            out += e; // \" \\ \/ \' and unknown escapes keep the character
        }
        start = i;
        continue;
      }
      i++;
    }
    // Unterminated: the body was cut inside a string.
    out += text.slice(start, n);
    if (!repair('unterminated string')) return undefined;
    return out;
  };

  const readNumber = (): number | undefined => {
    const m = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return undefined;
    i += m[0].length;
    const v = Number(m[0]);
    return Number.isNaN(v) ? undefined : v;
  };

  const readIdent = (): string => {
    const start = i;
    while (i < n && isIdentPart(text.charCodeAt(i))) i++;
    return text.slice(start, i);
  };

  /** Attaches a completed value to the current container (or makes it the root). */
  const emit = (value: unknown): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      haveRoot = true;
    } else if (top.isArray) {
      (top.container as unknown[]).push(value);
    } else {
      setMember(top.container as Record<string, unknown>, top.key as string, value);
      top.key = undefined;
    }
    afterComma = false;
  };

  while (true) {
    skipSpaceAndComments();
    if (i >= n) break;
    if (haveRoot && stack.length === 0) return FAIL; // trailing garbage after the value
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];

    // Closing brackets.
    if (c === 125 || c === 93) {
      if (!top || top.isArray !== (c === 93)) return FAIL;
      if (expect === 'colon') return FAIL;
      if (afterComma && !repair('trailing comma')) return FAIL;
      if (!top.isArray && top.key !== undefined) return FAIL;
      i++;
      stack.pop();
      emit(top.container);
      expect = 'after';
      continue;
    }

    if (c === 44) {
      // ','
      if (!top || expect !== 'after') return FAIL;
      i++;
      afterComma = true;
      expect = top.isArray ? 'value' : 'key';
      continue;
    }

    if (c === 58) {
      // ':'
      if (expect !== 'colon') return FAIL;
      i++;
      expect = 'value';
      continue;
    }

    if (expect === 'colon') return FAIL;
    if (expect === 'after') {
      // A new value or key where a comma belonged: only when whitespace separated them.
      if (!top || !sawSpace || !repair('missing comma')) return FAIL;
      expect = top.isArray ? 'value' : 'key';
    }

    if (expect === 'key') {
      const t = top;
      let key: string | undefined;
      if (c === 34 || c === 39) key = readString();
      else if (isIdentStart(c)) key = readIdent();
      if (key === undefined) return FAIL;
      t.key = key;
      expect = 'colon';
      afterComma = false;
      continue;
    }

    // expect === 'value'
    afterComma = false;
    if (c === 123) {
      i++;
      stack.push({ container: {}, isArray: false, key: undefined });
      expect = 'key';
      // `{}` is handled by the closing branch (key undefined, no trailing comma).
      continue;
    }
    if (c === 91) {
      i++;
      stack.push({ container: [], isArray: true, key: undefined });
      expect = 'value';
      continue;
    }
    if (c === 34 || c === 39) {
      const s = readString();
      if (s === undefined) return FAIL;
      emit(s);
      expect = 'after';
      continue;
    }
    if (c === 45 || c === 46 || (c >= 48 && c <= 57)) {
      const v = readNumber();
      if (v === undefined) return FAIL;
      emit(v);
      expect = 'after';
      continue;
    }
    if (isIdentStart(c)) {
      const word = readIdent();
      if (!Object.prototype.hasOwnProperty.call(LITERALS, word)) return FAIL;
      emit(LITERALS[word]);
      expect = 'after';
      continue;
    }
    return FAIL;
  }

  if (stack.length > 0) {
    // Cut short: drop a dangling key, close what is open.
    const open = stack.length;
    if (!repair(`closed ${open} open container${open === 1 ? '' : 's'}`)) return FAIL;
    while (stack.length > 0) {
      const frame = stack.pop() as Frame;
      frame.key = undefined;
      emit(frame.container);
    }
  }
  if (!haveRoot) return FAIL;
  return { ok: true, value: root, repairs: summarize(repairs) };
}

function summarize(repairs: string[]): string[] {
  const counts = new Map<string, number>();
  for (const r of repairs) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, k]) => (k > 1 ? `${r} ×${k}` : r));
}
