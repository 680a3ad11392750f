// The panel's frame around the list: view tabs, banners, the empty state, the status bar and the toast.
import type { ComponentChildren } from 'preact';
import { usePanel, usePanelStore, usePlatform } from '../context';
import { formatCount } from '../format';

/** "This tab", after an import "Imported: file.har", and the retry audit of the list shown last. */
export function ViewTabs() {
  const store = usePanelStore();
  const view = usePanel((s) => s.view);
  const imported = usePanel((s) => s.imported);
  const findings = usePanel((s) => s.auditFindings);
  return (
    <div class="tabs" role="tablist" aria-label="View">
      <button
        type="button"
        role="tab"
        aria-selected={view === 'live'}
        data-testid="view-live"
        onClick={() => store.getState().setView('live')}
      >
        This tab
      </button>
      {imported ? (
        <span class="tab-with-close">
          <button
            type="button"
            role="tab"
            aria-selected={view === 'imported'}
            data-testid="view-imported"
            onClick={() => store.getState().setView('imported')}
          >
            Imported: {imported.fileName}
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={`Close ${imported.fileName}`}
            data-testid="close-import"
            onClick={() => store.getState().closeImport()}
          >
            ✕
          </button>
        </span>
      ) : null}
      <button
        type="button"
        role="tab"
        aria-selected={view === 'audit'}
        data-testid="view-audit"
        data-findings={findings}
        title="Retry audit: does the client follow the retry advice?"
        onClick={() => store.getState().setView('audit')}
      >
        Audit{findings > 0 ? <span class="audit-count"> ⚠ {formatCount(findings)}</span> : null}
      </button>
    </div>
  );
}

