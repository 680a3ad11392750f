// OpenAPI figures (issue 16): loading a real large spec (the GitHub REST spec, 13 MB) and matching
// exchanges to its operations, in process CPU time. Loading is once per spec (options page, panel
// start, CLI); matching runs per exchange.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { checkExchange } from '../../src/core/openapi/check';
import { loadSpec } from '../../src/core/openapi/load';
import { matchOperation } from '../../src/core/openapi/match';
import { parseSpecText } from '../../src/core/openapi/parse';
import type { LoadedSpec } from '../../src/core/openapi/types';
import { median, round } from './stats';

export interface OpenapiFigures {
  /** Text → loaded spec (parse, $ref check, nullable rewrite, servers, path index), ms. */
  openapiLoadMs: number;
  /** Per exchange: URL + method → operation, µs. */
  openapiMatchUs: number;
  detail: {
    spec: string;
    specMiB: number;
    operations: number;
    /** Of openapiLoadMs, the JSON.parse of the text alone. */
    jsonParseMs: number;
    loadRounds: number;
    matchedExchanges: number;
    /** Match plus documented response and schema check of a small JSON error body, µs per exchange. */
    checkUs: number;
    clock: string;
  };
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function pathFor(template: string, round: number): string {
  let n = 0;
  return template.replace(/\{[^}]+\}/g, () => `v${round}-${n++}`);
}

export async function runOpenapiBench({ log }: { log: (s: string) => void }): Promise<OpenapiFigures> {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const text = readFileSync(file, 'utf8');
  const loads: number[] = [];
  const parses: number[] = [];
  let spec: LoadedSpec | null = null;
  const rounds = 3;
  for (let i = 0; i < rounds; i++) {
    let t = cpuMs();
    JSON.parse(text);
    parses.push(cpuMs() - t);
    t = cpuMs();
    const parsed = parseSpecText(text, 'github');
    if (!parsed.ok) throw new Error(parsed.error);
    const loaded = loadSpec(parsed.document, { id: 'github' });
    if (!loaded.ok) throw new Error(loaded.error);
    loads.push(cpuMs() - t);
    spec = loaded.spec;
  }
  log(`openapi: GitHub spec loaded ${rounds}× (median ${round(median(loads), 0)} ms)`);
  const s = spec!;
  const exchanges = [];
  for (let r = 0; r < 5; r++)
    for (const op of s.operations)
      exchanges.push({ method: op.method, url: `https://api.github.com${pathFor(op.path, r)}?page=2` });
  let sink = 0;
  const matchRounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = cpuMs();
    for (const x of exchanges) if (matchOperation([s], x.method, x.url)?.kind === 'operation') sink++;
    matchRounds.push(((cpuMs() - t) * 1000) / exchanges.length);
  }
  const body = '{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}';
  const checkRounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = cpuMs();
    for (const x of exchanges)
      if (checkExchange([s], { ...x, status: 404, contentType: 'application/json', body })) sink++;
    checkRounds.push(((cpuMs() - t) * 1000) / exchanges.length);
  }
  if (sink === 0) throw new Error('nothing matched');
  return {
    openapiLoadMs: round(median(loads), 1),
    openapiMatchUs: round(median(matchRounds), 2),
    detail: {
      spec: '@octokit/openapi api.github.com.json',
      specMiB: round(text.length / 2 ** 20, 1),
      operations: s.operations.length,
      jsonParseMs: round(median(parses), 1),
      loadRounds: rounds,
      matchedExchanges: exchanges.length,
      checkUs: round(median(checkRounds), 2),
      clock: 'process CPU time (user + system), median of rounds',
    },
  };
}
