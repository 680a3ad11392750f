// The seed cases as the panel must show them, shared by the foundation tests of both browsers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SeedCase } from '../../src/core/testing/seed-cases';
import { SHARED_ROOT } from './common';

export type { SeedCase };

export interface DemoResult {
  name: string;
  status: number;
  error?: string;
}

export interface RowFacts {
  seq: string;
  status: string;
  code: string;
  id: string;
}

export type ExpectedRow = { name: string; status: string; code?: string; id?: string };

export const seedCases: SeedCase[] = JSON.parse(
  readFileSync(path.join(SHARED_ROOT, 'fixtures/seed-cases.json'), 'utf8'),
);
export const failingSeedCases = seedCases.filter((c) => c.expected.failure);

/** What a failure row must show for a seed case: its status, and its code and ID where the case names them. */
export function expectedRow({ name, response, expected }: SeedCase): ExpectedRow {
  const row: ExpectedRow = { name, status: String(response.status) };
  if (expected.errorCode !== undefined) row.code = expected.errorCode ?? '';
  if (expected.errorId !== undefined) row.id = expected.errorId ?? '';
  return row;
}

/**
 * Every failure row of the panel's windowed list: scrolls the grid top to bottom and collects the
 * rows each window renders. Runs inside the panel document (sent as source, so self-contained);
 * null until there are `atLeast` rows.
 */
export async function collectFailureRows(atLeast: number): Promise<RowFacts[] | null> {
  const grid = document.querySelector<HTMLElement>('[data-testid="failure-list"]');
  if (!grid) return null;
  const frame = () =>
    new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  const seen = new Map<string, RowFacts>();
  const collect = () => {
    for (const row of grid.querySelectorAll<HTMLElement>('[data-testid="failure-row"]')) {
      const seq = row.dataset.seq ?? String(seen.size);
      seen.set(seq, { seq, status: row.dataset.status ?? '', code: row.dataset.code ?? '', id: row.dataset.id ?? '' });
    }
  };
  const step = Math.max(1, Math.floor(grid.clientHeight / 2));
  for (let top = 0; ; top += step) {
    grid.scrollTop = top;
    await frame();
    collect();
    if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 1) break;
  }
  return seen.size >= atLeast ? [...seen.values()] : null;
}

/**
 * The expected rows that `rows` does not account for, each row used at most once. The most specific
 * expectations pick first, so a loose one cannot take the row a specific one needs.
 */
export function missingRows(expected: ExpectedRow[], rows: RowFacts[]): ExpectedRow[] {
  const pool = [...rows];
  const specificity = (want: ExpectedRow) => Number(want.code !== undefined) + Number(want.id !== undefined);
  const bySpecificity = [...expected].sort((a, b) => specificity(b) - specificity(a));
  return bySpecificity.filter((want) => {
    const index = pool.findIndex(
      (row) =>
        row.status === want.status &&
        (want.code === undefined || row.code === want.code) &&
        (want.id === undefined || row.id === want.id),
    );
    if (index === -1) return true;
    pool.splice(index, 1);
    return false;
  });
}
