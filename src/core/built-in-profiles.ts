// The built-in rules every classification starts from: the hand-written vendor profiles and what catalog
// entries say as rules (their request-ID headers). One list, so the worker, the CLI and the options
// preview classify exactly as `classify`'s default does.
import { CATALOG_PROFILES } from './catalog/engine';
import { VENDOR_PROFILES, type Rule } from './rules';

export const BUILT_IN_PROFILES: readonly Rule[] = CATALOG_PROFILES.length
  ? [...VENDOR_PROFILES, ...CATALOG_PROFILES]
  : VENDOR_PROFILES;

/** The built-in rules followed by rules read from OpenAPI specs; the built-in list itself when there are none. */
export function withSpecRules(specRules: readonly Rule[]): readonly Rule[] {
  return specRules.length ? [...BUILT_IN_PROFILES, ...specRules] : BUILT_IN_PROFILES;
}
