// The CLI's real I/O on Node: size-limited reads of a file or stdin, and the process's streams.
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { MAX_INPUT_BYTES, type CliIo, type InputSource } from './main';

/** An Error with a Node-style code, which `run` turns into one line. */
function codedError(code: string, message: string, detail?: string): Error {
  return Object.assign(new Error(message), { code, detail });
}

function tooLarge(bytes: number): Error {
  return codedError('E2BIG', 'input too large', `${(bytes / (1024 * 1024)).toFixed(0)} MiB or more`);
}

const decoder = (): TextDecoder => new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Reads a stream fully, refusing more than `limit` bytes. */
export async function readLimited(
  stream: AsyncIterable<Uint8Array | string>,
  limit = MAX_INPUT_BYTES,
): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf =
      typeof chunk === 'string'
        ? Buffer.from(chunk, 'utf8')
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += buf.length;
    if (total > limit) throw tooLarge(total);
    chunks.push(buf);
  }
  return decoder().decode(Buffer.concat(chunks, total));
}

/** Reads a file as UTF-8 (invalid bytes become U+FFFD). Directories, oversized and unreadable files reject with a code. */
export async function readFileLimited(path: string, limit = MAX_INPUT_BYTES): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw codedError('EISDIR', 'is a directory');
    if (info.isFile()) {
      if (info.size > limit) throw tooLarge(info.size);
      const buf = await handle.readFile();
      if (buf.length > limit) throw tooLarge(buf.length);
      return decoder().decode(buf);
    }
    // FIFOs, character devices, /dev/stdin: no size up front, so stream with the limit.
    return await readLimited(handle.createReadStream({ autoClose: false }), limit);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A file ('-': stdin) as a byte stream, with its size when it is a regular file. Opened when first read. */
export async function openInputStream(path: string, stdin: Readable): Promise<InputSource> {
  if (path === '-') return { size: null, chunks: stdin };
  const info = await stat(path);
  if (info.isDirectory()) throw codedError('EISDIR', 'is a directory');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const handle = await open(path, 'r');
    try {
      yield* handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false });
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
  return { size: info.isFile() ? info.size : null, chunks: chunks() };
}

export function nodeIo(proc: NodeJS.Process = process): CliIo {
  return {
    stdout: (text) => {
      proc.stdout.write(text);
    },
    stderr: (text) => {
      proc.stderr.write(text);
    },
    readFile: (path) => readFileLimited(path),
    readStdin: () => readLimited(proc.stdin as Readable),
    openInput: (path) => openInputStream(path, proc.stdin),
    stderrIsTTY: Boolean(proc.stderr.isTTY),
    isTTY: Boolean(proc.stdout.isTTY),
    columns: proc.stdout.isTTY ? proc.stdout.columns : undefined,
    env: proc.env,
  };
}
