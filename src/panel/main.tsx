// Panel entry: the real platform, one store, connected to the background over the per-tab port.
import { render } from 'preact';
import { App } from './components/App';
import { importHar } from './import';
import { browserPlatform } from './platform';
import { connectStore } from './store/connection';
import { createPanelStore } from './store/panel-store';
import './panel.css';

const platform = browserPlatform();
const store = createPanelStore({
  tabId: platform.tabId,
  importHar,
  saveSettings: (settings) => void platform.saveSettings(settings).catch(() => undefined),
});
connectStore(store, platform);

render(<App store={store} platform={platform} />, document.getElementById('app')!);