export function Notices() {
  const store = usePanelStore();
  const platform = usePlatform();
  const connection = usePanel((s) => s.connection);
  const banner = usePanel((s) => s.banner);
  const stats = usePanel((s) => s.stats);
  const view = usePanel((s) => s.view);
  const ready = usePanel((s) => s.ready);

  const failureCount = usePanel((s) => s.failures);
  // Firefox delivers bodies without its Network panel (ESR 153 to devtools.network; any version to the body copy);
  // this says only that none has arrived while failures have.
  const firefoxNoBodies =
    platform?.browserName === 'firefox' && view === 'live' && ready && failureCount > 0 && !stats.bodiesArriving;

  return (
    <div class="notices">
      {connection === 'invalidated' ? (
        <div class="banner error" role="alert" data-testid="banner-invalidated">
          Extension was reloaded — reopen DevTools.
        </div>
      ) : connection === 'reconnecting' ? (
        <div class="banner info" role="status" data-testid="banner-reconnecting">
          Reconnecting to the extension…
        </div>
      ) : null}
      {banner ? (
        <div class={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="banner">
          <span class="banner-text">{banner.text}</span>
          <button
            type="button"
            class="icon-button"
            aria-label="Dismiss"
            onClick={() => store.getState().showBanner(null)}
          >
            ✕
          </button>
        </div>
      ) : null}
      {firefoxNoBodies ? (
        <div class="banner info" role="status" data-testid="banner-firefox-bodies">
          No response body has reached Faultline yet: failures are classified from their status and headers until one
          does.
        </div>
      ) : null}
    </div>
  );
}

export function EmptyState() {
  const store = usePanelStore();
  const ready = usePanel((s) => s.ready);
  const connection = usePanel((s) => s.connection);
  const seen = usePanel((s) => s.stats.seen);
  const view = usePanel((s) => s.view);
  const showAll = usePanel((s) => s.settings.showAll);
  const filtered = usePanel((s) => s.filterText.trim() !== '' || s.chips.length > 0);
  const total = usePanel((s) => s.total);
  const failures = usePanel((s) => s.failures);

  let text: string;
  if (view === 'live' && !ready)
    text = connection === 'invalidated' ? 'Extension was reloaded — reopen DevTools.' : 'Connecting…';
  else if (filtered && total > 0)
    text = `Nothing matches the filter (${formatCount(showAll ? total : failures)} ${showAll ? 'records' : 'failures'} hidden).`;
  else if (view === 'imported')
    text = showAll ? 'The imported file has no requests.' : 'No failures in the imported file.';
  else
    text = showAll
      ? `No responses yet: ${formatCount(seen)} requests watched`
      : `No failures yet: ${formatCount(seen)} requests watched`;

  return (
    <div class="empty" data-testid="empty-state" role="status">
      <p>{text}</p>
      {filtered ? (
        <button
          type="button"
          class="link"
          onClick={() => {
            const s = store.getState();
            s.setFilterText('');
            for (const chip of s.chips) store.getState().toggleChip(chip);
          }}
        >
          Clear the filter
        </button>
      ) : null}
    </div>
  );
}

/**
 * The counts and the view tabs. At a wide dock they sit at the toolbar's end (`folded`, App decides by
 * measuring): the rows get the status bar's height. Folded, the counts read like the Network panel's
 * ("34 / 43 requests"); the whole sentence stays in the DOM for screen readers and in the tooltip.
 */
export function StatusBar({ tabs, folded = false }: { tabs?: ComponentChildren; folded?: boolean }) {
  const stats = usePanel((s) => s.stats);
  const view = usePanel((s) => (s.view === 'audit' ? s.auditOf : s.view));
  const imported = usePanel((s) => s.imported);
  const scanning = usePanel((s) => s.scanning);
  const showAll = usePanel((s) => s.settings.showAll);
  const shown = usePanel((s) => s.shown);
  const failures = usePanel((s) => s.failures);

  const more = scanning ? '…' : '';
  const parts: string[] = [];
  parts.push(`${formatCount(shown)}${more} shown`);
  parts.push(`${formatCount(failures)} ${failures === 1 ? 'failure' : 'failures'}`);
  if (view === 'live') parts.push(`${formatCount(stats.seen)} requests watched`);
  else if (imported) parts.push(`${formatCount(imported.entries)} entries in ${imported.fileName}`);
  if (showAll) parts.push('all responses');
  const long = parts.join(' · ');
  // Shown out of what was watched (or imported), as the Network panel counts.
  const short =
    view === 'live'
      ? `${formatCount(shown)}${more} / ${formatCount(stats.seen)} requests`
      : imported
        ? `${formatCount(shown)}${more} / ${formatCount(imported.entries)} entries`
        : `${formatCount(shown)}${more} shown`;

  const content = (
    <>
      {tabs}
      <span
        class="counts"
        data-testid="counts"
        data-shown={shown}
        data-failures={failures}
        data-scanning={scanning}
        title={folded ? long : undefined}
      >
        <span class="counts-long">{long}</span>
        {/* Always laid out (hidden unless folded): App measures it to decide whether the fold fits. */}
        <span class="counts-short" aria-hidden="true">
          {short}
        </span>
      </span>
      {view === 'live' && stats.droppedRecords > 0 ? (
        <span
          class="counter warn"
          data-testid="dropped-records"
          title="Oldest records evicted: the per-tab record cap was reached"
        >
          {formatCount(stats.droppedRecords)} dropped
        </span>
      ) : null}
      {view === 'live' && (stats.outcomesLost ?? 0) > 0 ? (
        <span
          class="counter warn"
          data-testid="outcomes-lost"
          title="Requests in flight when the extension's background was stopped whose end never reached it: shown as (outcome lost)"
        >
          {formatCount(stats.outcomesLost ?? 0)} {stats.outcomesLost === 1 ? 'outcome' : 'outcomes'} lost
        </span>
      ) : null}
      {view === 'live' && stats.truncatedBodies > 0 ? (
        <span class="counter warn" data-testid="truncated-bodies" title="Bodies cut to the per-body cap">
          {formatCount(stats.truncatedBodies)} {stats.truncatedBodies === 1 ? 'body' : 'bodies'} truncated
        </span>
      ) : null}
      {view === 'live' && stats.droppedBodies > 0 ? (
        <span
          class="counter warn"
          data-testid="dropped-bodies"
          title="Bodies not kept: the per-tab body budget was exhausted, or storage could not keep up with them"
        >
          {formatCount(stats.droppedBodies)} {stats.droppedBodies === 1 ? 'body' : 'bodies'} dropped
        </span>
      ) : null}
    </>
  );
  return folded ? (
    <div class="statusbar folded" data-testid="status-bar">
      {content}
    </div>
  ) : (
    <footer class="statusbar" data-testid="status-bar">
      {content}
    </footer>
  );
}

export function ToastView() {
  const toast = usePanel((s) => s.toast);
  return (
    <div class="toast-region" aria-live="polite">
      {toast ? (
        <div class="toast" data-testid="toast" data-toast={toast.id} key={toast.id}>
          {toast.text}
        </div>
      ) : null}
    </div>
  );
}
