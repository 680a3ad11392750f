// `faultline triage` on a large HAR: peak memory and bytes per second, set against JSON.parse of a
// 200 MB HAR in the same run. The HARs are generated (a mix of API failures and large successes,
// like a long recording), written entry by entry so the generator itself stays small.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HeaderList } from '../../src/core/types';
import { seedExchanges } from './corpus';
import { median, round } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/cli/faultline.js');
const MiB = 1024 * 1024;

export interface CliFigures {
  /** Peak resident memory of `faultline triage --json` on the large HAR. */
  cliPeakMemoryMB: number;
  cliBytesPerSecond: number;
  jsonParseBytesPerSecond: number;
  /** cliBytesPerSecond ÷ jsonParseBytesPerSecond. */
  cliThroughputRatio: number;
  detail: {
    harBytes: number;
    entries: number;
    parseHarBytes: number;
    cliSeconds: number[];
    jsonParseSeconds: number[];
  };
}

function pairs(headers: HeaderList | undefined): Array<{ name: string; value: string }> {
  if (!headers) return [];
  return Array.isArray(headers)
    ? [...headers]
    : Object.entries(headers).map(([name, value]) => ({ name, value: String(value) }));
}

/** Writes a HAR of about `bytes` and returns its entry count. */
export async function writeHar(file: string, bytes: number): Promise<number> {
  const cases = seedExchanges();
  const out = createWriteStream(file);
  // Each wait removes its own error listener: a listener left per back-pressure wait piles up (Node warns past 10).
  const write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (out.write(text)) return resolve();
      const fail = (error: Error) => reject(error);
      out.once('error', fail).once('drain', () => {
        out.off('error', fail);
        resolve();
      });
    });
  await write('{"log":{"version":"1.2","creator":{"name":"faultline-bench","version":"1"},"pages":[],"entries":[\n');
  let written = 0;
  let n = 0;
  const success = JSON.stringify({
    items: Array.from({ length: 400 }, (_, i) => ({
      id: i,
      name: `item ${i}`,
      tags: ['a', 'b'],
      note: 'x'.repeat(60),
    })),
  });
  while (written < bytes) {
    const c = cases[n % cases.length];
    // Four in five entries are large successes (pages of data); one in five an API failure.
    const failure = n % 5 === 0;
    const entry = {
      startedDateTime: new Date(Date.UTC(2026, 10, 23, 18) + n * 50).toISOString(),
      time: 42,
      request: {
        method: c.method,
        url: failure ? c.url : `https://api.example.test/v1/items?page=${n}`,
        httpVersion: 'HTTP/2',
        headers: pairs(c.requestHeaders),
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: failure ? c.status : 200,
        statusText: failure ? (c.statusText ?? '') : 'OK',
        httpVersion: 'HTTP/2',
        headers: failure ? pairs(c.responseHeaders) : [{ name: 'content-type', value: 'application/json' }],
        cookies: [],
        content: { size: 0, mimeType: 'application/json', text: failure ? (c.body ?? '') : success },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 1, wait: 40, receive: 1 },
    };
    const text = (n === 0 ? '' : ',\n') + JSON.stringify(entry);
    await write(text);
    written += text.length;
    n++;
  }
  await write('\n]}}\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return n;
}

/** Runs a Node script and returns its stderr's last line parsed as JSON, plus the wall time. */
function runNode(
  args: string[],
  stdoutTo: 'ignore' | 'pipe' = 'ignore',
): Promise<{ seconds: number; report: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', stdoutTo, 'pipe'] });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const last = err.trim().split('\n').pop() ?? '';
      if (code !== 0 && code !== 1) return reject(new Error(`exit ${code}: ${last}`));
      try {
        resolve({ seconds, report: JSON.parse(last) as Record<string, number> });
      } catch {
        reject(new Error(`no report: ${last}`));
      }
    });
  });
}

/** Preloaded into the CLI's process: prints its peak memory when it exits. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\n'+JSON.stringify({maxRssKiB:process.resourceUsage().maxRSS})+'\\n'))`;

const PARSE_SCRIPT = `
const { readFileSync } = require('node:fs');
const text = readFileSync(process.argv[1], 'utf8');
const t0 = process.hrtime.bigint();
const root = JSON.parse(text);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(JSON.stringify({ seconds, entries: root.log.entries.length }) + '\\n');
`;

export async function runCliBench(options: {
  log: (s: string) => void;
  largeMB?: number;
  rounds?: number;
}): Promise<CliFigures> {
  if (!existsSync(CLI)) throw new Error('dist/cli/faultline.js is missing: npm run build:cli');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'faultline-cli-bench-'));
  try {
    const large = path.join(dir, 'large.har');
    const small = path.join(dir, 'parse.har');
    options.log(`cli: writing a ${options.largeMB ?? 1024} MB HAR and a 200 MB one…`);
    const entries = await writeHar(large, (options.largeMB ?? 1024) * MiB);
    await writeHar(small, 200 * MiB);
    const harBytes = (await stat(large)).size;
    const parseHarBytes = (await stat(small)).size;

    const cliSeconds: number[] = [];
    const jsonParseSeconds: number[] = [];
    let peakKiB = 0;
    // Alternate the two, so load on the machine falls on both alike.
    for (let attempt = 0; attempt < (options.rounds ?? 3); attempt++) {
      const parse = await runNode(['-e', PARSE_SCRIPT, small]);
      jsonParseSeconds.push(parse.report.seconds);
      const cli = await runNode(['--import', REPORT_RSS, CLI, 'triage', large, '--json']);
      cliSeconds.push(cli.seconds);
      peakKiB = Math.max(peakKiB, cli.report.maxRssKiB);
      options.log(
        `cli: round ${attempt + 1}: triage ${round(cli.seconds, 2)} s, peak ${Math.round(cli.report.maxRssKiB / 1024)} MB; JSON.parse ${round(parse.report.seconds, 2)} s`,
      );
    }
    const cliBytesPerSecond = harBytes / median(cliSeconds);
    const jsonParseBytesPerSecond = parseHarBytes / median(jsonParseSeconds);
    return {
      cliPeakMemoryMB: round(peakKiB / 1024, 1),
      cliBytesPerSecond: Math.round(cliBytesPerSecond),
      jsonParseBytesPerSecond: Math.round(jsonParseBytesPerSecond),
      cliThroughputRatio: round(cliBytesPerSecond / jsonParseBytesPerSecond, 3),
      detail: {
        harBytes,
        entries,
        parseHarBytes,
        cliSeconds: cliSeconds.map((s) => round(s, 2)),
        jsonParseSeconds: jsonParseSeconds.map((s) => round(s, 3)),
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
