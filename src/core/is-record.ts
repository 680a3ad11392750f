// The one plain-object guard: parsed JSON, stored settings and message payloads are all read through it.

/** A non-null, non-array object, read as string keys to unknown values. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
