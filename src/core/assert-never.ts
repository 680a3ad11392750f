// The default branch of a switch over a union: a member added to the union but not handled fails
// to compile here instead of being dropped without a trace at run time.

/** Unreachable when the types hold; throws (naming the value) if untyped input got this far. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${describe(value)}`);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}
