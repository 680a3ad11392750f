// getContent's result, normalized. Pure (no browser globals) so it is unit-tested.

/** getContent's two values as delivered: Chrome gives (content, encoding), Firefox (content, mimeType). */
export interface RawContent {
  content: unknown;
  second: unknown;
}

/**
 * getContent's result in any of the shapes browsers use: two callback values (Chrome), one array
 * [content, second] (Firefox's promise), or an object { content, encoding | mimeType }.
 */
export function normalizeContent(first: unknown, second?: unknown): RawContent {
  if (Array.isArray(first) && second === undefined) return { content: first[0], second: first[1] };
  if (first !== null && typeof first === 'object' && 'content' in first && second === undefined) {
    const obj = first as { content: unknown; encoding?: unknown; mimeType?: unknown };
    return { content: obj.content, second: obj.encoding ?? obj.mimeType };
  }
  return { content: first, second };
}
