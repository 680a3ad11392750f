// The panel: toolbar, notices, the list with its detail pane, and the status bar.
// Global keys: Ctrl/Cmd+F focuses the filter, Esc closes the detail. Both are caught in the
// capture phase and stopped there: DevTools forwards unhandled keys of an extension panel from a
// document listener (Chrome opens its Find bar, Esc its Console drawer).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PlatformContext, StoreContext, usePanel, usePanelStore, usePlatform } from '../context';
import type { PanelPlatform } from '../platform-types';
import type { PanelStore } from '../store/panel-store';
import { AuditView } from './AuditView';
import { EmptyState, Notices, StatusBar, ToastView, ViewTabs } from './PanelParts';
import { Detail } from './Detail';
import { FailureList } from './FailureList';
import { Toolbar } from './Toolbar';
import { useStatusFold } from '../hooks/useStatusFold';
import { looksLikeSpec, specDrop } from '../contract';
import { createImportController } from '../import/import-controller';
import { ImportProgressBar, useImportState } from '../import/ImportProgress';

export interface AppProps {
  store: PanelStore;
  platform: PanelPlatform | null;
  /** Viewport height for layout-less environments (tests). */
  fallbackViewportHeight?: number;
}

export function App({ store, platform, fallbackViewportHeight }: AppProps) {
  return (
    <StoreContext.Provider value={store}>
      <PlatformContext.Provider value={platform}>
        <Panel fallbackViewportHeight={fallbackViewportHeight} />
      </PlatformContext.Provider>
    </StoreContext.Provider>
  );
}

/** 'dark' or 'light' from the setting and the DevTools theme. */
function useTheme(): 'dark' | 'light' {
  const platform = usePlatform();
  const choice = usePanel((s) => s.settings.theme);
  const [devtoolsTheme, setDevtoolsTheme] = useState(() => platform?.themeName() ?? 'default');
  useEffect(() => platform?.onThemeChanged(setDevtoolsTheme), [platform]);
  if (choice !== 'auto') return choice;
  return devtoolsTheme === 'dark' ? 'dark' : 'light';
}

function Panel({ fallbackViewportHeight }: { fallbackViewportHeight?: number }) {
  const store = usePanelStore();
  const theme = useTheme();
  const ready = usePanel((s) => s.ready);
  const detailOpen = usePanel((s) => s.detailOpen);
  const view = usePanel((s) => s.view);
  const filterRef = useRef<HTMLInputElement>(null);
  const appRef = useRef<HTMLDivElement>(null);
  // A wide dock: the status bar's content goes to the toolbar's end, and the list gets its height.
  const statusFolded = useStatusFold(appRef);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);

  // A boolean, not the count: the whole panel need not re-render on every keystroke.
  const empty = usePanel((s) => s.shown === 0 && !s.scanning);

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.style.colorScheme = theme;
  }, [theme]);

  // The e2e harness waits for this: connected and first snapshot applied.
  useEffect(() => {
    if (ready) document.documentElement.dataset.faultlineReady = 'true';
  }, [ready]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        e.stopPropagation();
        filterRef.current?.focus();
        filterRef.current?.select();
        return;
      }
      if (e.key !== 'Escape' || !store.getState().detailOpen) return;
      const target = e.target as HTMLElement | null;
      // Menus and a filter with text handle their own Esc first.
      if (target?.closest?.('[role="menu"], .popover')) return;
      if (target === filterRef.current && filterRef.current?.value) return;
      e.preventDefault();
      e.stopPropagation();
      store.getState().closeDetail();
      // Back to the list so ↑/↓ keep working.
      document.querySelector<HTMLElement>('[data-testid="failure-list"]')?.focus();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);

  const importer = useMemo(() => createImportController(store), [store]);
  // An imported view whose import runs shows the list before its first rows: the list's mount (its
  // fonts, measures and first layout) is then a task of its own, not part of the first rows' (issue 18).
  const importing = useImportState(importer, (s) => s.progress !== null) && view === 'imported';
  const importFile = (file: File): void => {
    // The head decides: an OpenAPI spec is read whole, a HAR of any size is streamed.
    file
      .slice(0, 4096)
      .text()
      .then((head) => {
        // An OpenAPI spec dropped here is loaded like one from the options page (issue 16).
        const saveSpec = specDrop.save;
        if (saveSpec && looksLikeSpec(file.name, head)) {
          return file.text().then((text) =>
            saveSpec(file.name, text).then(
              (status) => store.getState().showToast(status),
              (err: unknown) =>
                store.getState().showBanner({ kind: 'error', text: err instanceof Error ? err.message : String(err) }),
            ),
          );
        }
        return importer.start(file);
      })
      .catch((err: unknown) =>
        store.getState().showBanner({ kind: 'error', text: `Could not read ${file.name}: ${String(err)}` }),
      );
  };

  const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');

  return (
    <div
      ref={appRef}
      class={`app${dragging ? ' dragging' : ''}`}
      data-testid="faultline-panel"
      data-view={view}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        dragDepth.current++;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        dragDepth.current = 0;
        setDragging(false);
        const file = e.dataTransfer?.files?.[0];
        if (file) importFile(file);
      }}
    >
      {/* Landmarks and a heading for screen readers: everything sits in header, main or footer. */}
      <header class="panel-header">
        <h1 class="visually-hidden">Faultline: failing HTTP calls</h1>
        <Toolbar
          filterRef={filterRef}
          onImportFile={importFile}
          status={statusFolded ? <StatusBar tabs={<ViewTabs />} folded /> : undefined}
        />
        <Notices />
        <ImportProgressBar controller={importer} />
        <ToastView />
      </header>
      {view === 'audit' ? (
        <main class="main">
          <AuditView />
        </main>
      ) : (
        <main class={`main${detailOpen ? ' with-detail' : ''}`}>
          <div class="list-pane">
            {empty && !importing ? <EmptyState /> : <FailureList fallbackViewportHeight={fallbackViewportHeight} />}
          </div>
          {detailOpen ? <Detail /> : null}
        </main>
      )}
      {statusFolded ? null : <StatusBar tabs={<ViewTabs />} />}
      {dragging ? (
        <div class="drop-overlay" aria-hidden="true">
          Drop a HAR file to triage it, or an OpenAPI spec to check calls against it
        </div>
      ) : null}
    </div>
  );
}
