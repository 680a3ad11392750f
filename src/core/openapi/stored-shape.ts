// The stored form of a spec and its reader, with no parser or validator behind it: the background
// imports only this (and the derived rules), so it never loads the YAML parser or the schema validator.
import type { Rule } from '../rules';
import type { SpecVersion } from './types';
import { isRecord } from '../is-record';

export type SpecSource = { kind: 'file'; name: string } | { kind: 'url'; url: string };

export interface StoredSpec {
  id: string;
  title: string;
  version: string;
  openapi: SpecVersion;
  source: SpecSource;
  /** Server URLs set by the user, replacing the spec's own. */
  baseUrls?: string[];
  addedAt: number;
  /** The parsed document as JSON text, as it was before loading. */
  document: string;
  /** Where the error code, message and ID are, per server and status (see rules.ts). */
  rules: Rule[];
  warnings: string[];
  operationCount: number;
  /** The servers it binds to, for display. */
  servers: string[];
}

/** The well-formed entries of a stored (or imported) list; the others are counted, never passed on. */
export function readStoredSpecs(raw: unknown): { specs: StoredSpec[]; dropped: number } {
  if (!Array.isArray(raw)) return { specs: [], dropped: raw === undefined ? 0 : 1 };
  const specs: StoredSpec[] = [];
  let dropped = 0;
  for (const item of raw) {
    if (isStoredSpec(item)) specs.push(item);
    else dropped++;
  }
  return { specs, dropped };
}

/** The fields a stored spec is used by; the rest is passed through. */
function isStoredSpec(item: unknown): item is StoredSpec {
  return (
    isRecord(item) &&
    typeof item.id === 'string' &&
    typeof item.title === 'string' &&
    typeof item.document === 'string' &&
    isRecord(item.source) &&
    (item.source.kind === 'file' || item.source.kind === 'url') &&
    Array.isArray(item.rules)
  );
}
