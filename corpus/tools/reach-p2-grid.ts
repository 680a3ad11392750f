// Tally of the reach-p2 probe grid (src/core/testing/non-json-grid.ts): cells right / total, per grid
// and per dimension value, and which expected field the wrong cells miss.
// Run: npx tsx corpus/tools/reach-p2-grid.ts [--misses N] [--grid html|xml|text]
import { cellMismatches, gridCells } from '../../src/core/testing/non-json-grid';

const args = process.argv.slice(2);
const missesShown = Number(args[args.indexOf('--misses') + 1] ?? 0) || 0;
const only = args.includes('--grid') ? args[args.indexOf('--grid') + 1] : undefined;

const byDim = new Map<string, { right: number; total: number }>();
const byField = new Map<string, number>();
const misses: string[] = [];
let right = 0;
let total = 0;
for (const cell of gridCells()) {
  if (only && cell.grid !== only) continue;
  const problems = cellMismatches(cell);
  total++;
  if (!problems.length) right++;
  else if (misses.length < missesShown) misses.push(`${JSON.stringify(cell.dims)}\n  ${problems.join('\n  ')}`);
  for (const p of problems) {
    const field = `${cell.grid} ${p.slice(0, p.indexOf(':'))}`;
    byField.set(field, (byField.get(field) ?? 0) + 1);
  }
  for (const key of ['', ...Object.entries(cell.dims).map(([d, v]) => `${d}=${v}`)]) {
    const k = `${cell.grid}${key ? ` ${key}` : ''}`;
    const t = byDim.get(k) ?? { right: 0, total: 0 };
    t.total++;
    if (!problems.length) t.right++;
    byDim.set(k, t);
  }
}
console.log(`grid: ${right}/${total} = ${((100 * right) / total).toFixed(1)}%`);
for (const [k, t] of byDim) if (t.right < t.total || !k.includes('=')) console.log(`  ${k}: ${t.right}/${t.total}`);
console.log('misses by field:');
for (const [k, v] of [...byField].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${v}`);
for (const m of misses) console.log(m);
