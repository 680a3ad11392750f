// The devtools page: creates the panel and starts capture right away, so bodies are collected from
// the moment DevTools opens, whether or not the Faultline panel is ever shown.
import { createPanel, inspectedTabId } from '../platform/devtools';
import { startDevtoolsCapture } from './capture';

void createPanel('Faultline', '/icons/icon-32.png', '/src/panel/panel.html');
const capture = startDevtoolsCapture(inspectedTabId());
// Closing DevTools unloads this page: what is still batched goes now.
addEventListener('pagehide', () => capture.flush());
