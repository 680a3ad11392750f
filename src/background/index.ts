// Background worker (Chrome service worker / Firefox event page). Every listener is registered
// synchronously at the top level, so an event that wakes a stopped worker reaches it; the service
// queues what arrives until IndexedDB has been read back (see service.ts).
import { classify } from '../core/classify';
import type { Rule } from '../core/rules';
import { BUILT_IN_PROFILES, withSpecRules } from '../core/built-in-profiles';
import { loadSpecs, onSpecsChanged, type LoadedSpecs } from '../platform/spec-storage';
import { loadRules, onRulesChanged } from '../platform/rules-storage';
import { getTabBadge, setTabBadge } from '../platform/badge';
import { extensionOrigin, onConnect, onSuspend } from '../platform/runtime';
import { lazyCaptureDb } from '../platform/capture-db';
import { sessionMarker } from '../platform/storage';
import { EARLY_EVENT_JOURNAL, syncJournal } from '../platform/sync-journal';
import { onTabLoading, onTabRemoved, tabExists } from '../platform/tabs';
import { canCopyResponseBodies, copyResponseBodies } from '../platform/response-filter';
import {
  onBeforeRedirect,
  onBeforeRequest,
  onCompleted,
  onErrorOccurred,
  onHeadersReceived,
  onSendHeaders,
} from '../platform/webrequest';
import { createDebugApi, type FaultlineDebug } from './debug';
import { DEFAULT_LIMITS } from './limits';
import { CaptureService } from './service';
import type { WebRequestDetails } from './webrequest-events';

/** The user's per-host rules; every classification uses the current set. */
let userRules: readonly Rule[] = [];
/** The built-in profiles plus what the loaded OpenAPI specs say about their error bodies. */
let profiles: readonly Rule[] = BUILT_IN_PROFILES;
const profilesOf = (loaded: LoadedSpecs): readonly Rule[] => withSpecRules(loaded.specs.flatMap((s) => s.rules));

const service = new CaptureService({
  classify: (exchange) => classify(exchange, { rules: userRules, profiles }),
  prepare: async () => {
    userRules = (await loadRules()).document.rules;
    profiles = profilesOf(await loadSpecs());
  },
  limits: DEFAULT_LIMITS,
  db: lazyCaptureDb(),
  marker: sessionMarker(),
  journal: syncJournal(),
  earlyEvents: syncJournal(EARLY_EVENT_JOURNAL),
  setBadge: setTabBadge,
  extensionOrigin: extensionOrigin(),
  tabExists,
});

const asDetails = (d: unknown): WebRequestDetails => d as WebRequestDetails;
onBeforeRequest((d) => service.onBeforeRequest(asDetails(d)));
onSendHeaders((d) => service.onSendHeaders(asDetails(d)));
onHeadersReceived((d) => service.onHeadersReceived(asDetails(d)));
onBeforeRedirect((d) => service.onBeforeRedirect(asDetails(d)));
onCompleted((d) => service.onCompleted(asDetails(d)));
onErrorOccurred((d) => service.onErrorOccurred(asDetails(d)));
// Firefox: bodies from the response stream itself, whatever the toolbox shows (docs/capture.md).
if (canCopyResponseBodies()) {
  copyResponseBodies(
    (d) => service.bodyCopyPlan(asDetails(d)),
    (copy) => service.onCopiedBody(copy.tabId, copy.requestId, copy.body, copy.truncated),
  );
}
onTabRemoved((tabId) => service.tabRemoved(tabId));
onTabLoading((tabId) => service.tabLoading(tabId));
onConnect((port) => service.connect(port));
onSuspend(() => void service.flush());
onRulesChanged((loaded) => {
  userRules = loaded.document.rules;
  service.reclassifyAll();
});

onSpecsChanged((loaded) => {
  profiles = profilesOf(loaded);
  service.reclassifyAll();
});

const debug = createDebugApi(service, getTabBadge);
(globalThis as { faultlineDebug?: FaultlineDebug }).faultlineDebug = debug;

void service.start().then(() => {
  debug.ready = true;
});
