// The classifier benchmark's corpus: every real exchange the project has (shared seed cases, the
// format fixtures, the real HAR files), repeated with fresh URLs until it holds at least `size`
// exchanges. Bodies are kept as recorded, so sizes are the real ones.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseHar } from '../../src/core/har';
import { seedExchange, type SeedCase } from '../../src/core/testing/seed-cases';
import type { Exchange } from '../../src/core/types';
import { REPO_ROOT, SHARED_ROOT } from '../harness/common';

interface FormatFixture {
  exchange: Exchange;
}

export interface Corpus {
  exchanges: Exchange[];
  /** Distinct exchanges per source, before repetition. */
  sources: { seedCases: number; formatFixtures: number; realHarEntries: number };
  /** Sum of body lengths (UTF-16 code units) over the corpus. */
  bodyChars: number;
  /** Bodies that are strings (JSON.parse is attempted on these). */
  bodies: number;
  /** URLs of the exchanges that came from the real HAR files (to split figures by source). */
  harUrls: Set<string>;
}

const entriesOf = (headers: Record<string, string> | undefined) =>
  Object.entries(headers ?? {}).map(([name, value]) => ({ name, value }));

export function seedExchanges(): Exchange[] {
  const cases = JSON.parse(readFileSync(path.join(SHARED_ROOT, 'fixtures/seed-cases.json'), 'utf8')) as SeedCase[];
  // Header lists, as the browsers and HAR files give them.
  return cases.map((c) => ({
    ...seedExchange(c),
    requestHeaders: entriesOf(c.request.headers),
    responseHeaders: entriesOf(c.response.headers),
  }));
}

export function formatFixtureExchanges(): Exchange[] {
  const dir = path.join(REPO_ROOT, 'src/core/formats/fixtures');
  const out: Exchange[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const fixtures = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FormatFixture[];
    for (const f of fixtures) if (f && f.exchange) out.push(f.exchange);
  }
  return out;
}

export function realHarExchanges(): Exchange[] {
  const dir = path.join(SHARED_ROOT, 'fixtures/real-hars');
  const out: Exchange[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.har'))
    .sort()) {
    const parsed = parseHar(readFileSync(path.join(dir, file), 'utf8'));
    for (const x of parsed.exchanges) if (x) out.push(x);
  }
  return out;
}

/** A copy with a distinct URL (and request id header, when there is one), sharing the body text. */
function variant(x: Exchange, n: number): Exchange {
  const sep = x.url.includes('?') ? '&' : '?';
  return { ...x, url: x.url ? `${x.url}${sep}bench=${n}` : x.url };
}

/**
 * Real HAR entries once each (their bodies are large: pages, scripts, images), then the seed cases
 * and format fixtures (API error bodies) repeated until the corpus holds `size` exchanges.
 */
export function buildCorpus(size = 10_000): Corpus {
  const seeds = seedExchanges();
  const fixtures = formatFixtureExchanges();
  const hars = realHarExchanges();
  const apiErrors = [...seeds, ...fixtures];
  const exchanges: Exchange[] = hars.map((x, i) => variant(x, i));
  const harUrls = new Set(exchanges.map((x) => x.url));
  for (let i = 0; exchanges.length < size; i++)
    exchanges.push(variant(apiErrors[i % apiErrors.length], exchanges.length));
  // Interleave so neither kind runs as one warm block.
  exchanges.sort((a, b) => hash(a.url) - hash(b.url));
  let bodyChars = 0;
  let bodies = 0;
  for (const x of exchanges) {
    if (typeof x.body === 'string') {
      bodies++;
      bodyChars += x.body.length;
    }
  }
  return {
    exchanges,
    sources: { seedCases: seeds.length, formatFixtures: fixtures.length, realHarEntries: hars.length },
    bodyChars,
    bodies,
    harUrls,
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
