// The `faultline` command, as a function of its arguments and I/O so it can be tested without a process.
// Exit codes: 0 ok, 1 failures matched --fail-on, 2 usage error or unusable input. Never a stack trace.
import { classify, type ClassifyOptions } from '../core/classify';
import { assertNever } from '../core/assert-never';
import {
  describeJsonError,
  HarError,
  parseHar,
  type ConvertedEntry,
  type HarParseResult,
  type HarProblem,
} from '../core/har';
import { convertEntryBytes, HarEntryStream } from '../core/har-stream';
import { bodyHash } from '../core/fingerprint';
import { redactText, redactUrl } from '../core/redact';
import { protocolLabel } from '../core/protocols/label';
import { auditAttempts, AUDIT_LIMITS, AUDIT_RULE_TITLES, type AuditAttempt, type RetrySequence } from '../core/audit';
import { describeProblems, validateRules, type Rule } from '../core/rules';
import { withSpecRules } from '../core/built-in-profiles';
import { headerValue } from '../core/headers';
import { parseSpecText } from '../core/openapi/parse';
import { loadSpec } from '../core/openapi/load';
import { checkExchange } from '../core/openapi/check';
import { specRules } from '../core/openapi/rules';
import type { LoadedSpec, SpecFinding, SpecProblemKind } from '../core/openapi/types';
import type { Classification, Exchange, FailureKind } from '../core/types';
import pkg from '../../package.json';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file as UTF-8 text. Rejects with an Error carrying a Node-style `code` (ENOENT, EISDIR, EACCES, E2BIG, …). */
  readFile(path: string): Promise<string>;
  /** Reads all of stdin as UTF-8 text, with the same size limit. */
  readStdin(): Promise<string>;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  /** Terminal width, when stdout is a terminal: the ACTION column is fitted to it. */
  columns?: number;
  /**
   * Opens a file ('-' for stdin) as a byte stream, so a HAR of any size is read in bounded memory.
   * Without it, inputs are read whole with readFile/readStdin.
   */
  openInput?(path: string): Promise<InputSource>;
  /** Whether stderr is a terminal: progress lines are printed only then. */
  stderrIsTTY?: boolean;
  /**
   * Parses and triages streamed entries on other threads (node-io.ts); null or absent: on this one.
   * `deliver` gets one result per entry, in input order, up to and including the first error.
   */
  openEntryPool?(config: EntryTriageConfig, deliver: (result: EntryResult) => void): EntryPool | null;
  env?: Readonly<Record<string, string | undefined>>;
}

/** A streamed input: its size when known (files), and its bytes. */
export interface InputSource {
  size: number | null;
  chunks: AsyncIterable<Uint8Array>;
}

/** What a streamed entry's triage needs besides the entry: plain data, so another thread can be given it. */
export interface EntryTriageConfig {
  command: 'triage' | 'audit';
  json: boolean;
  failOn: FailOn | null;
  rules: readonly Rule[] | undefined;
}

/** What one streamed entry adds to the output, wherever it was triaged. */
export interface EntryOutcome {
  problems: HarProblem[];
  matchedFailOn: boolean;
  /** --json: the row's text. */
  json?: string;
  /** The table: the row, when it is listed. */
  shown?: TriagedRow;
  /** audit: the attempt, without its bodies. */
  attempt?: AuditAttempt;
}

export type EntryResult =
  { index: number; outcome: EntryOutcome } | { index: number; error: string; harError: boolean };

/** Entries handed to other threads; their results come back through the `deliver` it was opened with. */
export interface EntryPool {
  /** Takes one entry's bytes (copied before it returns). */
  add(bytes: Uint8Array, index: number): void;
  /** Resolves once few enough entries are in flight to read on (rejects when a thread failed). */
  ready(): Promise<void>;
  /** Sends what is held; resolves when every result has been delivered. */
  drain(): Promise<void>;
  close(): void;
}

/** Inputs read whole are refused above this: V8 cannot hold a string much longer (2^29 − 24 code units). */
export const MAX_INPUT_BYTES = 500 * 1024 * 1024;

/** Inputs larger than this are streamed entry by entry (bounded memory) instead of read whole. */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

export const EXIT_OK = 0;
export const EXIT_FAILURES = 1;
export const EXIT_BAD_INPUT = 2;

type FailOn = 'client' | 'server' | 'any';
const FAIL_ON_VALUES: readonly FailOn[] = ['client', 'server', 'any'];
/** `--fail-on` values that need `--spec`: contract problems (see core/openapi/check.ts). */
type SpecFailOn = 'undocumented' | 'mismatch' | 'unknown-operation';
const SPEC_FAIL_ON_VALUES: readonly SpecFailOn[] = ['undocumented', 'mismatch', 'unknown-operation'];

/** Fields appended to each --json row when --spec is given. */
export interface SpecRowFields {
  /** The documented operation the entry matched, or null (no spec covers its URL, or none of its paths). */
  specOperation: {
    key: string;
    operationId: string | null;
    summary: string | null;
    tags: string[];
    documentedStatus: string | null;
    description: string | null;
  } | null;
  specProblems: Array<{ kind: SpecProblemKind; message: string }>;
  specViolations: Array<{ path: string; message: string }>;
}
export const SPEC_FIELDS = ['specOperation', 'specProblems', 'specViolations'] as const satisfies ReadonlyArray<
  keyof SpecRowFields
>;

/** The --json object: exactly these fields, in this order. */
export interface TriageRow {
  index: number;
  method: string | null;
  url: string | null;
  status: number | null;
  failure: boolean | null;
  format: string;
  errorCode: string | null;
  errorId: string | null;
  message: string | null;
  retryable: boolean | null;
  retryAfterSeconds: number | null;
  idempotent: boolean | null;
  action: string | null;
  /** The RPC protocol ('grpc-web', 'jsonrpc', …), null for plain HTTP APIs. */
  protocol: string | null;
  /** Batches: each failed operation (at most MAX_OPERATIONS; a last `{omitted: N}` item counts the rest). */
  operations: Array<TriageOperation | { omitted: number }>;
}

