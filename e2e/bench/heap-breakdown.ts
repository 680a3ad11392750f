// What a V8 heap snapshot (.heapsnapshot) holds, by owner: every node is reached breadth-first from
// the root (weak edges not followed) and charged to the nearest owner on its path: a record object
// (one with `exchange` and `kind`: its own fields one level down, e.g. `exchange.body`), else the
// nearest named field of an object (`records`, `bodyRows`, `byId`, …), else the root's child. A node
// reached from two owners counts once, for the first found (shared header entries go to one record).
// Usage: npx tsx e2e/bench/heap-breakdown.ts file.heapsnapshot [--top 40]
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; edge_fields: string[]; node_types: [string[]]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Fields of the worker's own objects whose contents are reported apart. */
const OWNER_FIELDS = new Set([
  'records',
  'bodyHolders',
  'byRequestId',
  'awaitingDevtools',
  'awaitingWebRequest',
  'devtoolsKeys',
  'recentPreflights',
  'lostRequests',
  'restoredInFlight',
  'pending',
  'bodyRows',
  'recordRows',
  'bodiesWaiting',
  'carriedRows',
  'carriedDirty',
  'tooSlow',
  'refused',
  'inFlight',
  'promoted',
  'droppedBodyRows',
  'journaled',
  'committedNextSeq',
  'lagLog',
  'slowCommitLog',
  'packedRows',
  'tabs',
  'byFirst',
  'sharedHeaders',
  'ports',
  'batches',
]);

export interface Breakdown {
  totalBytes: number;
  nodes: number;
  byOwner: Array<{ owner: string; bytes: number; nodes: number; strings: number; stringBytes: number }>;
  byType: Array<{ type: string; bytes: number; nodes: number }>;
  records: number;
}

export function breakdown(snap: Snapshot): Breakdown {
  const nf = snap.snapshot.meta.node_fields;
  const ef = snap.snapshot.meta.edge_fields;
  const nodeTypes = snap.snapshot.meta.node_types[0];
  const edgeTypes = snap.snapshot.meta.edge_types[0];
  const N = nf.length;
  const E = ef.length;
  const iType = nf.indexOf('type');
  const iName = nf.indexOf('name');
  const iSize = nf.indexOf('self_size');
  const iEdges = nf.indexOf('edge_count');
  const eType = ef.indexOf('type');
  const eName = ef.indexOf('name_or_index');
  const eTo = ef.indexOf('to_node');
  const { nodes, edges, strings } = snap;
  const count = nodes.length / N;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += nodes[i * N + iEdges] * E;
  }
  firstEdge[count] = edges.length;
  const edgeName = (e: number): string => {
    const t = edgeTypes[edges[e + eType]];
    return t === 'element' || t === 'hidden' ? `[${edges[e + eName]}]` : strings[edges[e + eName]];
  };
  const isRecord = (n: number): boolean => {
    if (nodeTypes[nodes[n * N + iType]] !== 'object') return false;
    let exchange = false;
    let seq = false;
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += E) {
      if (edgeTypes[edges[e + eType]] !== 'property') continue;
      const name = strings[edges[e + eName]];
      if (name === 'exchange') exchange = true;
      else if (name === 'kind') seq = true;
    }
    return exchange && seq;
  };
  const owner: Array<string | undefined> = new Array(count);
  /** Depth below the nearest record (0: the record itself), -1 outside records. */
  const recordDepth = new Int8Array(count).fill(-1);
  const seen = new Uint8Array(count);
  const queue = new Uint32Array(count);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  owner[0] = '(root)';
  let records = 0;
  while (head < tail) {
    const n = queue[head++];
    for (let e = firstEdge[n]; e < firstEdge[n + 1]; e += E) {
      const type = edgeTypes[edges[e + eType]];
      if (type === 'weak' || type === 'shortcut') continue;
      const to = edges[e + eTo] / N;
      if (seen[to]) continue;
      seen[to] = 1;
      queue[tail++] = to;
      const name = edgeName(e);
      let label = owner[n]!;
      if (n === 0 || label === '(root)') label = `root:${strings[nodes[to * N + iName]].slice(0, 40)}`;
      const depth = recordDepth[n];
      if (isRecord(to)) {
        records++;
        recordDepth[to] = 0;
        label = `${depth >= 0 ? label.split(' > ')[0] : label} > record`;
      } else if (depth >= 0) {
        recordDepth[to] = Math.min(depth + 1, 100);
        // The record's own fields, two levels down (exchange.body, classification.notes).
        if (depth < 2 && type === 'property') label = `${label}.${name}`;
      } else if (type === 'property' && OWNER_FIELDS.has(name)) {
        label = `${label.startsWith('root:') ? '' : `${label}/`}${name}`;
      }
      owner[to] = label;
    }
  }
  const byOwner = new Map<string, { bytes: number; nodes: number; strings: number; stringBytes: number }>();
  const byType = new Map<string, { bytes: number; nodes: number }>();
  let totalBytes = 0;
  for (let i = 0; i < count; i++) {
    if (!seen[i]) continue;
    const size = nodes[i * N + iSize];
    totalBytes += size;
    const t = nodeTypes[nodes[i * N + iType]];
    const key = t === 'object' || t === 'native' ? `${t}:${strings[nodes[i * N + iName]].slice(0, 40)}` : t;
    const bt = byType.get(key) ?? { bytes: 0, nodes: 0 };
    bt.bytes += size;
    bt.nodes++;
    byType.set(key, bt);
    const o = owner[i]!.replace(/\.\[\d+\]/g, '.[i]');
    const bo = byOwner.get(o) ?? { bytes: 0, nodes: 0, strings: 0, stringBytes: 0 };
    bo.bytes += size;
    bo.nodes++;
    if (t === 'string' || t === 'concatenated string' || t === 'sliced string') {
      bo.strings++;
      bo.stringBytes += size;
    }
    byOwner.set(o, bo);
  }
  return {
    totalBytes,
    nodes: tail,
    records,
    byOwner: [...byOwner].map(([owner, v]) => ({ owner, ...v })).sort((a, b) => b.bytes - a.bytes),
    byType: [...byType].map(([type, v]) => ({ type, ...v })).sort((a, b) => b.bytes - a.bytes),
  };
}

if (process.argv[1]?.endsWith('heap-breakdown.ts')) {
  const file = process.argv[2];
  const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 40;
  const b = breakdown(JSON.parse(readFileSync(file, 'utf8')) as Snapshot);
  const mb = (x: number) => (x / 2 ** 20).toFixed(2);
  console.log(`${file}: ${mb(b.totalBytes)} MB reachable in ${b.nodes} nodes; ${b.records} record objects`);
  console.log('\nby owner (MB, nodes, strings MB):');
  for (const o of b.byOwner.slice(0, top))
    console.log(
      `  ${mb(o.bytes).padStart(8)} ${String(o.nodes).padStart(9)} ${mb(o.stringBytes).padStart(8)}  ${o.owner}`,
    );
  console.log('\nby type (MB, nodes):');
  for (const t of b.byType.slice(0, top))
    console.log(`  ${mb(t.bytes).padStart(8)} ${String(t.nodes).padStart(9)}  ${t.type}`);
}
