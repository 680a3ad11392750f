// Options page entry: the rules in browser storage, one store, kept in step with other tabs.
import { render } from 'preact';
import { loadRules, onRulesChanged, saveRules } from '../platform/rules-storage';
import { OptionsApp } from './components/OptionsApp';
import { createOptionsStore } from './store';
import { createSpecStore } from './spec-store';
import { loadSpecs, onSpecsChanged, saveSpecs } from '../platform/spec-storage';
import { fetchSpecText } from '../platform/fetch-spec';
import { redactUrl } from '../core/redact';
import './options.css';

const specStore = createSpecStore({
  load: () => loadSpecs(),
  save: (specs) => saveSpecs(specs),
  fetchText: fetchSpecText,
  now: () => Date.now(),
});
const store = createOptionsStore({
  load: () => loadRules(),
  save: (document) => saveRules(document),
  // A URL the spec came from may carry a token: exported redacted, like everything else exported.
  exportSpecs: () =>
    specStore
      .getState()
      .specs.map((s) =>
        s.source.kind === 'url' ? { ...s, source: { kind: 'url' as const, url: redactUrl(s.source.url) } } : s,
      ),
  importSpecs: (raw) => specStore.getState().importStored(raw),
});
onSpecsChanged((loaded) => specStore.getState().externalChange(loaded));
onRulesChanged((loaded) => store.getState().externalChange(loaded));
void Promise.all([store.getState().load(), specStore.getState().load()]).finally(() => {
  document.body.dataset.ready = 'true';
});

render(<OptionsApp store={store} specStore={specStore} />, document.getElementById('app')!);
