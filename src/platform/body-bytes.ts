// Bytes copied from a response stream → text. No extension APIs (unit-tested in Node).

export interface CopyPlan {
  /** Bytes to keep; the rest passes through uncopied and the body is marked truncated. */
  capBytes: number;
}

/** The charset of a Content-Type, if TextDecoder knows it; UTF-8 otherwise. */
export function charsetOf(contentType: string | undefined): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  const label = match?.[1]?.toLowerCase();
  if (!label) return 'utf-8';
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

/** Copied chunks → text. `truncated`: the response had more bytes than were kept. */
export function decodeCopiedBody(chunks: readonly Uint8Array[], charset: string): string {
  let size = 0;
  for (const c of chunks) size += c.byteLength;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    joined.set(c, offset);
    offset += c.byteLength;
  }
  // stream: true drops a multi-byte character cut at the cap instead of writing U+FFFD for it.
  return new TextDecoder(charset, { fatal: false }).decode(joined, { stream: true });
}
