// npm run dev:panel: the real panel (App, store, styles) on a fake platform, with hot reload.
// Query: ?n=100000 (records), ?live=500 (a new failure every 500 ms), ?theme=dark, ?browser=firefox.
import { render } from 'preact';
import type { Exchange } from '../../core/types';
import { App } from '../components/App';
import { importHar } from '../import';
import { connectStore } from '../store/connection';
import { createPanelStore } from '../store/panel-store';
import { createDevPlatform, devOptions } from './dev-platform';
import '../panel.css';

interface Fixture {
  exchange: Exchange;
}

// Every vendor fixture in the repo: real error bodies, classified for real.
const fixtures = import.meta.glob<Fixture[]>('../../core/formats/fixtures/*.json', { eager: true, import: 'default' });
const exchanges = Object.values(fixtures).flatMap((list) => list.map((f) => f.exchange));

const options = devOptions(location.search);
const platform = createDevPlatform(exchanges, options);
const store = createPanelStore({
  tabId: platform.tabId,
  importHar,
  saveSettings: (settings) => void platform.saveSettings(settings).catch(() => undefined),
});
connectStore(store, platform);

render(<App store={store} platform={platform} />, document.getElementById('app')!);
