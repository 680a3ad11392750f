// A collapsible JSON tree. Children render only when a node is open, and long arrays/objects show
// a bounded number of children, so a 2 MB body stays responsive. All values render as text.
import { useState } from 'preact/hooks';

const CHILD_LIMIT = 200;
const OPEN_DEPTH = 2;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function summary(value: Json): string {
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value !== null && typeof value === 'object') {
    const n = Object.keys(value).length;
    return `{…} ${n} ${n === 1 ? 'key' : 'keys'}`;
  }
  return '';
}

function Leaf({ value }: { value: Json }) {
  if (value === null) return <span class="json-null">null</span>;
  if (typeof value === 'string') return <span class="json-string">"{value}"</span>;
  if (typeof value === 'number') return <span class="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span class="json-boolean">{String(value)}</span>;
  return null;
}

function Node({ name, value, depth }: { name: string | null; value: Json; depth: number }) {
  const container = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const [limit, setLimit] = useState(CHILD_LIMIT);
  const label = name === null ? null : <span class="json-key">{name}: </span>;
  if (!container) {
    return (
      <li class="json-leaf" role="treeitem">
        {label}
        <Leaf value={value} />
      </li>
    );
  }
  const entries: Array<[string, Json]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, Json>);
  const shown = open ? entries.slice(0, limit) : [];
  return (
    <li class="json-node" role="treeitem" aria-expanded={open}>
      <button
        type="button"
        class="json-toggle"
        onClick={() => setOpen(!open)}
        aria-label={open ? 'Collapse' : 'Expand'}
      >
        <span class="caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {label}
        <span class="json-summary">{summary(value)}</span>
      </button>
      {open ? (
        <ul role="group">
          {shown.map(([k, v]) => (
            <Node key={k} name={k} value={v} depth={depth + 1} />
          ))}
          {entries.length > limit ? (
            <li>
              <button type="button" class="link" onClick={() => setLimit(limit + CHILD_LIMIT * 5)}>
                {entries.length - limit} more…
              </button>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

export function JsonTree({ value }: { value: unknown }) {
  return (
    <ul class="json-tree" role="tree" data-testid="json-tree">
      <Node name={null} value={value as Json} depth={0} />
    </ul>
  );
}
