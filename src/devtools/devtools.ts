// The devtools page: creates the panel, and (see ./capture) feeds bodies to the background.
import browser from 'webextension-polyfill';

void browser.devtools.panels.create('Faultline', '/icons/icon-32.png', '/src/panel/panel.html');
