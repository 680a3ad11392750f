// The default branch of a switch over a union: a member added to the union but not handled fails
// to compile here instead of being dropped without a trace at run time.

/**
 * Unreachable while the types hold. Reached only by data the types do not describe (a record an
 * older build stored, say): it then returns `fallback` when one is given, else throws naming the value.
 */
export function assertNever(value: never, what?: string): never;
export function assertNever<T>(value: never, what: string, fallback: T): T;
export function assertNever<T>(value: never, what = 'value', ...fallback: [T?]): T {
  if (fallback.length > 0) return fallback[0] as T;
  throw new Error(`Unhandled ${what}: ${describe(value)}`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
