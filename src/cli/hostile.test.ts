// The CLI against hostile HAR files (issue 9): a ~200 MB file generated at test time, a file with
// wrong types in many places, random mutations of a valid HAR (fast-check, shrinking), and secrets.
// Bounds are the documented ones (MAX_INPUT_BYTES, HAR_DEFAULT_MAX_BODY_CHARS), never timings.
import { once } from 'node:events';
import { closeSync, createWriteStream, ftruncateSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAR_DEFAULT_MAX_BODY_CHARS } from '../core/har';
import { MAX_INPUT_BYTES, run, type CliIo, type TriageRow } from './main';
import { readFileLimited } from './node-io';

const MiB = 1024 * 1024;
/** Property runs scale with FAULTLINE_FUZZ_RUNS (a multiplier, default 1) for a longer local fuzzing session. */
const FUZZ = Math.max(1, Number(process.env.FAULTLINE_FUZZ_RUNS) || 1);
const NO_STACK = /\n\s+at |\bat .*:\d+:\d+|node:internal|\.ts:\d+/;
/** Every line the CLI writes to stderr. */
const STDERR_LINE = /^faultline: (?:[^:]+: (?:entry \d+: .+|note: .+|\d+ more entry problems not shown|.+)|.+)$/;

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real node reader for files; stdout and stderr captured. */
async function cli(argv: string[], files: Record<string, string> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => (path in files ? files[path] : readFileLimited(path)),
    readStdin: async () => '',
    isTTY: false,
    env: {},
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const stderrLines = (r: Captured): string[] => (r.stderr === '' ? [] : r.stderr.replace(/\n$/, '').split('\n'));

function expectNoStackTrace(r: Captured): void {
  expect([0, 1, 2]).toContain(r.code);
  expect(r.stderr).not.toMatch(NO_STACK);
  for (const line of stderrLines(r)) expect(line).toMatch(STDERR_LINE);
}

const entry = (i: number, status: number, body: string, extra: { request?: object; response?: object } = {}) => ({
  startedDateTime: '2026-11-23T18:00:00.000Z',
  time: 12,
  request: {
    method: i % 3 === 0 ? 'POST' : 'GET',
    url: `https://api.test/v1/items/${i}`,
    headers: [{ name: 'accept', value: 'application/json' }],
    ...extra.request,
  },
  response: {
    status,
    statusText: '',
    headers: [
      { name: 'content-type', value: 'application/json' },
      { name: 'x-request-id', value: `req_${i}` },
    ],
    content: { size: body.length, mimeType: 'application/json', text: body },
    ...extra.response,
  },
});

const errorBody = (i: number, pad = ''): string =>
  JSON.stringify({ error: { code: `code_${i}`, message: `failure ${i}` }, padding: pad });
const harText = (entries: unknown[]): string =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

// ---------------------------------------------------------------------------------------------

describe('a ~200 MB HAR', () => {
  let dir: string;
  let file: string;
  let entries = 0;
  const STATUSES = [200, 404, 500, 429, 503, 201, 422];
  /** One body far beyond the HAR reader's per-body cap. */
  const HUGE_INDEX = 7;
  const HUGE_BODY_CHARS = 50 * MiB;
  /** One entry the reader cannot convert. */
  const BROKEN_INDEX = 11;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-hostile-cli-'));
    file = join(dir, 'big.har');
    const stream = createWriteStream(file);
    const write = async (text: string): Promise<void> => {
      if (!stream.write(text)) await once(stream, 'drain');
    };
    await write('{"log":{"version":"1.2","creator":{"name":"generator","version":"1"},"entries":[');
    const pad = 'x'.repeat(100 * 1024);
    let bytes = 0;
    for (let i = 0; bytes < 200 * MiB; i++) {
      let e: unknown;
      if (i === HUGE_INDEX) e = entry(i, 500, errorBody(i, 'y'.repeat(HUGE_BODY_CHARS)));
      else if (i === BROKEN_INDEX)
        e = {
          request: { method: 'GET', url: 'https://api.test/broken', headers: 'not a list' },
          response: { status: 500 },
        };
      else e = entry(i, STATUSES[i % STATUSES.length], errorBody(i, pad));
      const text = (i === 0 ? '' : ',') + JSON.stringify(e);
      await write(text);
      bytes += text.length;
      entries = i + 1;
    }
    await write(']}}');
    stream.end();
    await once(stream, 'close');
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is at least 200 MiB and within the documented input limit', () => {
    const size = statSync(file).size;
    expect(size).toBeGreaterThanOrEqual(200 * MiB);
    expect(size).toBeLessThanOrEqual(MAX_INPUT_BYTES);
  });

  it('triages every entry, says which body was cut and which entry was skipped, on one line each', async () => {
    const r = await cli(['triage', file, '--json']);
    expectNoStackTrace(r);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as TriageRow[];
    expect(rows).toHaveLength(entries);
    rows.forEach((row, i) => expect(row.index).toBe(i));
    expect(stderrLines(r)).toEqual([
      `faultline: ${file}: entry ${HUGE_INDEX}: response body of 50.0 MB cut to ${(HAR_DEFAULT_MAX_BODY_CHARS / MiB).toFixed(1)} MB`,
      `faultline: ${file}: entry ${BROKEN_INDEX}: request.headers must be an array, got string (entry not triaged)`,
    ]);
    expect(rows[BROKEN_INDEX]).toMatchObject({
      format: 'invalid-entry',
      failure: null,
      url: 'https://api.test/broken',
    });
    // The cut body is still read from its head.
    expect(rows[HUGE_INDEX]).toMatchObject({
      status: 500,
      failure: true,
      errorCode: `code_${HUGE_INDEX}`,
      errorId: `req_${HUGE_INDEX}`,
    });
    for (const row of rows) {
      if (row.index === BROKEN_INDEX || row.status! < 400) continue;
      expect(row.errorCode).toBe(`code_${row.index}`);
    }
  }, 300_000);

  it('exits 1 with --fail-on server and prints the table with a summary line', async () => {
    const r = await cli(['triage', file, '--fail-on', 'server']);
    expectNoStackTrace(r);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(`^${entries} entries, \\d+ failures .*, 1 invalid entry$`),
    );
  }, 300_000);
});

