// Panel entry: the real platform, one store, connected to the background over the per-tab port.
import { render } from 'preact';
import { App } from './components/App';
import { importHar } from './import';
import { browserPlatform } from './platform';
import { connectStore } from './store/connection';
import { createPanelStore } from './store/panel-store';
import { setStoredSpecs, specDrop } from './contract';
import { prepareSpec } from '../core/openapi/stored';
import { loadSpecs, onSpecsChanged, saveSpecs, type LoadedSpecs } from '../platform/spec-storage';
import './panel.css';

const platform = browserPlatform();
const store = createPanelStore({
  tabId: platform.tabId,
  importHar,
  saveSettings: (settings) => void platform.saveSettings(settings).catch(() => undefined),
});
connectStore(store, platform);

// OpenAPI specs: read once, again when the options page (or a drop here) changes them.
const applySpecs = (loaded: LoadedSpecs): void => {
  setStoredSpecs(loaded.specs);
  store.getState().contractChanged();
};
void loadSpecs().then(applySpecs);
specDrop.save = async (fileName, text) => {
  const { specs } = await loadSpecs();
  const same = specs.find((s) => s.source.kind === 'file' && s.source.name === fileName);
  const prepared = prepareSpec(
    text,
    { kind: 'file', name: fileName },
    same?.id ?? `spec-${Date.now().toString(36)}`,
    Date.now(),
    same?.baseUrls,
  );
  if (!prepared.ok) throw new Error(`${prepared.error}. Nothing was saved; Faultline works on without it.`);
  await saveSpecs(same ? specs.map((s) => (s.id === same.id ? prepared.stored : s)) : [...specs, prepared.stored]);
  return `Loaded "${prepared.stored.title}": ${prepared.stored.operationCount} operations`;
};
onSpecsChanged(applySpecs);

render(<App store={store} platform={platform} />, document.getElementById('app')!);