export interface TriageOperation {
  index: number;
  id: string | null;
  path: string | null;
  errorCode: string | null;
  message: string | null;
  retryable: boolean;
}

export const TRIAGE_FIELDS = [
  'index',
  'method',
  'url',
  'status',
  'failure',
  'format',
  'errorCode',
  'errorId',
  'message',
  'retryable',
  'retryAfterSeconds',
  'idempotent',
  'action',
  'protocol',
  'operations',
] as const satisfies ReadonlyArray<keyof TriageRow>;

export const HELP = `faultline: explains failing HTTP calls in a HAR file

Usage:
  faultline triage FILE.har [--json] [--fail-on client|server|any] [--no-color] [--rules FILE]
  faultline triage - ...        read the HAR from stdin
  faultline triage FILE.har --spec openapi.yaml [--fail-on undocumented,mismatch]
  faultline audit FILE.har [--json] [--fail-on any] [--rules FILE]
                                check the client's own retries against the advice
  faultline --help | --version

Output:
  By default, a table of the failed entries (index, method, status, URL, error code,
  the ID to quote to support, retry advice, action) and a summary line:
    N entries, F failures (C client, S server, N network, B 2xx-with-error)
  Colour only when stdout is a terminal and NO_COLOR is not set; --color and
  --no-color force it on or off.

  --json   A JSON array with one object per HAR entry, in input order, with exactly
           the fields index, method, url, status, failure, format, errorCode, errorId,
           message, retryable, retryAfterSeconds, idempotent, action, protocol,
           operations.
           protocol names the RPC protocol (grpc-web, connect, twirp, jsonrpc, trpc,
           graphql), null for plain HTTP APIs. operations lists each failed operation
           of a batch (JSON-RPC, tRPC, GraphQL) as {index, id, path, errorCode,
           message, retryable}, at most 100; a last {omitted: N} counts the rest.
           The other fields summarise the first failed operation.
           index is the 0-based position in log.entries. Token-like URL parameters
           (token, api_key, code, sig, ...) are replaced by [REDACTED].
           An entry that cannot be read (e.g. no request, headers not an array) gets
           format "invalid-entry", failure null, status null, the problem in message,
           and null for the other verdict fields.

  --fail-on client|server|any
           Exit 1 when the HAR has such failures:
             client  a 4xx response
             server  a 5xx response
             any     any failure: 4xx, 5xx, no response (network error), or a 2xx
                     whose body says it failed
           Invalid entries are warnings, not failures.

  --spec FILE
           An OpenAPI 3.0 / 3.1 or Swagger 2.0 document (JSON or YAML) of the API the HAR
           calls; may be given more than once. Each entry is matched to its operation
           and checked against the contract, and --json rows get three more fields:
           specOperation, specProblems (kind undocumented, mismatch or unknown-operation,
           with a message) and specViolations (the first schema violations, with their
           JSON paths). The error schema also tells the classifier where the code,
           message and ID are. A spec that cannot be read exits 2 with one line.
           External $refs are refused, never fetched.

  --fail-on undocumented,mismatch,unknown-operation
           With --spec: exit 1 when an entry has such a contract problem. Combines
           with client, server or any, comma-separated.

  --rules FILE
           Per-host rules, as the options page exports them (JSON), applied to
           every entry. A file with an invalid rule exits 2 naming the field.

Input:
  A HAR 1.2 file (BOM, CRLF and HARP/JSONP onInputData(...) wrappers are accepted),
  of any size: files over 64 MiB are read entry by entry in bounded memory, with a
  progress line on a terminal, and triaged on worker threads (one per core, at most
  four; FAULTLINE_WORKERS=N sets the count, 0 keeps all on one thread; the output is
  the same). A broken entry is reported on stderr and the others are triaged.

Exit status:
  0  done (and no failure matched --fail-on)
  1  failures matched --fail-on
  2  usage error, or the input is not a readable HAR file (one line on stderr)
`;

interface Options {
  command: 'triage' | 'audit' | 'help' | 'version';
  file?: string;
  json: boolean;
  failOn: FailOn | null;
  color: boolean | null;
  rules?: string;
  specs: string[];
  failOnSpec: SpecFailOn[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { command: 'triage', json: false, failOn: null, color: null, specs: [], failOnSpec: [] };
  const positional: string[] = [];
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = String(argv[i]);
    if (onlyPositional || arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      i++;
      return String(next);
    };
    switch (name) {
      case '-h':
      case '--help':
        return { ...opts, command: 'help' };
      case '-V':
      case '--version':
        return { ...opts, command: 'version' };
      case '--json':
        opts.json = true;
        break;
      case '--no-color':
        opts.color = false;
        break;
      case '--color':
        opts.color = true;
        break;
      case '--fail-on': {
        for (const value of takeValue().split(',')) {
          if (SPEC_FAIL_ON_VALUES.includes(value as SpecFailOn)) {
            if (!opts.failOnSpec.includes(value as SpecFailOn)) opts.failOnSpec.push(value as SpecFailOn);
            continue;
          }
          if (!FAIL_ON_VALUES.includes(value as FailOn))
            throw new UsageError(
              `--fail-on must be client, server or any (with --spec also undocumented, mismatch or unknown-operation), not '${clean(value)}'`,
            );
          opts.failOn = value as FailOn;
        }
        break;
      }
      case '--spec':
        opts.specs.push(takeValue());
        break;
      case '--rules':
        opts.rules = takeValue();
        break;
      default:
        throw new UsageError(`unknown option '${clean(name)}'`);
    }
    if (inline !== undefined && name !== '--fail-on' && name !== '--rules' && name !== '--spec')
      throw new UsageError(`${name} takes no value`);
  }
  const [command, ...rest] = positional;
  if (command === undefined) throw new UsageError('missing command: try faultline triage FILE.har');
  if (command === 'help') return { ...opts, command: 'help' };
  if (command !== 'triage' && command !== 'audit')
    throw new UsageError(`unknown command '${clean(command)}' (the commands are triage and audit)`);
  if (rest.length === 0) throw new UsageError(`${command} needs a HAR file (or - for stdin)`);
  if (rest.length > 1) throw new UsageError(`${command} takes one HAR file`);
  if (command === 'audit' && opts.failOn !== null && opts.failOn !== 'any')
    throw new UsageError('audit takes --fail-on any (exit 1 when there is a finding)');
  if (opts.failOnSpec.length && !opts.specs.length)
    throw new UsageError(`--fail-on ${opts.failOnSpec.join(',')} needs --spec FILE`);
  if (command === 'audit' && (opts.specs.length || opts.failOnSpec.length))
    throw new UsageError('--spec is for triage');
  opts.command = command;
  opts.file = rest[0];
  return opts;
}

