// Vendor-knowledge ablation: scores the dev part twice in-process, once as shipped and once with every
// vendor profile, catalog entry and vendor-named recognizer switched off. The second score is what the
// generic layer (inference, protocols, framework shapes) reads alone, which is what an API nobody wrote
// an entry for gets. Cases right only with vendor knowledge show where the generic layer is weak.
// Usage: npx tsx corpus/tools/ablate.ts [--part dev|test] [--list] [--by-field]
//   --list prints the dev cases that pass as shipped and fail generic-only (never for the test part).
import { convertHarEntry } from '../../src/core/har';
import { classify } from '../../src/core/classify';
import { recognizers } from '../../src/core/formats/index';
import { redactClassification } from '../../src/core/redact';
import type { Classification } from '../../src/core/types';
// @ts-expect-error plain .mjs modules without types
import { loadCorpus } from '../split.mjs';
// @ts-expect-error plain .mjs modules without types
import { mismatches, toEntry } from '../score-lib.mjs';

// Vendor-named recognizers and every catalog entry carry `vendor: true`.
const genericRecognizers = recognizers.filter((r) => !r.vendor);

const args = process.argv.slice(2);
const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'dev';
const list = args.includes('--list') && part === 'dev';

interface Case {
  name: string;
  api: string;
  part: string;
  expected: Record<string, unknown>;
}

/** What the CLI prints of a classification: credential-looking text redacted (core/redact.ts). */
const row = (c: Classification): Record<string, unknown> => ({ ...redactClassification(c) });

const all: Case[] = loadCorpus();
const counts = { total: 0, shipped: 0, generic: 0 };
const lost: string[] = [];
const fields = new Map<string, number>();
all.forEach((c, i) => {
  if (c.part !== part) return;
  const { exchange } = convertHarEntry(toEntry(c, i), i);
  if (!exchange) return;
  const now = (exchange.startedAt ?? 0) + (exchange.durationMs ?? 0);
  const shipped: string[] = mismatches(c.expected, row(classify(exchange, { now })));
  const generic: string[] = mismatches(
    c.expected,
    row(classify(exchange, { now, profiles: [], recognizers: genericRecognizers })),
  );
  counts.total++;
  if (!shipped.length) counts.shipped++;
  if (!generic.length) counts.generic++;
  if (!shipped.length && generic.length) {
    for (const p of generic) {
      const f = p.slice(0, p.indexOf(':'));
      fields.set(f, (fields.get(f) ?? 0) + 1);
    }
    if (list) lost.push(`  ${c.name} (${c.api}): ${generic.join('; ')}`);
  }
});
const pct = (n: number) => ((100 * n) / counts.total).toFixed(1);
console.log(
  `${part}: shipped ${counts.shipped}/${counts.total} = ${pct(counts.shipped)}%, generic-only ${counts.generic}/${counts.total} = ${pct(counts.generic)}%`,
);
if (args.includes('--by-field'))
  console.log(
    `right only with vendor knowledge, by field: ${[...fields]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
for (const l of lost) console.log(l);
