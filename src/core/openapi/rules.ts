// A spec's error schemas as rules: where the error code, message and ID are, per server and status,
// so classify reads a team's own API right with no rule written. Passed to classify as profiles after
// the vendor ones, so a user's own rule still wins any field.
import type { Rule } from '../rules';
import { errorFieldPaths, responseFor, schemaFor } from './explain';
import type { LoadedSpec } from './types';

const HOST = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

/** `404` → `404`, `4XX` → `4xx`, `default` → every failure status. */
function statusPattern(key: string): string | null {
  if (/^[1-5]\d\d$/.test(key)) return key;
  if (/^[1-5]xx$/i.test(key)) return key.toLowerCase();
  if (key === 'default') return '400-599';
  return null;
}

export function specRules(spec: LoadedSpec): Rule[] {
  // Per status key, the paths most operations' error schemas give (most APIs share one error schema).
  const votes = new Map<string, Map<string, { count: number; set: Rule['set'] }>>();
  for (const op of spec.operations) {
    for (const key of Object.keys(op.responses)) {
      const status = statusPattern(key);
      if (!status || (/^\d/.test(status) && Number(status[0]) < 4)) continue;
      const entry = responseFor(
        spec,
        op,
        key === 'default' ? 599 : /xx$/i.test(key) ? Number(key[0]) * 100 + 99 : Number(key),
      );
      if (!entry || entry.key !== key) continue;
      const media = schemaFor(spec, op, entry, null);
      if (!media) continue;
      const { errorCodePath, messagePath, errorIdPath } = errorFieldPaths(spec, media.schema);
      if (!errorCodePath && !messagePath && !errorIdPath) continue;
      const set: Rule['set'] = {};
      if (errorCodePath) set.errorCodePath = errorCodePath;
      if (messagePath) set.messagePath = messagePath;
      if (errorIdPath) set.errorIdPath = errorIdPath;
      const id = JSON.stringify(set);
      const byStatus = votes.get(status) ?? new Map();
      votes.set(status, byStatus);
      const vote = byStatus.get(id) ?? { count: 0, set };
      vote.count++;
      byStatus.set(id, vote);
    }
  }
  const rules: Rule[] = [];
  for (const server of spec.servers) {
    // A server without a literal host binds by path only: as a rule that needs a path prefix.
    const host = server.host ?? (server.display.startsWith('*') && server.basePath ? '*' : null);
    if (!host || (host !== '*' && !HOST.test(host))) continue;
    for (const [status, byStatus] of votes) {
      const best = [...byStatus.values()].sort((a, b) => b.count - a.count)[0];
      rules.push({
        id: `spec:${spec.id}:${rules.length}`,
        name: `OpenAPI "${spec.title}" (${status})`,
        enabled: true,
        match: { host, ...(server.basePath ? { pathPrefix: server.basePath } : {}), status },
        set: best.set,
      });
    }
  }
  return rules;
}
