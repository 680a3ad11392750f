// Stored-failure records for the panel benchmark: real exchanges of the corpus classified by the
// real classifier, stored as the background stores them (RequestRecord, body dropped).
import type { RequestRecord } from '../../src/protocol/messages';
import { loadBundledCore } from './core-bundle';
import { formatFixtureExchanges, realHarExchanges, seedExchanges } from './corpus';

/** Distinct failure records; the browser side repeats them with fresh ids, seqs and URLs. */
export async function failureTemplates(): Promise<RequestRecord[]> {
  const { classify } = await loadBundledCore();
  const now = Date.parse('2026-11-23T18:00:00Z');
  const out: RequestRecord[] = [];
  for (const exchange of [...seedExchanges(), ...formatFixtureExchanges(), ...realHarExchanges()]) {
    const classification = classify(exchange, { now });
    if (!classification.failure) continue;
    const { body: _body, requestBody: _requestBody, ...withoutBody } = exchange;
    out.push({
      kind: 'request',
      id: `tpl:${out.length}`,
      tabId: 0,
      seq: out.length + 1,
      exchange: { ...withoutBody, startedAt: now },
      classification,
      bodyState: 'dropped',
      sources: ['webRequest', 'devtools'],
    });
  }
  return out;
}
