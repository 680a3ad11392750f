// The corpus split: by API name, fixed before tuning (see README.md). Pure; imported by score.mjs and the tests.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));

/** FNV-1a, 32 bit. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(text)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 'test' or 'dev' for an API name. */
export function partOf(api) {
  return fnv1a(`faultline-corpus:${String(api).trim().toLowerCase()}`) % 100 < 40 ? 'test' : 'dev';
}

/** Collections held back whole (held-back.json): measured only, never tuned on, whatever their APIs hash to. */
export const HELD_BACK = new Set(
  Object.keys(JSON.parse(readFileSync(path.join(CORPUS_DIR, 'held-back.json'), 'utf8')).collections),
);

/**
 * Every case of cases/*.json, each with its `part` ('dev', 'test', or 'held-back' for a collection
 * of HELD_BACK) and `collection`. FAULTLINE_CORPUS_DIRS (paths
 * joined by ':') reads other folders instead, for scoring a collection before it is merged.
 */
export function loadCorpus(
  dirs = process.env.FAULTLINE_CORPUS_DIRS?.split(':').filter(Boolean) ?? [path.join(CORPUS_DIR, 'cases')],
) {
  const all = [];
  for (const dir of dirs)
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const cases = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
      const collection = file.replace(/\.json$/, '');
      for (const c of cases)
        all.push({ ...c, collection, part: HELD_BACK.has(collection) ? 'held-back' : partOf(c.api) });
    }
  return all;
}
