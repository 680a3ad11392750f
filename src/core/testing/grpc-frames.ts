// Byte builders for gRPC-web / Connect test bodies: 5-byte length-prefixed frames.
export const encodeText = (s: string): Uint8Array => new TextEncoder().encode(s);

/** One frame: a flags byte, a big-endian length, the payload. */
export const frame = (flags: number, payload: Uint8Array | string): Uint8Array => {
  const bytes = typeof payload === 'string' ? encodeText(payload) : payload;
  const out = new Uint8Array(5 + bytes.length);
  out[0] = flags;
  new DataView(out.buffer).setUint32(1, bytes.length);
  out.set(bytes, 5);
  return out;
};

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
