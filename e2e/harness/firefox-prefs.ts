// Profile preferences for the Firefox e2e session, on top of puppeteer's own test defaults
// (@puppeteer/browsers: no safebrowsing, no app updates, no first-run pages, ...).

/** Keeps a test run hermetic: nothing phones home, nothing updates, nothing pops up. */
const QUIET_NETWORK: Record<string, unknown> = {
  // Telemetry and data reporting.
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'datareporting.usage.uploadEnabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'devtools.telemetry.enabled': false,
  // Studies, experiments, remote settings.
  'app.shield.optoutstudies.enabled': false,
  'app.normandy.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rollouts.enabled': false,
  'browser.discovery.enabled': false,
  // Updates of the app, add-ons, system add-ons, search engines, GMP plugins.
  'app.update.auto': false,
  'app.update.background.enabled': false,
  'app.update.staging.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.getAddons.discovery.api_url': '',
  'extensions.blocklist.enabled': false,
  'browser.search.geoSpecificDefaults': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-manager.url': '',
  // Connectivity probes: captive portal, network link service, DoH, OCSP, CRLite.
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.certerrors.recordEventTelemetry': false,
  // Speculative work that opens sockets.
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.urlbar.speculativeConnect.enabled': false,
  'browser.places.speculativeConnect.enabled': false,
  // Region/geo lookups, accounts, sync, new tab content, misc background services.
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'geo.provider.network.url': '',
  'identity.fxaccounts.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.topsites.contile.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.backup.enabled': false,
  'browser.backup.scheduled.enabled': false,
  'browser.translations.enable': false,
  'browser.ml.enable': false,
  'extensions.pocket.enabled': false,
  'signon.management.page.breach-alerts.enabled': false,
};

/** DevTools: chrome-privileged code may drive the toolbox; no first-run UI; a panel big enough to read. */
function devtoolsPrefs(toolboxHeight: number): Record<string, unknown> {
  return {
    'devtools.chrome.enabled': true,
    'devtools.debugger.remote-enabled': true,
    'devtools.debugger.prompt-connection': false,
    'devtools.toolbox.host': 'bottom',
    'devtools.toolbox.footer.height': toolboxHeight,
    'devtools.everOpened': true,
    'devtools.selfxss.count': 5,
    'devtools.onboarding.telemetry.logged': true,
    'devtools.netmonitor.persistlog': false,
  };
}

export function firefoxPrefs(opts: { geckoId: string; uuid: string; toolboxHeight: number }): Record<string, unknown> {
  return {
    ...QUIET_NETWORK,
    ...devtoolsPrefs(opts.toolboxHeight),
    // A fixed moz-extension://<uuid> origin for the temporary add-on.
    'extensions.webextensions.uuids': JSON.stringify({ [opts.geckoId]: opts.uuid }),
    // Never ask before installing or enabling the temporary add-on.
    'extensions.autoDisableScopes': 0,
    'xpinstall.signatures.required': false,
    // A stable rendering for screenshots.
    'layout.css.devPixelsPerPx': '1.0',
  };
}