/** Runs the CLI. Resolves to the exit code; never rejects, never prints a stack trace. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await runUnsafe(argv, io);
  } catch (err) {
    safeWrite(io.stderr, `faultline: internal error: ${clean(errorMessage(err))}\n`);
    return EXIT_BAD_INPUT;
  }
}

async function runUnsafe(argv: readonly string[], io: CliIo): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`faultline: ${err.message} (see faultline --help)\n`);
    return EXIT_BAD_INPUT;
  }
  if (opts.command === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (opts.command === 'version') {
    io.stdout(`faultline ${String((pkg as { version?: unknown }).version ?? 'unknown')}\n`);
    return EXIT_OK;
  }

  let rules: readonly Rule[] | undefined;
  if (opts.rules !== undefined) {
    const rulesLabel = clean(opts.rules);
    let text: string;
    try {
      text = (await io.readFile(opts.rules)).replace(/^\ufeff/, '');
    } catch (err) {
      io.stderr(`faultline: ${rulesLabel}: ${describeReadError(err)}\n`);
      return EXIT_BAD_INPUT;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch (err) {
      io.stderr(`faultline: ${rulesLabel}: ${clean(`not JSON: ${describeJsonError(text, err)}`)}\n`);
      return EXIT_BAD_INPUT;
    }
    const checked = validateRules(parsed);
    if (!checked.ok) {
      io.stderr(`faultline: ${rulesLabel}: invalid rules: ${clean(describeProblems(checked.problems))}\n`);
      return EXIT_BAD_INPUT;
    }
    rules = checked.document.rules;
  }

  const specs: LoadedSpec[] = [];
  for (const [i, specFile] of opts.specs.entries()) {
    const specLabel = clean(specFile);
    let specText: string;
    try {
      specText = await io.readFile(specFile);
    } catch (err) {
      io.stderr(`faultline: ${specLabel}: ${describeReadError(err)}\n`);
      return EXIT_BAD_INPUT;
    }
    const parsed = parseSpecText(specText, specLabel);
    const loaded = parsed.ok ? loadSpec(parsed.document, { id: `spec-${i + 1}` }) : parsed;
    if (!loaded.ok) {
      io.stderr(`faultline: ${clean(parsed.ok ? `${specLabel}: ${loaded.error}` : loaded.error)}\n`);
      return EXIT_BAD_INPUT;
    }
    for (const warning of loaded.spec.warnings) io.stderr(`faultline: ${specLabel}: note: ${clean(warning)}\n`);
    specs.push(loaded.spec);
  }
  const specProfiles = specs.length ? withSpecRules(specs.flatMap(specRules)) : undefined;

  const file = opts.file!;
  const label = file === '-' ? 'stdin' : clean(file);
  let text: string;
  try {
    const input = await openHarInput(io, file);
    if (input.kind === 'stream') return await runStreamed(opts, io, label, input, rules, specs, specProfiles);
    text = input.text;
  } catch (err) {
    if (err instanceof HarError) {
      io.stderr(`faultline: ${label}: ${clean(err.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`faultline: ${label}: ${describeReadError(err)}\n`);
    return EXIT_BAD_INPUT;
  }

  let har: HarParseResult;
  try {
    har = parseHar(text, { maxEntries: Number.MAX_SAFE_INTEGER });
  } catch (err) {
    const message = err instanceof HarError ? err.message : `cannot read HAR: ${errorMessage(err)}`;
    io.stderr(`faultline: ${label}: ${clean(message)}\n`);
    return EXIT_BAD_INPUT;
  }

  for (const note of har.notes) io.stderr(`faultline: ${label}: note: ${clean(note)}\n`);
  const triaged = triage(har, rules, specProfiles);
  const findings = specs.length ? contractFindings(har, specs) : null;
  reportProblems(io, label, [...har.problems, ...triaged.problems]);

  if (opts.command === 'audit') {
    const attempts: AuditAttempt[] = [];
    triaged.rows.forEach((r) => {
      const exchange = har.exchanges[r.row.index];
      if (r.classification && exchange)
        attempts.push({ id: String(r.row.index), exchange, classification: r.classification });
    });
    const sequences = auditAttempts(attempts);
    io.stdout(opts.json ? auditJson(sequences) : renderAudit(sequences, opts.color ?? (io.isTTY && !io.env?.NO_COLOR)));
    return opts.failOn !== null && sequences.some((s) => s.findings.length > 0) ? EXIT_FAILURES : EXIT_OK;
  }

  if (opts.json)
    io.stdout(
      toJson(
        triaged.rows.map((r) => r.row),
        findings,
      ),
    );
  else {
    const useColor = opts.color ?? (io.isTTY && !io.env?.NO_COLOR);
    io.stdout(renderTable(triaged.rows, useColor, io.isTTY ? io.columns : undefined));
    if (findings) io.stdout(renderContract(findings));
  }

  if (opts.failOn !== null && triaged.rows.some((r) => matchesFailOn(r, opts.failOn!))) return EXIT_FAILURES;
  if (
    findings &&
    opts.failOnSpec.length &&
    [...findings.values()].some((f) => f.problems.some((p) => opts.failOnSpec.includes(p.kind)))
  )
    return EXIT_FAILURES;
  return EXIT_OK;
}

// ---------------------------------------------------------------------------------------------
// Large inputs: streamed

type HarInput =
  | { kind: 'text'; text: string }
  | { kind: 'stream'; size: number | null; head: Uint8Array[]; rest: AsyncIterator<Uint8Array> };

/** Small inputs are read whole (exact syntax errors with line and column); large ones are streamed. */
async function openHarInput(io: CliIo, file: string): Promise<HarInput> {
  if (!io.openInput) return { kind: 'text', text: file === '-' ? await io.readStdin() : await io.readFile(file) };
  const source = await io.openInput(file);
  if (source.size !== null && source.size <= STREAM_THRESHOLD_BYTES) {
    return { kind: 'text', text: file === '-' ? await io.readStdin() : await io.readFile(file) };
  }
  const rest = source.chunks[Symbol.asyncIterator]();
  if (source.size !== null) return { kind: 'stream', size: source.size, head: [], rest };
  // Unknown size (a pipe): read up to the threshold, and stream only if there is more.

  const head: Uint8Array[] = [];
  let held = 0;
  while (held <= STREAM_THRESHOLD_BYTES) {
    const next = await rest.next();
    if (next.done)
      return {
        kind: 'text',
        text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(joinBytes(head, held)),
      };
    head.push(next.value);
    held += next.value.length;
  }
  return { kind: 'stream', size: source.size, head, rest };
}