describe('input limit', () => {
  it(`refuses a file over MAX_INPUT_BYTES (${MAX_INPUT_BYTES / MiB} MiB) in one line, without reading it`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-hostile-limit-'));
    try {
      const file = join(dir, 'sparse.har');
      // Sparse: the size is real, the disk holds nothing.
      const fd = openSync(file, 'w');
      ftruncateSync(fd, MAX_INPUT_BYTES + 1);
      closeSync(fd);
      const r = await cli(['triage', file]);
      expectNoStackTrace(r);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(stderrLines(r)).toEqual([
        `faultline: ${file}: larger than the ${MAX_INPUT_BYTES / MiB} MiB limit (${MAX_INPUT_BYTES / MiB} MiB or more)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** Entries with one wrong-typed part each: whether the reader must skip the entry, or warn and triage it. */
const WRONG_TYPES: Array<{ what: string; skipped: boolean; make(i: number): unknown }> = [
  { what: 'entry is a string', skipped: true, make: () => 'entry' },
  { what: 'entry is null', skipped: true, make: () => null },
  { what: 'entry is an array', skipped: true, make: () => [1, 2] },
  { what: 'request is a string', skipped: true, make: (i) => ({ ...entry(i, 500, errorBody(i)), request: 'GET /' }) },
  {
    what: 'request.method is a number',
    skipped: true,
    make: (i) => entry(i, 500, errorBody(i), { request: { method: 42 } }),
  },
  { what: 'request.url is null', skipped: true, make: (i) => entry(i, 500, errorBody(i), { request: { url: null } }) },
  {
    what: 'request.headers is an object',
    skipped: true,
    make: (i) => entry(i, 500, errorBody(i), { request: { headers: { accept: 'json' } } }),
  },
  { what: 'response is a number', skipped: true, make: (i) => ({ ...entry(i, 500, errorBody(i)), response: 500 }) },
  {
    what: 'response.status is text',
    skipped: true,
    make: (i) => entry(i, 500, errorBody(i), { response: { status: 'five hundred' } }),
  },
  {
    what: 'response.status is 1e6',
    skipped: true,
    make: (i) => entry(i, 500, errorBody(i), { response: { status: 1e6 } }),
  },
  {
    what: 'response.status is 404.5',
    skipped: true,
    make: (i) => entry(i, 500, errorBody(i), { response: { status: 404.5 } }),
  },
  {
    what: 'response.headers is a string',
    skipped: true,
    make: (i) => entry(i, 500, errorBody(i), { response: { headers: 'content-type: json' } }),
  },
  {
    what: 'response.content is an array',
    skipped: false,
    make: (i) => entry(i, 500, errorBody(i), { response: { content: [] } }),
  },
  {
    what: 'content.text is a number',
    skipped: false,
    make: (i) => entry(i, 500, errorBody(i), { response: { content: { mimeType: 'application/json', text: 42 } } }),
  },
  {
    what: 'content.encoding is gzip',
    skipped: false,
    make: (i) =>
      entry(i, 500, errorBody(i), {
        response: { content: { mimeType: 'application/json', text: 'H4sI', encoding: 'gzip' } },
      }),
  },
  {
    what: 'request.postData is a string',
    skipped: false,
    make: (i) => entry(i, 500, errorBody(i), { request: { postData: 'a=1' } }),
  },
  {
    what: 'response._error is an object',
    skipped: false,
    make: (i) => entry(i, 500, errorBody(i), { response: { _error: { code: 1 } } }),
  },
  {
    what: 'startedDateTime is a number',
    skipped: false,
    make: (i) => ({ ...entry(i, 500, errorBody(i)), startedDateTime: 1_700_000_000 }),
  },
  {
    what: 'headers hold junk items',
    skipped: false,
    make: (i) =>
      entry(i, 500, errorBody(i), {
        response: {
          headers: [
            1,
            null,
            { name: 2, value: 'x' },
            { name: 'x-request-id', value: { id: 1 } },
            { name: 'content-type', value: 'application/json' },
          ],
        },
      }),
  },
];

describe('a HAR with wrong types in many places', () => {
  // Valid entries between the broken ones: each must still be triaged.
  const list: unknown[] = [];
  const kinds: Array<{ what: string; skipped: boolean } | null> = [];
  WRONG_TYPES.forEach((w, n) => {
    list.push(entry(list.length, 404, errorBody(list.length)));
    kinds.push(null);
    list.push(w.make(list.length));
    kinds.push(w);
    if (n === WRONG_TYPES.length - 1) {
      list.push(entry(list.length, 503, errorBody(list.length)));
      kinds.push(null);
    }
  });
  const text = harText(list);

  it('reports every broken entry on its own line, in order, and triages all the others', async () => {
    const r = await cli(['triage', 'wrong.har', '--json'], { 'wrong.har': text });
    expectNoStackTrace(r);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as TriageRow[];
    expect(rows).toHaveLength(list.length);
    const lines = stderrLines(r);
    const lineIndices = lines.map((l) => Number(/: entry (\d+): /.exec(l)?.[1]));
    expect(lineIndices).toEqual([...lineIndices].sort((a, b) => a - b));
    const problems: string[] = [];
    kinds.forEach((kind, i) => {
      const row = rows[i];
      const said = lines.filter((l) => l.includes(`: entry ${i}: `));
      if (kind === null) {
        if (row.format === 'invalid-entry' || row.errorCode !== `code_${i}` || said.length > 0)
          problems.push(`valid entry ${i} not triaged cleanly`);
      } else if (kind.skipped) {
        if (row.format !== 'invalid-entry' || row.failure !== null) problems.push(`${kind.what}: not marked invalid`);
        if (said.length !== 1 || !said[0].endsWith('(entry not triaged)'))
          problems.push(`${kind.what}: stderr ${JSON.stringify(said)}`);
      } else {
        if (row.format === 'invalid-entry' || row.failure !== true) problems.push(`${kind.what}: not triaged`);
        if (said.length !== 1 || said[0].endsWith('(entry not triaged)'))
          problems.push(`${kind.what}: stderr ${JSON.stringify(said)}`);
      }
    });
    expect(problems).toEqual([]);
    // Under the 20-line cap, every problem has its line and nothing else is printed.
    expect(lines).toHaveLength(WRONG_TYPES.length);
  });

  it('caps the problem lines at 20 and says how many more there were', async () => {
    const many = Array.from({ length: 45 }, () => null);
    const r = await cli(['triage', 'many.har'], { 'many.har': harText(many) });
    expectNoStackTrace(r);
    const lines = stderrLines(r);
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('faultline: many.har: 25 more entry problems not shown');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '45 entries, 0 failures (0 client, 0 server, 0 network, 0 2xx-with-error), 45 invalid entries',
    );
  });

  it('reads a HAR nested 100,000 levels deep, and refuses a cut one in one line', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const nested = `{"log":{"entries":[${JSON.stringify(entry(0, 500, errorBody(0))).slice(0, -1)},"_junk":${deep}}]}}`;
    const ok = await cli(['triage', 'deep.har', '--json'], { 'deep.har': nested });
    expectNoStackTrace(ok);
    expect((JSON.parse(ok.stdout) as TriageRow[])[0]).toMatchObject({ errorCode: 'code_0' });
    const cut = await cli(['triage', 'cut.har'], { 'cut.har': nested.slice(0, nested.length / 2) });
    expectNoStackTrace(cut);
    expect(cut.code).toBe(2);
    expect(stderrLines(cut)).toEqual([
      expect.stringMatching(
        /^faultline: cut\.har: not JSON: unexpected end of file, expected .+ at line 1 column \d+$/,
      ),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('random mutations of a valid HAR (property, shrinks)', () => {
  const base = {
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: [
        entry(0, 429, JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down', request_id: 'req_a' } }), {
          response: {
            headers: [
              { name: 'retry-after', value: '30' },
              { name: 'content-type', value: 'application/json' },
            ],
          },
        }),
        entry(1, 200, '{"ok":true}'),
        entry(2, 500, JSON.stringify({ type: 'about:blank', title: 'Oops', status: 500, detail: 'x' })),
        {
          ...entry(3, 0, ''),
          response: {
            status: 0,
            statusText: '',
            headers: [],
            content: { size: 0, mimeType: 'x-unknown' },
            _error: 'net::ERR_CONNECTION_REFUSED',
          },
        },
        entry(4, 400, Buffer.from('{"error":{"code":"b64"}}').toString('base64'), {
          response: {
            content: {
              mimeType: 'application/json',
              text: Buffer.from('{"error":{"code":"b64"}}').toString('base64'),
              encoding: 'base64',
            },
          },
        }),
      ],
    },
  };

  type Path = Array<string | number>;
  /** Every path into a JSON value, the root included. */
  function paths(value: unknown, prefix: Path = []): Path[] {
    const out: Path[] = [prefix];
    if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
    return out;
  }
  const ALL_PATHS = paths(base);

  type Mutation = { path: Path; op: 'set'; value: unknown } | { path: Path; op: 'delete' };
  function apply(root: unknown, m: Mutation): unknown {
    if (m.path.length === 0) return m.op === 'set' ? m.value : undefined;
    if (root === null || typeof root !== 'object') return root;
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let at: Record<string | number, unknown> = copy;
    for (const step of m.path.slice(0, -1)) {
      const next = at[step];
      if (next === null || typeof next !== 'object') return copy;
      at = next as Record<string | number, unknown>;
    }
    const last = m.path.at(-1)!;
    if (m.op === 'delete') {
      if (Array.isArray(at) && typeof last === 'number') at.splice(last, 1);
      else delete at[last];
    } else at[last] = m.value;
    return copy;
  }

  const hostileValue = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom<unknown>(
      null,
      '',
      -1,
      0,
      1e308,
      99999,
      '200',
      'NaN',
      [],
      {},
      '\u0000',
      '\u001b[31mred',
      '<script>x</script>',
      '__proto__',
      { __proto__: null },
    ),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ path: fc.constantFrom(...ALL_PATHS), op: fc.constant('set' as const), value: hostileValue }),
    fc.record({ path: fc.constantFrom(...ALL_PATHS), op: fc.constant('delete' as const) }),
  );
  /** The file's text: the JSON, sometimes cut, sometimes with bytes spliced in. */
  const damage = fc.oneof(
    fc.constant((t: string) => t),
    fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (t: string) => t.slice(0, Math.floor(t.length * f))),
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ unit: 'binary', maxLength: 5 }))
      .map(([f, junk]) => (t: string) => {
        const at = Math.floor(t.length * f);
        return t.slice(0, at) + junk + t.slice(at);
      }),
  );
  const flags = fc.constantFrom<string[]>(
    [],
    ['--json'],
    ['--fail-on', 'any'],
    ['--json', '--fail-on', 'server'],
    ['--no-color'],
  );

  it('never prints a stack trace, exits 0, 1 or 2, and writes stderr one line per problem', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        damage,
        flags,
        fc.constantFrom('triage', 'audit'),
        async (mutations, hurt, argvFlags, command) => {
          const mutated = mutations.reduce<unknown>((root, m) => apply(root, m), base);
          const text = hurt(JSON.stringify(mutated) ?? '');
          const useFlags =
            command === 'audit' ? argvFlags.filter((f) => f !== 'server' && f !== '--fail-on') : argvFlags;
          const r = await cli([command, 'm.har', ...useFlags], { 'm.har': text });
          expectNoStackTrace(r);
          const lines = stderrLines(r);
          if (r.code === 2) {
            expect(r.stdout).toBe('');
            expect(lines).toHaveLength(1);
            return;
          }
          // Problem lines: at most 20 plus one "more" line, in entry order, and each names one entry.
          const problemLines = lines.filter((l) => / entry \d+: /.test(l));
          expect(problemLines.length).toBeLessThanOrEqual(20);
          const indices = problemLines.map((l) => Number(/ entry (\d+): /.exec(l)![1]));
          expect(indices).toEqual([...indices].sort((a, b) => a - b));
          if (command === 'triage' && useFlags.includes('--json')) {
            const rows = JSON.parse(r.stdout) as TriageRow[];
            rows.forEach((row, i) => expect(row.index).toBe(i));
            for (const i of indices) expect(i).toBeLessThan(rows.length);
            // Every entry the CLI could not read is named on stderr (when the 20-line cap is not hit).
            if (!lines.some((l) => l.endsWith('more entry problems not shown'))) {
              for (const row of rows.filter((x) => x.format === 'invalid-entry')) expect(indices).toContain(row.index);
            }
          }
        },
      ),
      { numRuns: 400 * FUZZ },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------

describe('secrets in CLI output', () => {
  it('keeps credentials out of --json and the table, also where the server echoes them', async () => {
    const secret = {
      query: 'Zx81QueryToken0123456789',
      bearer: 'Zx81EchoedBearer0123456789',
      apiKey: 'Zx81EchoedApiKey0123456789',
      header: 'Zx81AuthHeader0123456789',
    };
    const text = harText([
      entry(
        0,
        401,
        JSON.stringify({
          error: {
            code: 'unauthorized',
            message: `Authorization: Bearer ${secret.bearer} rejected (api_key=${secret.apiKey})`,
          },
        }),
        {
          request: {
            url: `https://api.test/v1/me?access_token=${secret.query}&page=2`,
            headers: [{ name: 'Authorization', value: `Bearer ${secret.header}` }],
          },
        },
      ),
    ]);
    for (const flags of [['--json'], []]) {
      const r = await cli(['triage', 's.har', ...flags], { 's.har': text });
      expectNoStackTrace(r);
      const out = r.stdout + r.stderr;
      expect(
        Object.values(secret).filter((s) => out.includes(s)),
        `triage ${flags.join(' ')}`,
      ).toEqual([]);
    }
  });
});
