// Which 500 responses the built CLI (`faultline triage --json`) gives an errorId, checked the way an
// outside scorer would: one HAR entry per response, one CLI run. Shared by the ID tallies
// (error-id-headers.mjs, error-id-fields.mjs); `npm run build:cli` first.
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { fileURLToPath } from 'url';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/cli/faultline.js');

/** @param {{ headers?: {name: string, value: string}[], mimeType: string, text: string }[]} responses */
export function errorIdRead(responses) {
  const entries = responses.map(({ headers = [], mimeType, text }) => ({
    startedDateTime: '2026-12-06T12:00:00Z',
    time: 1,
    request: {
      method: 'GET',
      url: 'https://api.example.test/x',
      httpVersion: 'HTTP/1.1',
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
    },
    response: {
      status: 500,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'content-type', value: mimeType }, ...headers],
      cookies: [],
      content: { size: text.length, mimeType, text },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 1, wait: 1, receive: 1 },
  }));
  const har = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-errorid-')), 'ids.har');
  fs.writeFileSync(har, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } }));
  let out;
  try {
    out = execFileSync(process.execPath, [cli, 'triage', har, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    out = e.stdout; // triage exits 1 when it lists failures
  }
  const read = responses.map(() => false);
  for (const r of JSON.parse(out)) read[r.index] = r.errorId != null;
  return read;
}
