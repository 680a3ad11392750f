import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  run,
  STREAM_THRESHOLD_BYTES,
  TRIAGE_FIELDS,
  triageEntryBytes,
  type CliIo,
  type EntryPool,
  type EntryResult,
  type EntryTriageConfig,
  type TriageRow,
} from './main';
import { seedMismatches, type SeedCase } from '../core/testing/seed-cases';
import { openEntryPool, readFileLimited, readLimited } from './node-io';
import { HarError } from '../core/har';
import pkg from '../../package.json';

const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const SEED_CASES = `${SHARED}fixtures/seed-cases.json`;
const REAL_HARS = `${SHARED}fixtures/real-hars/`;

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** An in-memory io: `files` maps paths to text, or to an Error that readFile rejects with. */
function memoryIo(
  files: Record<string, string | Error> = {},
  extra: Partial<CliIo> = {},
): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      const v = files[path];
      if (v === undefined)
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      if (v instanceof Error) throw v;
      return v;
    },
    readStdin: async () => {
      const v = files['-'];
      if (typeof v !== 'string') throw new Error('no stdin');
      return v;
    },
    isTTY: false,
    env: {},
    ...extra,
  };
}

async function cli(
  argv: string[],
  files: Record<string, string | Error> = {},
  extra: Partial<CliIo> = {},
): Promise<Captured> {
  const io = memoryIo(files, extra);
  const code = await run(argv, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

const har = (entries: unknown[]): string =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });
const entry = (status: number, body = '', extra: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-23T18:00:00.000Z',
  time: 5,
  request: { method: 'GET', url: `https://api.test/${status}`, headers: [] },
  response: {
    status,
    statusText: '',
    headers: [{ name: 'content-type', value: 'application/json' }],
    content: { size: body.length, mimeType: 'application/json', text: body },
    ...extra,
  },
});

const NO_STACK = /\n\s+at |\bat .*:\d+:\d+/;

let seedHar: string;
let cases: SeedCase[];

beforeAll(() => {
  const made = spawnSync(process.execPath, [`${SHARED}tools/cases-to-har.mjs`, SEED_CASES], { encoding: 'utf8' });
  expect(made.status).toBe(0);
  seedHar = made.stdout;
  cases = JSON.parse(readFileSync(SEED_CASES, 'utf8')) as SeedCase[];
});

describe('faultline triage --json on the seed HAR', () => {
  let rows: TriageRow[];
  beforeAll(async () => {
    const r = await cli(['triage', 'seed.har', '--json'], { 'seed.har': seedHar });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    rows = JSON.parse(r.stdout) as TriageRow[];
  });

  it('gives one object per entry, in order, with exactly the documented fields', () => {
    expect(rows).toHaveLength(cases.length);
    rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual([...TRIAGE_FIELDS]);
      expect(row.index).toBe(i);
      expect(row.method).toBe(cases[i].request.method);
      expect(row.status).toBe(cases[i].response.status);
    });
  });

  it('reproduces every expectation of the seed cases', () => {
    const mismatches = rows.flatMap((row, i) =>
      seedMismatches(cases[i].expected, row).map((m) => `${cases[i].name}: ${m}`),
    );
    expect(mismatches).toEqual([]);
  });

  it('keeps secrets out of the URLs', async () => {
    const withToken = har([
      { ...entry(401), request: { method: 'GET', url: 'https://api.test/x?api_key=SECRET123&page=2', headers: [] } },
    ]);
    const r = await cli(['triage', 'a.har', '--json'], { 'a.har': withToken });
    expect(r.stdout).not.toContain('SECRET123');
    expect((JSON.parse(r.stdout) as TriageRow[])[0].url).toBe('https://api.test/x?api_key=[REDACTED]&page=2');
  });
});

