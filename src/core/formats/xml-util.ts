// Shared check for XML error bodies (some servers label them text/plain or octet-stream).

import type { BodyView } from '../types';

/** The body text when it is XML (by kind, or by its first characters), else undefined. */
export function xmlText(body: BodyView): string | undefined {
  if (body.kind === 'xml') return body.text;
  if (body.kind !== 'text' && body.kind !== 'html') return undefined;
  const head = body.text.trimStart().slice(0, 5);
  return head.startsWith('<?xml') || head.startsWith('<Erro') || head.startsWith('<Resp') ? body.text : undefined;
}