function joinBytes(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Triages a HAR entry by entry as its bytes arrive. Only what the output needs is kept: JSON rows
 * are written as they come, the table keeps the failed rows, the audit keeps each attempt without
 * its response body. Memory stays bounded by one entry plus the output.
 */
async function runStreamed(
  opts: Options,
  io: CliIo,
  label: string,
  input: Extract<HarInput, { kind: 'stream' }>,
  rules: readonly Rule[] | undefined,
  specs: readonly LoadedSpec[],
  profiles: readonly Rule[] | undefined,
): Promise<number> {
  const findings = specs.length ? new Map<number, SpecFinding>() : null;
  const shown: TriagedRow[] = [];
  let hiddenSuccesses = 0;
  let matchedFailOn = false;
  const problems: HarProblem[] = [];
  const attempts: AuditAttempt[] = [];
  let jsonRows = 0;
  let pending: string[] = [];
  const flushJson = (): void => {
    if (pending.length === 0) return;
    io.stdout((jsonRows === pending.length ? '[\n' : ',\n') + pending.join(',\n'));
    pending = [];
  };
  const apply = (outcome: EntryOutcome): void => {
    problems.push(...outcome.problems);
    if (outcome.matchedFailOn) matchedFailOn = true;
    if (opts.command === 'audit') {
      if (outcome.attempt) attempts.push(outcome.attempt);
    } else if (opts.json) {
      pending.push(outcome.json!);
      jsonRows++;
      if (pending.length >= 256) flushJson();
    } else if (outcome.shown) shown.push(outcome.shown);
    else hiddenSuccesses++;
  };

  const config: EntryTriageConfig = {
    command: opts.command as 'triage' | 'audit',
    json: opts.json,
    failOn: opts.failOn,
    rules,
  };
  // Specs and the profiles they make stay on this thread.
  let entryError: Error | null = null;
  const pool =
    specs.length === 0 && profiles === undefined
      ? (io.openEntryPool?.(config, (result) => {
          if (entryError) return;
          if ('error' in result) entryError = result.harError ? new HarError(result.error) : new Error(result.error);
          else apply(result.outcome);
        }) ?? null)
      : null;

  const progress = createProgress(io, label, input.size);
  const stream = new HarEntryStream(
    (converted, index) => apply(entryOutcome(converted, index, config, specs, profiles, findings)),
    {
      maxEntries: Number.MAX_SAFE_INTEGER,
      ...(pool ? { onEntryBytes: (bytes, index) => pool.add(bytes, index) } : {}),
    },
  );

  try {
    for (const chunk of input.head.splice(0)) stream.push(chunk);
    progress(stream);
    for (let next = await input.rest.next(); !next.done; next = await input.rest.next()) {
      stream.push(next.value);
      progress(stream);
      if (pool) {
        await pool.ready();
        if (entryError) throw entryError;
      }
    }
    if (pool) {
      await pool.drain();
      if (entryError) throw entryError;
    }
    progress(stream, true);
    const summary = stream.end();
    for (const note of summary.notes) io.stderr(`faultline: ${label}: note: ${clean(note)}\n`);
  } catch (thrown) {
    let err = thrown;
    // An entry that did not parse comes before any error found later in the file, as on one thread.
    if (pool && thrown !== entryError) {
      await pool.drain().catch(() => undefined);
      if (entryError) err = entryError;
    }
    progress(stream, true);
    if (opts.json && jsonRows > 0) {
      flushJson();
      io.stdout('\n]\n');
    }
    const message = err instanceof HarError ? err.message : `cannot read HAR: ${errorMessage(err)}`;
    io.stderr(`faultline: ${label}: ${clean(message)}${jsonRows > 0 ? ` (after ${jsonRows} entries)` : ''}\n`);
    return EXIT_BAD_INPUT;
  } finally {
    pool?.close();
  }
  reportProblems(io, label, problems);

  if (opts.command === 'audit') {
    const sequences = auditAttempts(attempts);
    io.stdout(opts.json ? auditJson(sequences) : renderAudit(sequences, opts.color ?? (io.isTTY && !io.env?.NO_COLOR)));
    return opts.failOn !== null && sequences.some((s) => s.findings.length > 0) ? EXIT_FAILURES : EXIT_OK;
  }
  if (opts.json) {
    flushJson();
    io.stdout(jsonRows === 0 ? '[]\n' : '\n]\n');
  } else {
    const useColor = opts.color ?? (io.isTTY && !io.env?.NO_COLOR);
    io.stdout(renderTable(shown, useColor, io.isTTY ? io.columns : undefined, hiddenSuccesses));
    if (findings) io.stdout(renderContract(findings));
  }
  if (matchedFailOn) return EXIT_FAILURES;
  if (
    findings &&
    opts.failOnSpec.length &&
    [...findings.values()].some((f) => f.problems.some((p) => opts.failOnSpec.includes(p.kind)))
  )
    return EXIT_FAILURES;
  return EXIT_OK;
}

/** One streamed entry's contribution to the output (`findings` gets its contract finding). */
function entryOutcome(
  converted: ConvertedEntry,
  index: number,
  config: EntryTriageConfig,
  specs: readonly LoadedSpec[] = [],
  profiles: readonly Rule[] | undefined = undefined,
  findings: Map<number, SpecFinding> | null = null,
): EntryOutcome {
  const problems = [...converted.problems];
  const skipped = converted.problems.find((p) => p.skipped);
  const triaged = triageOne(index, converted.exchange, skipped, config.rules, problems, profiles);
  const finding = findings && converted.exchange ? contractFinding(converted.exchange, specs) : null;
  if (finding) findings!.set(index, finding);
  const outcome: EntryOutcome = {
    problems,
    matchedFailOn: config.failOn !== null && matchesFailOn(triaged, config.failOn),
  };
  if (config.command === 'audit') {
    if (triaged.classification && converted.exchange)
      outcome.attempt = {
        id: String(index),
        exchange: withoutBodies(converted.exchange),
        classification: triaged.classification,
      };
  } else if (config.json) outcome.json = jsonRowText(triaged.row, findings);
  else if (listed(triaged)) outcome.shown = triaged;
  return outcome;
}

/** A worker thread's part of a streamed triage: one entry's bytes to its outcome (throws HarError when not JSON). */
export function triageEntryBytes(
  bytes: Uint8Array,
  index: number,
  config: EntryTriageConfig,
  decoder?: TextDecoder,
): EntryOutcome {
  return entryOutcome(convertEntryBytes(bytes, index, undefined, decoder), index, config);
}

/** The exchange as the audit needs it: bodies replaced by their hash, so a large HAR is not held. */
function withoutBodies(exchange: Exchange): Exchange {
  const slim: Exchange = { ...exchange, requestBodyHash: exchange.requestBodyHash ?? bodyHash(exchange.requestBody) };
  delete slim.body;
  delete slim.requestBody;
  return slim;
}

/** A progress line on stderr, on a terminal only, at most four times a second. */
function createProgress(
  io: CliIo,
  label: string,
  size: number | null,
): (stream: HarEntryStream, done?: boolean) => void {
  if (!io.stderrIsTTY) return () => undefined;
  let last = 0;
  let shownOnce = false;
  return (stream, done = false) => {
    if (done) {
      if (shownOnce) io.stderr('\r\u001b[K');
      return;
    }
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    shownOnce = true;
    const of =
      size === null ? '' : ` of ${formatBytes(size)} (${Math.floor((100 * stream.bytesRead) / Math.max(1, size))}%)`;
    io.stderr(
      `\r\u001b[Kfaultline: ${label}: read ${formatBytes(stream.bytesRead)}${of}, ${stream.entryCount.toLocaleString('en-US')} entries`,
    );
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  return `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

// ---------------------------------------------------------------------------------------------
// Triage

export interface TriagedRow {
  row: TriageRow;
  classification: Classification | null;
  kind: FailureKind | 'invalid';
  /**
   * The extension's background was stopped while the request was in flight and its end never reached
   * it (the export's response._outcomeLost): not a failure, but listed, as the panel shows it.
   */
  outcomeLost?: boolean;
}

/** Listed in the table: failures, invalid entries, and requests whose outcome was lost. */
const listed = (r: TriagedRow): boolean => r.kind !== 'none' || r.outcomeLost === true;

function triage(
  har: HarParseResult,
  rules: readonly Rule[] | undefined,
  profiles?: readonly Rule[],
): { rows: TriagedRow[]; problems: HarProblem[] } {
  const skipped = new Map<number, HarProblem>();
  for (const p of har.problems) if (p.skipped) skipped.set(p.index, p);
  const rows: TriagedRow[] = [];
  const problems: HarProblem[] = [];
  har.exchanges.forEach((exchange, index) =>
    rows.push(triageOne(index, exchange, skipped.get(index), rules, problems, profiles)),
  );
  return { rows, problems };
}

/** One entry's row: invalid when it could not be read or classified (the reason goes to `problems`). */
function triageOne(
  index: number,
  exchange: Exchange | null,
  skipped: HarProblem | undefined,
  rules: readonly Rule[] | undefined,
  problems: HarProblem[],
  profiles?: readonly Rule[],
): TriagedRow {
  if (exchange === null)
    return invalidRow(index, skipped?.message ?? 'entry could not be read', skipped?.method, skipped?.url);
  let c: Classification;
  try {
    c = classify(exchange, { ...classifyOptions(exchange, rules), ...(profiles ? { profiles } : {}) });
  } catch (err) {
    const message = `classifier failed: ${errorMessage(err)}`;
    problems.push({ index, message, skipped: true });
    return invalidRow(index, message, exchange.method, exchange.url);
  }
  const triaged: TriagedRow = { row: rowOf(index, exchange, c), classification: c, kind: kindOf(exchange, c) };
  if (exchange.outcomeLost !== undefined) triaged.outcomeLost = true;
  return triaged;
}

/** A HAR is replayed later: "now" for epoch-based reset headers is when the response arrived, not today. */
function classifyOptions(ex: Exchange, rules: readonly Rule[] | undefined): ClassifyOptions {
  const options: ClassifyOptions = {};
  if (typeof ex.startedAt === 'number' && Number.isFinite(ex.startedAt))
    options.now = ex.startedAt + (ex.durationMs ?? 0);
  if (rules !== undefined) options.rules = rules;
  return options;
}

function rowOf(index: number, ex: Exchange, c: Classification): TriageRow {
  return {
    index,
    method: ex.method,
    url: redactUrl(ex.url),
    status: ex.status,
    failure: c.failure,
    format: c.format,
    // Servers echo credentials in their error text: the row is printed and piped, so it is redacted.
    errorCode: c.errorCode === null ? null : redactText(c.errorCode),
    errorId: c.errorId === null ? null : redactText(c.errorId),
    message: c.message === null ? null : redactText(c.message),
    retryable: c.retryable,
    retryAfterSeconds: c.retryAfterSeconds,
    idempotent: c.idempotent,
    action: redactText(c.action),
    protocol: typeof c.protocol === 'string' ? c.protocol : null,
    operations: operationsOf(c),
  };
}

function operationsOf(c: Classification): TriageRow['operations'] {
  if (!Array.isArray(c.operations)) return [];
  const out: TriageRow['operations'] = c.operations.map((op) => ({
    index: op.index,
    id: op.id === undefined ? null : redactText(op.id),
    path: op.path ?? null,
    errorCode: op.errorCode === null ? null : redactText(op.errorCode),
    message: op.message === null ? null : redactText(op.message),
    retryable: op.retryable,
  }));
  if (typeof c.operationsOmitted === 'number' && c.operationsOmitted > 0) out.push({ omitted: c.operationsOmitted });
  return out;
}

function invalidRow(index: number, message: string, method?: string, url?: string): TriagedRow {
  return {
    row: {
      index,
      method: method ?? null,
      url: url === undefined ? null : redactUrl(url),
      status: null,
      failure: null,
      format: 'invalid-entry',
      errorCode: null,
      errorId: null,
      message,
      retryable: null,
      retryAfterSeconds: null,
      idempotent: null,
      action: null,
      protocol: null,
      operations: [],
    },
    classification: null,
    kind: 'invalid',
  };
}

/** The classifier's kind, falling back to the status class if it is missing. */
function kindOf(ex: Exchange, c: Classification): FailureKind {
  if (!c.failure) return 'none';
  if (c.kind === 'client' || c.kind === 'server' || c.kind === 'network' || c.kind === 'body') return c.kind;
  if (ex.status >= 500) return 'server';
  if (ex.status >= 400) return 'client';
  if (ex.status === 0 || ex.error) return 'network';
  return 'body';
}

function matchesFailOn(r: TriagedRow, failOn: FailOn): boolean {
  if (r.kind === 'invalid' || r.kind === 'none') return false;
  if (failOn === 'any') return true;
  return r.kind === failOn;
}

const MAX_PROBLEM_LINES = 20;

function reportProblems(io: CliIo, label: string, problems: HarProblem[]): void {
  const sorted = [...problems].sort((a, b) => a.index - b.index);
  for (const p of sorted.slice(0, MAX_PROBLEM_LINES)) {
    io.stderr(`faultline: ${label}: entry ${p.index}: ${clean(p.message)}${p.skipped ? ' (entry not triaged)' : ''}\n`);
  }
  if (sorted.length > MAX_PROBLEM_LINES)
    io.stderr(`faultline: ${label}: ${sorted.length - MAX_PROBLEM_LINES} more entry problems not shown\n`);
}

// ---------------------------------------------------------------------------------------------
// Output

// ---------------------------------------------------------------------------------------------
// Contract (--spec)

/** Each readable entry checked against the specs, by entry index. */
function contractFindings(har: HarParseResult, specs: readonly LoadedSpec[]): Map<number, SpecFinding> {
  const out = new Map<number, SpecFinding>();
  har.exchanges.forEach((ex, index) => {
    const finding = ex ? contractFinding(ex, specs) : null;
    if (finding) out.set(index, finding);
  });
  return out;
}

/** One exchange checked against the specs; null when no spec's server matches it. */
function contractFinding(ex: Exchange, specs: readonly LoadedSpec[]): SpecFinding | null {
  const contentType = headerValue(ex.responseHeaders, 'content-type') ?? ex.mimeType ?? null;
  return (
    checkExchange(specs, {
      method: ex.method,
      url: ex.url,
      status: ex.status,
      contentType: contentType || null,
      body: ex.body,
      bodyEncoding: ex.bodyEncoding,
      bodyTruncated: ex.bodyTruncated,
    }) ?? null
  );
}

function specFieldsOf(finding: SpecFinding | undefined): SpecRowFields {
  if (!finding) return { specOperation: null, specProblems: [], specViolations: [] };
  const op = finding.operation;
  return {
    specOperation: op
      ? {
          key: op.key,
          operationId: op.operationId,
          summary: op.summary,
          tags: op.tags,
          documentedStatus: finding.documented?.key ?? null,
          description: finding.documented?.description ?? null,
        }
      : null,
    specProblems: finding.problems.map((p) => ({ kind: p.kind, message: redactText(p.message) })),
    specViolations: finding.violations.map((v) => ({ path: v.path, message: redactText(v.message) })),
  };
}

function renderContract(findings: Map<number, SpecFinding>): string {
  const out: string[] = [];
  for (const [index, f] of findings) {
    for (const p of f.problems) out.push(`#${index}  ${p.kind}  ${display(redactText(p.message))}`);
  }
  const count = (kind: SpecProblemKind): number =>
    [...findings.values()].filter((f) => f.problems.some((p) => p.kind === kind)).length;
  const matched = [...findings.values()].filter((f) => f.operation).length;
  out.push(
    `contract: ${matched} entries matched an operation, ${count('undocumented')} undocumented, ${count('mismatch')} mismatch, ${count('unknown-operation')} unknown-operation`,
  );
  return out.join('\n') + '\n';
}

/** JSON with the characters terminals or old JS parsers may act on (C1 controls, U+2028/9) escaped. */
function toJson(rows: TriageRow[], findings: Map<number, SpecFinding> | null = null): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((row) => jsonRowText(row, findings)).join(',\n')}\n]\n`;
}

/** One row as an element of the --json array (two-space indent), written the same whether streamed or not. */
function jsonRowText(row: TriageRow, findings: Map<number, SpecFinding> | null): string {
  const ordered: Record<string, unknown> = Object.fromEntries(TRIAGE_FIELDS.map((f) => [f, row[f]]));
  if (findings) Object.assign(ordered, specFieldsOf(findings.get(row.index)));
  return JSON.stringify(ordered, null, 2)
    .replace(/^/gm, '  ')
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  magenta: '\u001b[35m',
  cyan: '\u001b[36m',
};
const KIND_COLOR: Record<string, string> = {
  client: ANSI.yellow,
  server: ANSI.red,
  network: ANSI.magenta,
  body: ANSI.cyan,
  invalid: ANSI.dim,
};

interface Column {
  title: string;
  max: number;
  align?: 'right';
  /** Where to cut a long cell: the end (default) or the middle (URLs: host and last segment both matter). */
  cut?: 'middle';
  cell(r: TriagedRow): string;
}

const COLUMNS: Column[] = [
  { title: '#', max: 7, align: 'right', cell: (r) => String(r.row.index) },
  { title: 'METHOD', max: 8, cell: (r) => r.row.method ?? '?' },
  {
    title: 'STATUS',
    max: 7,
    cell: (r) =>
      r.row.status === null ? '?' : r.row.status === 0 ? (r.outcomeLost ? 'LOST' : 'ERR') : String(r.row.status),
  },
  { title: 'URL', max: 44, cut: 'middle', cell: (r) => shortUrl(r.row.url ?? '') },
  {
    title: 'CODE',
    max: 44,
    cell: (r) => (r.classification ? protocolLabel(r.classification) : null) ?? r.row.errorCode ?? '-',
  },
  { title: 'ID', max: 36, cell: (r) => r.row.errorId ?? '-' },
  { title: 'RETRY', max: 15, cell: (r) => retryLabel(r) },
  {
    title: 'ACTION',
    max: 60,
    cell: (r) =>
      r.kind === 'invalid'
        ? `invalid entry: ${r.row.message ?? ''}`
        : r.outcomeLost && r.kind === 'none'
          ? (r.row.message ?? '(outcome lost)')
          : (r.row.action ?? ''),
  },
];
const GAP = '  ';
const MIN_ACTION_WIDTH = 24;

/** `hiddenSuccesses`: entries that were not failures and were not kept (streamed input); counted in the summary. */
function renderTable(rows: TriagedRow[], color: boolean, columns?: number, hiddenSuccesses = 0): string {
  const shown = rows.filter(listed);
  const paint = (code: string, text: string): string => (color && code ? `${code}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  if (shown.length > 0) {
    const raw = shown.map((r) => COLUMNS.map((col) => display(col.cell(r))));
    const widths = COLUMNS.map((col, i) =>
      Math.min(col.max, Math.max(col.title.length, ...raw.map((cells) => cells[i].length))),
    );
    // On a terminal, the action takes whatever width is left.
    if (columns && columns > 0) {
      const used = widths.slice(0, -1).reduce((a, b) => a + b, 0) + GAP.length * (COLUMNS.length - 1);
      widths[widths.length - 1] = Math.max(MIN_ACTION_WIDTH, columns - used - 1);
    }
    const line = (values: string[]): string =>
      values
        .map((v, i) => {
          const col = COLUMNS[i];
          const fitted = fit(v, widths[i], col.cut);
          if (col.align === 'right') return fitted.padStart(widths[i]);
          return i === values.length - 1 ? fitted : fitted.padEnd(widths[i]);
        })
        .join(GAP);
    out.push(paint(ANSI.bold, line(COLUMNS.map((c) => c.title))));
    shown.forEach((r, i) => {
      out.push(paint(KIND_COLOR[r.kind] ?? '', line(raw[i])));
      for (const op of operationLines(r)) out.push(paint(ANSI.dim, op));
    });
    out.push('');
  } else {
    out.push('No failures.');
  }
  out.push(summary(rows, hiddenSuccesses));
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Audit output

