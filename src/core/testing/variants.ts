// Table-driven variants of one miss class (issue 13): a response written from a documented format and
// what the fixtures README says must be reported for it. Pure: tests build the tables.
import { classify } from '../classify';
import { seedMismatches, type SeedCase } from './seed-cases';

export interface Variant {
  /** What the row shows, and where its format is documented. */
  name: string;
  status: number;
  /** Response headers, lower-case; `content-type` defaults from `type`. */
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body: unknown;
  type?: string;
  method?: string;
  expect: Partial<SeedCase['expected']>;
}

/** A fixed clock: waits given as dates count from the response's Date header, never from now. */
const NOW = Date.parse('2030-01-01T00:00:00Z');

/** The fields of a variant's classification that break its expectations (empty when it passes). */
export function variantMismatches(v: Variant): string[] {
  const text = typeof v.body === 'string' ? v.body : JSON.stringify(v.body);
  const type = v.type ?? (typeof v.body === 'string' ? 'text/html; charset=utf-8' : 'application/json');
  const got = classify(
    {
      method: v.method ?? 'GET',
      url: 'https://api.example.test/v1/things/42',
      status: v.status,
      responseHeaders: { 'content-type': type, ...v.headers },
      body: text,
    },
    { now: NOW },
  );
  return seedMismatches(v.expect as SeedCase['expected'], got);
}

/** Rows for `it.each`: [name, variant]. */
export const rows = (variants: readonly Variant[]): Array<[string, Variant]> => variants.map((v) => [v.name, v]);
