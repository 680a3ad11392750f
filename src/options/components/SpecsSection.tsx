// "Your API's OpenAPI specs": load one from a file or a URL (fetched only on this click), see where it
// applies, point it at other base URLs, remove it. A broken spec is named with where it is broken.
import { createContext, type JSX } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import { useStore } from 'zustand';
import type { StoredSpec } from '../../core/openapi/stored';
import type { SpecState, SpecStore } from '../spec-store';

export const SpecStoreContext = createContext<SpecStore | null>(null);

function useSpecs<T>(selector: (s: SpecState) => T): T {
  const store = useContext(SpecStoreContext);
  if (!store) throw new Error('useSpecs outside <SpecStoreContext.Provider>');
  return useStore(store, selector);
}

export function SpecsSection(): JSX.Element {
  const store = useContext(SpecStoreContext)!;
  const specs = useSpecs((s) => s.specs);
  const busy = useSpecs((s) => s.busy);
  const status = useSpecs((s) => s.status);
  const [url, setUrl] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await store.getState().addText(await file.text(), { kind: 'file', name: file.name });
  };
  const onUrl = async (event: Event) => {
    event.preventDefault();
    if (await store.getState().addUrl(url)) setUrl('');
  };

  return (
    <section class="section" aria-labelledby="specs-heading" data-testid="specs-section">
      <h2 id="specs-heading">OpenAPI specs</h2>
      <p class="section-intro">
        Your own API's contract (OpenAPI 3.0, 3.1 or Swagger 2.0, JSON or YAML). Each call to one of its servers is
        matched to its operation, explained by the documented response, and checked: undocumented status, a body that
        breaks the schema, an unknown path or method. A URL is fetched only when you click Load; references to other
        files or URLs inside a spec are never fetched.
      </p>
      <div class="toolbar" role="toolbar" aria-label="OpenAPI specs">
        <button type="button" data-testid="spec-file" disabled={busy} onClick={() => fileInput.current?.click()}>
          Load from file…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          hidden
          data-testid="spec-file-input"
          onChange={(e) => void onFile(e.currentTarget)}
        />
        <form class="spec-url" onSubmit={(e) => void onUrl(e)}>
          <label for="spec-url-input" class="visually-hidden">
            Spec URL
          </label>
          <input
            id="spec-url-input"
            type="url"
            placeholder="http://localhost:8000/openapi.json"
            value={url}
            data-testid="spec-url-input"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <button type="submit" data-testid="spec-url-load" disabled={busy}>
            Load from URL
          </button>
        </form>
      </div>
      <div
        class={`status${status ? ` status-${status.kind}` : ''}`}
        data-testid="spec-status"
        role={status?.kind === 'error' ? 'alert' : 'status'}
        aria-live="polite"
      >
        {status?.text ?? ''}
      </div>
      {specs.length ? (
        <ul class="spec-list" data-testid="spec-list">
          {specs.map((spec) => (
            <SpecItem key={spec.id} spec={spec} />
          ))}
        </ul>
      ) : (
        <p class="muted" data-testid="spec-empty">
          No spec loaded.
        </p>
      )}
    </section>
  );
}

function SpecItem({ spec }: { spec: StoredSpec }): JSX.Element {
  const store = useContext(SpecStoreContext)!;
  const [bases, setBases] = useState((spec.baseUrls ?? []).join(' '));
  const source = spec.source.kind === 'file' ? spec.source.name : spec.source.url;
  const inputId = `spec-bases-${spec.id}`;
  return (
    <li class="spec-item" data-testid="spec-item" data-spec-id={spec.id}>
      <div class="spec-head">
        <strong data-testid="spec-title">{spec.title}</strong>
        <span class="muted small">
          {spec.version ? `v${spec.version} · ` : ''}
          {spec.openapi === '2.0' ? 'Swagger 2.0' : `OpenAPI ${spec.openapi}`} · {spec.operationCount} operations · from{' '}
          {source}
        </span>
        <span class="spacer" />
        <button
          type="button"
          data-testid="spec-remove"
          aria-label={`Remove ${spec.title}`}
          onClick={() => void store.getState().remove(spec.id)}
        >
          Remove
        </button>
      </div>
      <div class="small">
        Applies to:{' '}
        <span class="mono" data-testid="spec-servers">
          {spec.servers.join(', ') || 'any host'}
        </span>
      </div>
      <form
        class="spec-bases"
        onSubmit={(e) => {
          e.preventDefault();
          void store.getState().setBaseUrls(spec.id, bases);
        }}
      >
        <label for={inputId} class="small">
          Base URLs instead (space-separated, empty for the spec's own servers)
        </label>
        <input
          id={inputId}
          type="text"
          class="mono"
          value={bases}
          data-testid="spec-bases"
          onInput={(e) => setBases(e.currentTarget.value)}
        />
        <button type="submit">Apply</button>
      </form>
      {spec.warnings.length ? (
        <details class="small" data-testid="spec-warnings">
          <summary>
            {spec.warnings.length} warning{spec.warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {spec.warnings.map((w, i) => (
              <li key={i} class="mono">
                {w}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