describe('faultline triage table output', () => {
  it('lists the failures and a summary line matching the seed expectations', async () => {
    const r = await cli(['triage', 'seed.har'], { 'seed.har': seedHar });
    expect(r.code).toBe(0);
    const failing = cases.filter((c) => c.expected.failure);
    const by = (f: (s: number) => boolean) => failing.filter((c) => f(c.response.status)).length;
    const summary = `${cases.length} entries, ${failing.length} failures (${by((s) => s >= 400 && s < 500)} client, ${by((s) => s >= 500)} server, ${by((s) => s === 0)} network, ${by((s) => s >= 200 && s < 300)} 2xx-with-error)`;
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(summary);
    // Header, one line per failure, blank, summary.
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(failing.length + 3);
    expect(r.stdout).toMatch(/^\s*#\s+METHOD\s+STATUS\s+URL\s+CODE\s+ID\s+RETRY\s+ACTION/);
    expect(r.stdout).toContain('InvalidTitle');
    expect(r.stdout).toContain('93aa74d5-8caf-473f-af2f-42cf806ddfdc');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('uses colour only on a terminal without NO_COLOR', async () => {
    const files = { 'seed.har': seedHar };
    expect((await cli(['triage', 'seed.har'], files, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await cli(['triage', 'seed.har'], files, { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await cli(['triage', 'seed.har', '--no-color'], files, { isTTY: true })).stdout).not.toContain('\u001b[');
  });

  it('fits the action column to the terminal width', async () => {
    const r = await cli(['triage', 'seed.har', '--no-color'], { 'seed.har': seedHar }, { isTTY: true, columns: 200 });
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(199);
    expect(lines.some((l) => l.length > 190)).toBe(true);
  });

  it('says so when nothing failed', async () => {
    const r = await cli(['triage', 'ok.har'], { 'ok.har': har([entry(200, '{}'), entry(304)]) });
    expect(r.stdout).toBe('No failures.\n2 entries, 0 failures (0 client, 0 server, 0 network, 0 2xx-with-error)\n');
  });

  it('lists a request whose outcome was lost in a background restart, and counts it in the summary', async () => {
    const lost = { ...entry(0), response: { ...entry(0).response, _outcomeLost: 'background restart' } };
    lost.request = { ...lost.request, url: 'https://api.test/lost' };
    const r = await cli(['triage', 'lost.har'], { 'lost.har': har([entry(200, '{}'), lost]) });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.find((l) => l.includes('/lost'))).toMatch(/\bLOST\b.*outcome lost/);
    expect(lines.at(-1)).toBe(
      '2 entries, 0 failures (0 client, 0 server, 0 network, 0 2xx-with-error), 1 outcome lost',
    );
    expect(r.code).toBe(0);
  });

  it('keeps terminal escapes from the HAR out of the table', async () => {
    const hostile = har([
      {
        ...entry(500, '{"error":{"code":"E\u001b[2J","message":"boom\u009b31m"}}'),
        request: { method: 'GET', url: 'https://api.test/\u001b]0;owned\u0007', headers: [] },
      },
    ]);
    const r = await cli(['triage', 'h.har'], { 'h.har': hostile });
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    const j = await cli(['triage', 'h.har', '--json'], { 'h.har': hostile });
    expect(j.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect((JSON.parse(j.stdout) as TriageRow[])[0].url).toContain('\u001b');
  });

  it('reads stdin for -', async () => {
    const r = await cli(['triage', '-', '--json'], { '-': seedHar });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(cases.length);
  });
});

describe('--fail-on', () => {
  const files = {
    'client.har': har([entry(200, '{}'), entry(404, '{"message":"nope"}')]),
    'server.har': har([entry(200, '{}'), entry(503, '{}')]),
    'network.har': har([entry(0, '', { _error: 'net::ERR_CONNECTION_REFUSED' })]),
    'body.har': har([
      entry(200, '{"success":false,"errors":[{"description":"Already published","error_code":"AlreadyPublished"}]}'),
    ]),
    'ok.har': har([entry(200, '{}'), entry(201, '{}'), entry(304)]),
  };
  it.each([
    ['client.har', { client: 1, server: 0, any: 1 }],
    ['server.har', { client: 0, server: 1, any: 1 }],
    ['network.har', { client: 0, server: 0, any: 1 }],
    ['body.har', { client: 0, server: 0, any: 1 }],
    ['ok.har', { client: 0, server: 0, any: 0 }],
  ])('%s', async (file, expected) => {
    for (const [mode, code] of Object.entries(expected)) {
      const r = await cli(['triage', file, `--fail-on=${mode}`, '--json'], files);
      expect({ mode, code: r.code }).toEqual({ mode, code });
    }
    // Without --fail-on, failures are not an error.
    expect((await cli(['triage', file], files)).code).toBe(0);
  });

  it('exits 1 on the seed HAR for any of the three', async () => {
    for (const mode of ['client', 'server', 'any'])
      expect((await cli(['triage', 's.har', '--fail-on', mode], { 's.har': seedHar })).code).toBe(1);
  });
});

describe('bad input', () => {
  const expectOneLine = (r: Captured, prefix: string): void => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.startsWith(prefix)).toBe(true);
    expect(r.stderr).not.toMatch(NO_STACK);
  };

  it.each(readdirSync(`${REAL_HARS}invalid`).filter((f) => !f.includes('jsonp')))(
    'invalid/%s exits 2 with one line',
    async (file) => {
      const path = `${REAL_HARS}invalid/${file}`;
      const r = await cli(['triage', path], { [path]: readFileSync(path, 'utf8') });
      expectOneLine(r, `faultline: ${path}: `);
      expect(r.stderr).toMatch(/not JSON|not a HAR/);
    },
  );

  it('triages the JSONP-wrapped file and notes the unwrapping', async () => {
    const path = `${REAL_HARS}invalid/harviewer-jsonp.har`;
    const r = await cli(['triage', path, '--json'], { [path]: readFileSync(path, 'utf8') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
    expect(r.stderr).toBe(`faultline: ${path}: note: unwrapped JSONP/HARP callback onInputData(...)\n`);
  });

  it.each([
    ['{"log":[]}', 'faultline: x.har: log must be an object, got array\n'],
    ['{"log":{}}', 'faultline: x.har: no log.entries array: this is JSON but not a HAR file\n'],
    ['', 'faultline: x.har: not JSON: the file is empty\n'],
  ])('%j', async (text, line) => {
    const r = await cli(['triage', 'x.har'], { 'x.har': text });
    expectOneLine(r, line);
    expect(r.stderr).toBe(line);
  });

  it('reports a missing file, a directory, an unreadable or oversized file in one line', async () => {
    const e = (code: string, detail?: string) => Object.assign(new Error(`${code}: raw node text`), { code, detail });
    const files = { dir: e('EISDIR'), locked: e('EACCES'), big: e('E2BIG', '612 MiB'), odd: new Error('weird\nthing') };
    expectOneLine(await cli(['triage', 'nope.har'], files), 'faultline: nope.har: no such file\n');
    expectOneLine(await cli(['triage', 'dir'], files), 'faultline: dir: is a directory, not a HAR file\n');
    expectOneLine(await cli(['triage', 'locked'], files), 'faultline: locked: permission denied\n');
    expectOneLine(await cli(['triage', 'big'], files), 'faultline: big: larger than the 500 MiB limit (612 MiB)\n');
    expectOneLine(await cli(['triage', 'odd'], files), 'faultline: odd: cannot read: weird thing\n');
  });

  it('reports real file system errors through the node reader', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-'));
    const io = memoryIo();
    io.readFile = (p) => readFileLimited(p);
    expect(await run(['triage', dir], io)).toBe(2);
    expect(await run(['triage', join(dir, 'missing.har')], io)).toBe(2);
    expect(io.err).toEqual([
      `faultline: ${dir}: is a directory, not a HAR file\n`,
      `faultline: ${join(dir, 'missing.har')}: no such file\n`,
    ]);
    const small = join(dir, 'small.har');
    writeFileSync(small, '\ufeff' + har([entry(500, '{}')]));
    await expect(readFileLimited(small)).resolves.toContain('"log"');
    await expect(readFileLimited(small, 10)).rejects.toMatchObject({ code: 'E2BIG' });
  });

  it('refuses stdin beyond the limit', async () => {
    async function* chunks() {
      yield new Uint8Array(6);
      yield new Uint8Array(6);
    }
    await expect(readLimited(chunks(), 10)).rejects.toMatchObject({ code: 'E2BIG' });
    await expect(readLimited(chunks(), 12)).resolves.toHaveLength(12);
  });

  it('warns about a bad entry and triages the others', async () => {
    const text = har([
      entry(500, '{}'),
      { response: { status: 200 } },
      entry(404, '{}'),
      { request: { method: 'GET', url: 'https://api.test/h', headers: 'x' }, response: { status: 500 } },
    ]);
    const r = await cli(['triage', 'p.har', '--json', '--fail-on', 'server'], { 'p.har': text });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'faultline: p.har: entry 1: request is missing (entry not triaged)\n' +
        'faultline: p.har: entry 3: request.headers must be an array, got string (entry not triaged)\n',
    );
    const rows = JSON.parse(r.stdout) as TriageRow[];
    expect(rows.map((x) => [x.index, x.format, x.failure])).toEqual([
      [0, expect.any(String), true],
      [1, 'invalid-entry', null],
      [2, expect.any(String), true],
      [3, 'invalid-entry', null],
    ]);
    expect(rows[3]).toEqual({
      index: 3,
      method: 'GET',
      url: 'https://api.test/h',
      status: null,
      failure: null,
      format: 'invalid-entry',
      errorCode: null,
      errorId: null,
      message: 'request.headers must be an array, got string',
      retryable: null,
      retryAfterSeconds: null,
      idempotent: null,
      action: null,
      protocol: null,
      operations: [],
    });
    const table = await cli(['triage', 'p.har'], { 'p.har': text });
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(
      '4 entries, 2 failures (1 client, 1 server, 0 network, 0 2xx-with-error), 2 invalid entries',
    );
  });

  it.each([
    [[], 'missing command'],
    [['triage'], 'needs a HAR file'],
    [['triage', 'a', 'b'], 'one HAR file'],
    [['explain', 'a'], "unknown command 'explain'"],
    [['triage', 'a', '--fail-on', 'sometimes'], '--fail-on must be client, server or any'],
    [['triage', 'a', '--fail-on'], '--fail-on needs a value'],
    [['triage', 'a', '--frobnicate'], "unknown option '--frobnicate'"],
  ])('usage error %j', async (argv, text) => {
    const r = await cli(argv);
    expectOneLine(r, 'faultline: ');
    expect(r.stderr).toContain(text);
  });
});

describe('--rules', () => {
  it('applies the rules to the classification', async () => {
    const rules = {
      version: 1,
      rules: [
        {
          name: 'busy',
          match: { host: 'api.example-verify.com', status: '423' },
          set: { defaultWaitSeconds: 7, action: 'Rule: wait 7 s.' },
        },
      ],
    };
    const plain = JSON.parse((await cli(['triage', 's.har', '--json'], { 's.har': seedHar })).stdout) as TriageRow[];
    const r = await cli(['triage', 's.har', '--rules', 'rules.json', '--json'], {
      's.har': seedHar,
      'rules.json': '\ufeff' + JSON.stringify(rules),
    });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as TriageRow[];
    expect(rows).toHaveLength(cases.length);
    const locked = cases.findIndex((c) => c.response.status === 423);
    expect(plain[locked].retryAfterSeconds).toBeNull();
    expect(rows[locked]).toMatchObject({ retryAfterSeconds: 7, action: 'Rule: wait 7 s.' });
    // Other rows are untouched.
    expect(rows.filter((_, i) => i !== locked)).toEqual(plain.filter((_, i) => i !== locked));
  });

  it('refuses invalid rules in one line that names the bad field', async () => {
    const bad = JSON.stringify({ rules: [{ match: { host: '*', status: '42' }, set: { retryable: 'yes' } }] });
    const r = await cli(['triage', 's.har', '--rules', 'r.json'], { 's.har': seedHar, 'r.json': bad });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('rules[0].match.status');
    expect(r.stderr).toContain('rules[0].set.retryable');
    expect(r.stdout).toBe('');
  });

  it('refuses a missing or broken rules file in one line', async () => {
    const missing = await cli(['triage', 's.har', '--rules=nope.json'], { 's.har': seedHar });
    expect([missing.code, missing.stderr]).toEqual([2, 'faultline: nope.json: no such file\n']);
    const broken = await cli(['triage', 's.har', '--rules', 'r.json'], {
      's.har': seedHar,
      'r.json': '{"a":\n  nope}',
    });
    expect([broken.code, broken.stderr]).toEqual([
      2,
      "faultline: r.json: not JSON: unexpected token 'nope', expected a value at line 2 column 3\n",
    ]);
    expect(broken.stdout).toBe('');
  });
});

describe('help and version', () => {
  it('prints help with the documented contract', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['triage', 'x.har', '--help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('faultline triage FILE.har');
      for (const f of TRIAGE_FIELDS) expect(r.stdout).toContain(f);
      expect(r.stdout).toContain('invalid-entry');
      expect(r.stdout).toContain('of any size');
    }
  });

  it('prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `faultline ${pkg.version}\n`, stderr: '' });
  });
});

describe('real HAR files through the CLI', () => {
  const files = readdirSync(REAL_HARS).filter((f) => f.endsWith('.har'));
  it.each(files)('%s', async (file) => {
    const path = REAL_HARS + file;
    const text = readFileSync(path, 'utf8');
    const r = await cli(['triage', path, '--json', '--fail-on', 'any'], { [path]: text });
    const rows = JSON.parse(r.stdout) as TriageRow[];
    const entries = (JSON.parse(text.replace(/^\ufeff/, '')) as { log: { entries: unknown[] } }).log.entries;
    expect(rows).toHaveLength(entries.length);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(rows.some((x) => x.failure) ? 1 : 0);
  });
});

describe('robustness', () => {
  const headerArb = fc.oneof(
    fc.record({ name: fc.string(), value: fc.oneof(fc.string(), fc.anything()) }),
    fc.anything(),
  );
  const entryArb = fc.oneof(
    fc.anything(),
    fc.record(
      {
        startedDateTime: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.anything(),
        ),
        time: fc.oneof(fc.double(), fc.anything()),
        request: fc.oneof(
          fc.record(
            {
              method: fc.oneof(fc.constantFrom('GET', 'POST', 'DELETE'), fc.anything()),
              url: fc.oneof(fc.webUrl(), fc.string(), fc.anything()),
              headers: fc.oneof(fc.array(headerArb, { maxLength: 4 }), fc.anything()),
              postData: fc.anything(),
            },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
        response: fc.oneof(
          fc.record(
            {
              status: fc.oneof(fc.integer({ min: -10, max: 1200 }), fc.anything()),
              headers: fc.oneof(fc.array(headerArb, { maxLength: 4 }), fc.anything()),
              content: fc.oneof(
                fc.record(
                  {
                    text: fc.oneof(fc.string(), fc.json(), fc.anything()),
                    mimeType: fc.oneof(
                      fc.constantFrom('application/json', 'text/html', 'application/problem+json'),
                      fc.string(),
                    ),
                    encoding: fc.oneof(fc.constant('base64'), fc.anything()),
                  },
                  { requiredKeys: [] },
                ),
                fc.anything(),
              ),
              _error: fc.oneof(fc.string(), fc.constant(null), fc.anything()),
            },
            { requiredKeys: [] },
          ),
          fc.anything(),
        ),
      },
      { requiredKeys: [] },
    ),
  );
  const input = fc.oneof(
    fc.string(),
    fc.json(),
    fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
    fc.array(entryArb, { maxLength: 6 }).map((entries) => JSON.stringify({ log: { entries } })),
    fc
      .array(entryArb, { maxLength: 6 })
      .map((entries) => `\ufeffonInputData(${JSON.stringify({ log: { version: '1.2', entries } })});`),
  );

  it('never throws, never prints a stack trace, and exits 0, 1 or 2', async () => {
    await fc.assert(
      fc.asyncProperty(
        input,
        fc.constantFrom<string[]>([], ['--json'], ['--fail-on', 'any'], ['--json', '--fail-on', 'client']),
        async (text, flags) => {
          const r = await cli(['triage', 'f.har', ...flags], { 'f.har': text });
          expect([0, 1, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(NO_STACK);
          if (r.code === 2) {
            expect(r.stdout).toBe('');
            expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
          } else if (flags.includes('--json')) {
            const rows = JSON.parse(r.stdout) as TriageRow[];
            rows.forEach((row, i) => expect(row.index).toBe(i));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('audit', () => {
  const at = (ms: number) => new Date(Date.parse('2026-11-23T18:00:00.000Z') + ms).toISOString();
  const attempt = (
    ms: number,
    status: number,
    method = 'POST',
    url = 'https://api.test/v1/orders',
    headers: Array<{ name: string; value: string }> = [],
  ) => ({
    startedDateTime: at(ms),
    time: 0,
    request: { method, url, headers, postData: { mimeType: 'application/json', text: '{"sku":1}' } },
    response: {
      status,
      statusText: '',
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 2, mimeType: 'application/json', text: '{}' },
    },
  });

  it('reports each retry mistake with the attempts and a fix, and exits 1 with --fail-on any', async () => {
    const file = har([
      attempt(0, 422),
      attempt(100, 422),
      attempt(5000, 500, 'POST', 'https://api.test/v1/pay'),
      attempt(6000, 201, 'POST', 'https://api.test/v1/pay'),
    ]);
    const json = await cli(['audit', 'a.har', '--json'], { 'a.har': file });
    expect(json.code).toBe(0);
    const sequences = JSON.parse(json.stdout) as Array<{
      method: string;
      call: string;
      findings: Array<{ rule: string; attempts: number[]; fix: string }>;
    }>;
    const findings = sequences.flatMap((s) => s.findings.map((f) => ({ ...f, call: s.call })));
    expect(findings.map((f) => [f.rule, f.attempts])).toEqual([
      ['unchanged-retry', [0, 1]],
      ['unsafe-retry', [2, 3]],
    ]);
    const table = await cli(['audit', 'a.har', '--fail-on', 'any'], { 'a.har': file });
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('Non-retryable failure retried unchanged');
    expect(table.stdout).toContain('entries #0, #1');
    expect(table.stdout).toMatch(/2 retry sequences, 2 findings/);
  });

  it('finds nothing in a well-behaved client and exits 0 even with --fail-on any', async () => {
    const key = [{ name: 'Idempotency-Key', value: 'k-1' }];
    const file = har([
      attempt(0, 500, 'POST', 'https://api.test/v1/pay', key),
      attempt(300, 201, 'POST', 'https://api.test/v1/pay', key),
    ]);
    const r = await cli(['audit', 'a.har', '--fail-on', 'any'], { 'a.har': file });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 retry sequence, 0 findings/);
  });

  it('refuses --fail-on client for audit', async () => {
    const r = await cli(['audit', 'a.har', '--fail-on', 'client'], { 'a.har': har([]) });
    expect(r.code).toBe(2);
  });
});

describe('large inputs are streamed', () => {
  /** An io whose openInput serves `text` in small chunks and claims `size` (null: a pipe). */
  function streamingIo(
    text: string,
    size: number | null,
  ): CliIo & { out: string[]; err: string[]; wholeReads: number } {
    const io = memoryIo({ 'big.har': text, '-': text }) as CliIo & { out: string[]; err: string[]; wholeReads: number };
    io.wholeReads = 0;
    const readFile = io.readFile;
    io.readFile = async (p) => {
      io.wholeReads++;
      return readFile(p);
    };
    io.openInput = async () => ({
      size,
      chunks: (async function* () {
        const bytes = new TextEncoder().encode(text);
        for (let at = 0; at < bytes.length; at += 997) yield bytes.subarray(at, at + 997);
      })(),
    });
    return io;
  }

  const big = STREAM_THRESHOLD_BYTES + 1;

  it.each([
    ['triage --json', ['triage', 'big.har', '--json']],
    ['triage (table)', ['triage', 'big.har']],
    ['triage --fail-on server', ['triage', 'big.har', '--fail-on', 'server']],
    ['audit --json', ['audit', 'big.har', '--json']],
  ])('%s prints exactly what reading the file whole prints, without reading it whole', async (_name, argv) => {
    const whole = await cli(argv, { 'big.har': seedHar });
    const io = streamingIo(seedHar, big);
    const code = await run(argv, io);
    expect(io.wholeReads).toBe(0);
    expect({ code, stdout: io.out.join(''), stderr: io.err.join('') }).toEqual(whole);
  });

  /**
   * An entry pool on this thread that answers late (a macrotask after each ready/drain), as worker
   * threads do: the output must not depend on where the entries were triaged.
   */
  function latePool(config: EntryTriageConfig, deliver: (result: EntryResult) => void): EntryPool {
    let held: Array<{ bytes: Uint8Array; index: number }> = [];
    let stopped = false;
    const answer = async (): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      const batch = held;
      held = [];
      for (const { bytes, index } of batch) {
        if (stopped) return;
        try {
          deliver({ index, outcome: structuredClone(triageEntryBytes(bytes, index, config)) });
        } catch (err) {
          stopped = true;
          deliver({ index, error: (err as Error).message, harError: err instanceof HarError });
        }
      }
    };
    return {
      add: (bytes, index) => void held.push({ bytes: bytes.slice(), index }),
      ready: () => (held.length > 40 ? answer() : Promise.resolve()),
      drain: answer,
      close: () => undefined,
    };
  }

  it.each([
    ['triage --json', ['triage', 'big.har', '--json']],
    ['triage (table)', ['triage', 'big.har']],
    ['triage --fail-on any', ['triage', 'big.har', '--fail-on', 'any']],
  ])('%s prints the same when entries are triaged by a pool that answers late', async (_name, argv) => {
    const whole = await cli(argv, { 'big.har': seedHar });
    const io = streamingIo(seedHar, big);
    io.openEntryPool = latePool;
    const code = await run(argv, io);
    expect({ code, stdout: io.out.join(''), stderr: io.err.join('') }).toEqual(whole);
  });

  it('with a pool, a broken entry is reported before a stray brace found later, as on one thread', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(500 + (i % 4), `{"error":"e${i}"}`));
    // Entry 300 is not JSON, and a stray '}' follows the HAR: the splitter throws on it before the pool answers.
    const text = har(entries).replace(/\]\}\}$/, ', {"request": }]}}}');
    const alone = streamingIo(text, big);
    const pooled = streamingIo(text, big);
    pooled.openEntryPool = latePool;
    const codes = [
      await run(['triage', 'big.har', '--json'], alone),
      await run(['triage', 'big.har', '--json'], pooled),
    ];
    expect(codes).toEqual([2, 2]);
    expect(pooled.out.join('')).toBe(alone.out.join(''));
    expect(pooled.err.join('')).toBe(alone.err.join(''));
    expect(pooled.err.join('')).toMatch(/not JSON in log\.entries\[300\]: .*\(after 300 entries\)\n$/);
  });

  it('openEntryPool delivers in input order though its workers answer out of order', async () => {
    // A stand-in worker: answers each batch after a delay that makes later batches overtake earlier ones.
    const worker = `import { parentPort } from 'node:worker_threads';
      parentPort.on('message', (m) => setTimeout(() => parentPort.postMessage({ id: m.id, buffer: m.buffer,
        results: m.indices.map((index, k) => ({ index, outcome: { problems: [], matchedFailOn: false,
          json: String(m.ends[k] - (k ? m.ends[k - 1] : 0)) } })) }, [m.buffer]), m.id % 3 === 0 ? 30 : 1));`;
    const got: EntryResult[] = [];
    const config: EntryTriageConfig = { command: 'triage', json: true, failOn: null, rules: undefined };
    const pool = openEntryPool(new URL(`data:text/javascript,${encodeURIComponent(worker)}`), 2, config, (r) =>
      got.push(r),
    );
    try {
      const sizes = Array.from({ length: 400 }, (_, i) => 1 + ((i * 7919) % 20_000));
      for (const [index, size] of sizes.entries()) {
        pool.add(new Uint8Array(size), index);
        if (index % 50 === 0) await pool.ready();
      }
      await pool.drain();
      expect(got.map((r) => r.index)).toEqual(sizes.map((_, i) => i));
      expect(got.map((r) => ('outcome' in r ? r.outcome.json : null))).toEqual(sizes.map(String));
    } finally {
      pool.close();
    }
  });

  it('reads a small pipe whole (exact syntax errors), and streams a pipe that goes past the threshold', async () => {
    const io = streamingIo('{"log": nope}', null);
    expect(await run(['triage', '-'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^faultline: stdin: not JSON: .* at line 1 column \d+\n$/);
  });

  it('a file broken after the first entries gives one line, exit 2, and closes the JSON array it began', async () => {
    const entries = Array.from({ length: 300 }, (_, i) => entry(500 + (i % 4), `{"error":"e${i}"}`));
    const text = har(entries).replace(/\]\}\}$/, ', {"request": }]}}');
    const io = streamingIo(text, big);
    expect(await run(['triage', 'big.har', '--json'], io)).toBe(2);
    expect(JSON.parse(io.out.join(''))).toHaveLength(300);
    expect(io.err.join('').trim().split('\n')).toEqual([
      expect.stringMatching(/^faultline: big\.har: not JSON in log\.entries\[300\]: .*\(after 300 entries\)$/),
    ]);
  });
});

describe('protocols in triage', () => {
  const batch = JSON.stringify([
    { jsonrpc: '2.0', result: 7, id: '1' },
    { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null },
    { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: '5' },
  ]);
  // A gRPC-web trailer frame (flag 0x80) carrying UNAVAILABLE, base64 as Chrome's HAR export writes it.
  const trailer = Buffer.from('grpc-status:14\r\ngrpc-message:upstream%20down\r\n');
  const frame = Buffer.concat([Buffer.from([0x80, 0, 0, 0, trailer.length]), trailer]).toString('base64');
  const grpcEntry = {
    ...entry(200),
    response: {
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'content-type', value: 'application/grpc-web+proto' }],
      content: { size: 0, mimeType: 'application/grpc-web+proto', text: frame, encoding: 'base64' },
    },
  };

  it('--json appends protocol and the failed operations, summarising the first', async () => {
    const r = await cli(['triage', 'p.har', '--json'], {
      'p.har': har([entry(200, batch), grpcEntry, entry(404, '{"message":"nope"}')]),
    });
    const rows = JSON.parse(r.stdout) as TriageRow[];
    expect(Object.keys(rows[0])).toEqual([...TRIAGE_FIELDS]);
    expect(TRIAGE_FIELDS.slice(-2)).toEqual(['protocol', 'operations']);
    expect(rows[0]).toMatchObject({
      failure: true,
      protocol: 'jsonrpc',
      errorCode: '-32600',
      message: 'Invalid Request',
    });
    expect(rows[0].operations).toEqual([
      { index: 1, id: null, path: null, errorCode: '-32600', message: 'Invalid Request', retryable: false },
      { index: 2, id: '5', path: null, errorCode: '-32601', message: 'Method not found', retryable: false },
    ]);
    expect(rows[1]).toMatchObject({
      failure: true,
      protocol: 'grpc-web',
      errorCode: 'UNAVAILABLE',
      message: 'upstream down',
      retryable: true,
      operations: [],
    });
    expect(rows[2]).toMatchObject({ protocol: null, operations: [] });
  });

  it('the table names the protocol and lists the failed operations under the row', async () => {
    const r = await cli(['triage', 'p.har', '--no-color'], { 'p.har': har([entry(200, batch), grpcEntry]) });
    expect(r.stdout).toContain('JSON-RPC 2.0 batch · 2 of 3 failed · -32600');
    expect(r.stdout).toContain('↳ op 2 id 5: -32601 Method not found');
    expect(r.stdout).toContain('gRPC-web · UNAVAILABLE (14)');
    expect(r.stdout).toContain('2 failures (0 client, 0 server, 0 network, 2 2xx-with-error)');
  });
});
