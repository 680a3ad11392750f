// HAR material shared by the import tests (stream-import, worker-import).

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A POST whose JSON response names its error code `e<i>`, padded to `pad` characters of filler. */
export function entry(i: number, status: number, pad = 300): unknown {
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    request: { method: 'POST', url: `https://api.test/items/${i}`, headers: [] },
    response: {
      status,
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: {
        mimeType: 'application/json',
        text: JSON.stringify({ error: { code: `e${i}` }, pad: 'x'.repeat(pad) }),
      },
    },
  };
}
