// Options page entry: the rules in browser storage, one store, kept in step with other tabs.
import { render } from 'preact';
import { loadRules, onRulesChanged, saveRules } from '../platform/rules-storage';
import { OptionsApp } from './components/OptionsApp';
import { createOptionsStore } from './store';
import './options.css';

const store = createOptionsStore({ load: () => loadRules(), save: (document) => saveRules(document) });
onRulesChanged((loaded) => store.getState().externalChange(loaded));
void store.getState().load().finally(() => {
  document.body.dataset.ready = 'true';
});

render(<OptionsApp store={store} />, document.getElementById('app')!);
