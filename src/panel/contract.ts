// The panel's OpenAPI specs: loaded once from storage, re-loaded when they change. Rows
// ask for their finding lazily and keep it until the specs change (see store/rows.ts).
import { createStore } from 'zustand/vanilla';
import { checkExchange } from '../core/openapi/check';
import { loadStoredSpec, type StoredSpec } from '../core/openapi/stored';
import type { LoadedSpec, SpecFinding } from '../core/openapi/types';
import { headerValue } from '../core/headers';
import type { RequestRecord } from '../protocol/messages';

export interface ContractState {
  specs: readonly LoadedSpec[];
  /** Bumped on every change of specs: cached findings older than this are stale. */
  version: number;
  /** Stored specs that could not be loaded, with why. */
  errors: string[];
}

export const contractStore = createStore<ContractState>()(() => ({ specs: [], version: 0, errors: [] }));

/** Loads the stored specs (JSON, parsed once each) and makes them current. */
export function setStoredSpecs(stored: readonly StoredSpec[]): void {
  const specs: LoadedSpec[] = [];
  const errors: string[] = [];
  for (const s of stored) {
    const loaded = loadStoredSpec(s);
    if (loaded.ok) specs.push(loaded.spec);
    else errors.push(loaded.error);
  }
  contractStore.setState({ specs, errors, version: contractStore.getState().version + 1 });
}

/** For tests and the bench: specs already loaded. */
export function setLoadedSpecs(specs: readonly LoadedSpec[]): void {
  contractStore.setState({ specs, errors: [], version: contractStore.getState().version + 1 });
}

export function findingFor(record: RequestRecord): SpecFinding | null {
  const { specs } = contractStore.getState();
  if (!specs.length) return null;
  const x = record.exchange;
  const contentType = headerValue(x.responseHeaders, 'content-type') ?? x.mimeType ?? null;
  return checkExchange(specs, {
    method: x.method,
    url: x.url,
    status: x.status,
    contentType: contentType || null,
    body: record.bodyState === 'dropped' ? undefined : x.body,
    bodyEncoding: x.bodyEncoding,
    bodyTruncated: x.bodyTruncated === true || record.bodyState === 'truncated',
  });
}

/** A dropped file that is a spec rather than a HAR: YAML, or JSON with `openapi` / `swagger` at the top. */
export function looksLikeSpec(fileName: string, text: string): boolean {
  if (/\.ya?ml$/i.test(fileName)) return true;
  const head = text.slice(0, 4096);
  return (
    /^\s*\{\s*"(openapi|swagger)"\s*:/.test(head) ||
    (/"(openapi|swagger)"\s*:\s*"[23]\./.test(head) && !/"log"\s*:/.test(head))
  );
}

/** One line for a row's tooltip: `getOrder · Fetch one order · orders`. */
export function operationTooltip(finding: SpecFinding | null): string {
  const op = finding?.operation;
  if (!op) return '';
  return [op.operationId ?? op.key, op.summary, op.tags.length ? `tag: ${op.tags.join(', ')}` : null]
    .filter(Boolean)
    .join(' · ');
}

/** Saves a spec dropped on the panel; set by main.tsx (storage is a browser API). Resolves to a status line. */
export const specDrop: { save: ((fileName: string, text: string) => Promise<string>) | null } = { save: null };
