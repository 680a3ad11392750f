// Probe grid of non-JSON error bodies (issue 13, session 20): every cell of src/core/testing/grid-reach-p2.ts
// (HTML pages × banners × ID phrases × ID markup; XML shapes × code shapes × message escaping × prologs ×
// content types; text and key=value shapes) is read as the fixtures README says. One test per grid value
// of its first dimension keeps a failure readable; `npx tsx corpus/tools/reach-p2-grid.ts --misses 20`
// lists the wrong cells. Dimension sources: corpus/tools/reach-p2-sources.md.
import { describe, expect, it } from 'vitest';
import { cellMismatches, gridCells, type GridCell } from '../testing/non-json-grid';
import { formFields } from './index';

const cells = gridCells();

function groups(grid: string, dim: string): Array<[string, GridCell[]]> {
  const out = new Map<string, GridCell[]>();
  for (const c of cells) if (c.grid === grid) out.set(c.dims[dim], [...(out.get(c.dims[dim]) ?? []), c]);
  return [...out];
}

/** The first few wrong cells of a group, with what they got wrong (empty when all pass). */
function wrong(group: GridCell[]): string[] {
  const out: string[] = [];
  for (const c of group) {
    const problems = cellMismatches(c);
    if (problems.length) out.push(`${JSON.stringify(c.dims)}: ${problems.join('; ')}`);
    if (out.length >= 3) break;
  }
  return out;
}

describe('non-JSON grid: HTML error pages', () => {
  it.each(groups('html', 'layout'))('%s', (_layout, group) => expect(wrong(group)).toEqual([]));
});

describe('non-JSON grid: XML error documents', () => {
  it.each(groups('xml', 'shape'))('%s', (_shape, group) => expect(wrong(group)).toEqual([]));
});

describe('non-JSON grid: text and key=value bodies', () => {
  it.each(groups('text', 'shape'))('%s', (_shape, group) => expect(wrong(group)).toEqual([]));
});

describe('non-JSON grid: the grid covers its dimensions', () => {
  it('has every dimension value in some cell', () => {
    const count = (grid: string) => cells.filter((c) => c.grid === grid).length;
    expect(count('html')).toBeGreaterThan(2000);
    expect(count('xml')).toBeGreaterThan(1000);
    expect(count('text')).toBeGreaterThan(100);
  });
});

describe('key=value lines', () => {
  it('reads a body of Key=value lines as fields, values as written', () => {
    expect(
      formFields('Error=BadAuthentication\nUrl=https://www.example.test/login?a=1\nInfo=WebLoginRequired\n'),
    ).toEqual({
      Error: 'BadAuthentication',
      Url: 'https://www.example.test/login?a=1',
      Info: 'WebLoginRequired',
    });
  });
  it('leaves text with one pair, or a line that is no pair, as text', () => {
    expect(formFields('Error=BadAuthentication\n')).toBeUndefined();
    expect(formFields('key=value\nThis is a sentence.')).toBeUndefined();
  });
});
