// Streams of JSON lines (NDJSON / JSON Lines) answered with a 200 before the work is done: the failure
// arrives as a later line. Docker Engine (`/images/create`, `/images/{name}/push`, `/build`) ends a failed
// pull, push or build with `{"errorDetail": {"message"}, "error"}`; Ollama's streamed `/api/generate`,
// `/api/chat` and `/api/pull` send `{"error": "…"}`; a Kubernetes watch sends
// `{"type": "ERROR", "object": {"kind": "Status", "reason", "message", "code"}}` (410 Expired: "too old
// resource version"); Typesense's `documents/import` answers one `{"success": false, "error", "document"}`
// line per rejected document. Progress lines, `error: null` and successful lines say nothing.
//
// Bounded: at most MAX_LINES lines of the (already capped) text, and only a line that names an error or a
// false success flag is parsed.

const MAX_LINES = 5000;
const MAX_LINE = 16_000;

export interface JsonLinesFailure {
  /** 0-based index of the failed line. */
  line: number;
  message?: string;
  code?: string;
  /** The HTTP status a Kubernetes watch `Status` names for itself (410 for an expired resource version). */
  status?: number;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** What one parsed line says of a failure, or undefined when it says none. */
function lineFailure(obj: Rec, line: number): JsonLinesFailure | undefined {
  // Kubernetes watch event: the error is a `Status` object.
  if (obj.type === 'ERROR' && isRec(obj.object)) {
    const status = obj.object;
    const code = typeof status.code === 'number' && status.code >= 400 && status.code <= 599 ? status.code : undefined;
    return { line, message: text(status.message), code: text(status.reason), status: code };
  }
  const detail = isRec(obj.errorDetail) ? text(obj.errorDetail.message) : undefined;
  const error = obj.error;
  const errorText = text(error) ?? (isRec(error) ? text(error.message) : undefined);
  if (detail || errorText) return { line, message: detail ?? errorText };
  if (obj.success === false) return { line, message: text(obj.message) };
  return undefined;
}

/**
 * The first failed line of a JSON-lines body, or undefined (a single document, no failed line, or not
 * JSON lines at all). Needs at least two lines that start with `{`.
 */
export function jsonLinesFailure(body: string): JsonLinesFailure | undefined {
  const first = body.indexOf('{');
  if (first === -1 || body.slice(0, first).trim() !== '' || body.indexOf('\n{', first) === -1) return undefined;
  let pos = first;
  for (let i = 0; i < MAX_LINES && pos < body.length; i++) {
    let end = body.indexOf('\n', pos);
    if (end === -1) end = body.length;
    const raw = body.slice(pos, end).trim();
    pos = end + 1;
    if (raw === '' || raw.length > MAX_LINE || raw.charCodeAt(0) !== 123) continue;
    // Only a line that could hold an error is parsed: progress lines cost one substring search.
    if (
      !raw.includes('"error') &&
      !raw.includes('"ERROR"') &&
      !raw.includes('"success":false') &&
      !raw.includes('"success": false')
    )
      continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      continue;
    }
    if (!isRec(value)) continue;
    const found = lineFailure(value, i);
    if (found) return found;
  }
  return undefined;
}
