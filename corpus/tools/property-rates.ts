// Pass rates of the generative properties (src/core/testing/vocab-properties.ts) per vocabulary half:
// A is the half the engine was tuned on, B only measures (session 24). Fixed seed, so runs compare.
//   npx tsx corpus/tools/property-rates.ts [--runs N] [--show]   (--show prints half A's failures only)
import fc from 'fast-check';
import { properties, vocabulary, type Half } from '../../src/core/testing/vocab-properties';
import { variantMismatches } from '../../src/core/testing/variants';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 400;
const show = args.includes('--show');
for (const half of ['A', 'B'] as Half[]) {
  let pass = 0;
  let all = 0;
  console.log(`half ${half}`);
  for (const [name, arb] of Object.entries(properties(vocabulary(half)))) {
    const samples = fc.sample(arb, { numRuns: runs, seed: 24 });
    const failed = samples.filter((v) => variantMismatches(v).length > 0);
    pass += samples.length - failed.length;
    all += samples.length;
    console.log(`  ${name}: ${samples.length - failed.length}/${samples.length}`);
    if (show && half === 'A')
      for (const v of failed.slice(0, Number(process.env.SHOW ?? 4)))
        console.log(
          `    ✗ ${v.status} ${JSON.stringify(v.headers ?? {})} ${JSON.stringify(v.body)} → ${variantMismatches(v).join('; ')}`,
        );
  }
  console.log(`  all: ${pass}/${all} = ${((100 * pass) / all).toFixed(1)}%`);
}