function auditJson(sequences: RetrySequence[]): string {
  const out = sequences.map((s) => ({
    call: redactUrl(s.key.slice(s.key.indexOf(' ') + 1)),
    method: s.key.slice(0, s.key.indexOf(' ')),
    attempts: s.attempts.map((a) => ({
      index: Number(a.id),
      status: a.status,
      gapSeconds: a.gapSeconds,
      advisedGapSeconds: a.advisedGapSeconds,
    })),
    findings: s.findings.map((f) => ({
      rule: f.rule,
      title: AUDIT_RULE_TITLES[f.rule],
      attempts: f.attemptIds.map(Number),
      fix: f.fix,
      figures: f.figures,
    })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}

function renderAudit(sequences: RetrySequence[], color: boolean): string {
  const findings = sequences.flatMap((s) => s.findings.map((f) => ({ s, f })));
  const out: string[] = [];
  for (const { s, f } of findings) {
    const method = s.key.slice(0, s.key.indexOf(' '));
    const call = shortUrl(redactUrl(s.key.slice(method.length + 1)));
    const title = display(AUDIT_RULE_TITLES[f.rule]);
    out.push(color ? `${ANSI.bold}${ANSI.red}${title}${ANSI.reset}` : title);
    out.push(`  ${display(method)} ${display(call)}  entries #${f.attemptIds.join(', #')}`);
    out.push(`  ${display(f.fix)}`);
  }
  if (findings.length) out.push('');
  const n = findings.length;
  out.push(
    `${sequences.length} retry ${sequences.length === 1 ? 'sequence' : 'sequences'}, ${n} ${n === 1 ? 'finding' : 'findings'}` +
      ` (storm: more than ${AUDIT_LIMITS.stormAttempts} attempts within ${AUDIT_LIMITS.stormWindowSeconds} s)`,
  );
  return out.join('\n') + '\n';
}

/** Most operation lines printed under one row of the table; the JSON output has them all (up to the cap). */
const MAX_OPERATION_LINES = 10;

/** Under a batch row, one indented line per failed operation: "↳ op 3 id 5: -32601 Method not found". */
function operationLines(r: TriagedRow): string[] {
  const ops = r.row.operations;
  if (ops.length === 0) return [];
  const lines: string[] = [];
  let more = 0;
  for (const op of ops) {
    if ('omitted' in op) {
      more += op.omitted;
      continue;
    }
    if (lines.length >= MAX_OPERATION_LINES) {
      more++;
      continue;
    }
    const who = [`op ${op.index}`, op.id !== null ? `id ${op.id}` : '', op.path ?? ''].filter(Boolean).join(' ');
    const what = [op.errorCode, op.message].filter((x) => x !== null).join(' ');
    lines.push(display(fit(`        ↳ ${who}: ${what}`, 120)));
  }
  if (more > 0) lines.push(`        ↳ ${more} more failed operation${more === 1 ? '' : 's'}`);
  return lines;
}

function summary(rows: TriagedRow[], hiddenSuccesses = 0): string {
  const count = (k: TriagedRow['kind']): number => rows.filter((r) => r.kind === k).length;
  const failures = rows.filter((r) => r.kind !== 'none' && r.kind !== 'invalid').length;
  const invalid = count('invalid');
  const total = rows.length + hiddenSuccesses;
  const entries = `${total} ${total === 1 ? 'entry' : 'entries'}`;
  const base = `${entries}, ${failures} ${failures === 1 ? 'failure' : 'failures'} (${count('client')} client, ${count('server')} server, ${count('network')} network, ${count('body')} 2xx-with-error)`;
  const lost = rows.filter((r) => r.outcomeLost).length;
  const withLost = lost > 0 ? `${base}, ${lost} ${lost === 1 ? 'outcome' : 'outcomes'} lost` : base;
  return invalid > 0 ? `${withLost}, ${invalid} invalid ${invalid === 1 ? 'entry' : 'entries'}` : withLost;
}

function retryLabel(r: TriagedRow): string {
  const c = r.classification;
  if (!c) return '-';
  if (c.retryable && c.retryAfterSeconds !== null && Number.isFinite(c.retryAfterSeconds))
    return `after ${formatSeconds(c.retryAfterSeconds)}`;
  switch (c.verdict) {
    case 'retry-after':
    case 'retry-backoff':
      return 'backoff';
    case 'retry-idempotent':
      return c.idempotent ? 'backoff' : 'idempotency key';
    case 'reauthenticate':
      return 'reauth';
    case 'fix-request':
      return 'fix request';
    case 'do-not-retry':
      return 'no';
    case 'none':
      return c.retryable ? 'yes' : 'no';
    default:
      return assertNever(c.verdict, 'verdict', c.retryable ? 'yes' : 'no');
  }
}

function formatSeconds(s: number): string {
  if (s >= 3600 * 48) return `${Math.round(s / 86400)}d`;
  if (s >= 5400) return `${Math.round(s / 3600)}h`;
  if (s >= 120) return `${Math.round(s / 60)}m`;
  return `${Math.round(s * 10) / 10}s`;
}

function shortUrl(url: string): string {
  const noScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const q = noScheme.search(/[?#]/);
  return q < 0 ? noScheme : `${noScheme.slice(0, q)}${noScheme[q] === '?' ? '?…' : ''}`;
}

/** Table cells come from the HAR: no escape sequences, no bidi overrides, no line breaks reach the terminal. */
function display(text: string): string {
  return text
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '?');
}

function fit(text: string, max: number, cut?: 'middle'): string {
  if (text.length <= max) return text;
  if (cut === 'middle') {
    const head = Math.ceil((max - 1) / 2);
    return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
  }
  return `${text.slice(0, max - 1)}…`;
}

// ---------------------------------------------------------------------------------------------
// Errors

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a parent is not a directory)',
  EISDIR: 'is a directory, not a HAR file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  E2BIG: `larger than the ${MAX_INPUT_BYTES / (1024 * 1024)} MiB limit`,
  ERR_STRING_TOO_LONG: `larger than the ${MAX_INPUT_BYTES / (1024 * 1024)} MiB limit`,
};

function describeReadError(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && READ_ERRORS[code]) {
    // A custom reason (e.g. the actual size) may follow the code's text.
    const detail = (err as { detail?: unknown }).detail;
    return typeof detail === 'string' ? `${READ_ERRORS[code]} (${clean(detail)})` : READ_ERRORS[code];
  }
  return `cannot read: ${clean(errorMessage(err))}`;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  try {
    return String(err);
  } catch {
    return 'unknown error';
  }
}

/** One line, printable, bounded; secrets in echoed input are redacted. */
function clean(text: string): string {
  const line = display(redactText(String(text))).trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function safeWrite(write: (t: string) => void, text: string): void {
  try {
    write(text);
  } catch {
    // Nothing left to report to.
  }
}
