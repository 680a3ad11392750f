// What the panel needs from the browser, as an interface: components and the store get it
// injected, so they run in happy-dom with a fake (see platform.ts for the real one).
import type { RulesDocument } from '../core/rules';
import type { LoadedRules, SavedRules } from '../platform/rules-storage';
import type { ReconnectingHandlers, ReconnectingPort } from '../platform/reconnecting-port';
import type { Settings } from './settings';

/** What the panel hands its port: declared once, by the reconnecting port. */
export type PortHandlers = ReconnectingHandlers;
/** The panel's end of the port. */
export type PortHandle = ReconnectingPort;

export interface PanelPlatform {
  /** The inspected tab. */
  readonly tabId: number;
  readonly browserName: 'chrome' | 'firefox';
  /** The extension's version, for export metadata. */
  readonly version: string;
  /** DevTools theme: 'dark' or 'default' (light). */
  themeName(): string;
  /** Firefox only; elsewhere the returned unsubscribe is a no-op and nothing fires. */
  onThemeChanged(listener: (themeName: string) => void): () => void;
  loadSettings(): Promise<unknown>;
  saveSettings(settings: Settings): Promise<void>;
  connect(handlers: PortHandlers): PortHandle;
  /** Shows a script in the Sources panel (Firefox: Debugger) at a 0-based line. Absent where the browser has no openResource. */
  openResource?(url: string, lineNumber: number, columnNumber: number): void;
  /** Opens the options page (the full rules editor). Absent where there is none. */
  openOptionsPage?(): Promise<void>;
  /** The user's per-host rules (only the valid ones). */
  loadRules?(): Promise<LoadedRules>;
  /** Validates and stores the rules; throws RulesValidationError with field paths. */
  saveRules?(document: RulesDocument): Promise<SavedRules>;
}
