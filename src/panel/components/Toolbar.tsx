// The toolbar: session actions, the filter box, chips, grouping, export/import and settings.
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CHIPS, completeKey, FILTER_HELP } from '../filter';
import { copyText } from '../clipboard';
import { copyAllAsCurl, copyAllAsHar } from '../copies';
import { formatCount } from '../format';
import { useStore } from 'zustand';
import { contractStore } from '../contract';
import { usePanel, usePanelStore, usePlatform } from '../context';
import { saveBlob, saveFile, exportFileName } from '../download';
import { exportHar, exportJson } from '../export';
import type { GroupBy } from '../grouping';
import type { RequestRecord } from '../../protocol/messages';
import type { PanelStore } from '../store/panel-store';
import type { FullRecordsResult } from '../store/full-records';
import type { ExportedFile } from '../import/worker-import';
import { SettingsMenu } from './SettingsMenu';

export interface ToolbarProps {
  filterRef: RefObject<HTMLInputElement>;
  onImportFile(file: File): void;
  /** The status bar's content, at the row's end when a wide dock has room for it (App). */
  status?: ComponentChildren;
}

/** The records the current filter shows, oldest first (navigation markers left out). */
/** Never silent: records the background no longer held when a copy or export asked for them. */
function leftOut(missing: number): string {
  return missing > 0 ? `; ${missing} no longer held by the background ${missing === 1 ? 'was' : 'were'} left out` : '';
}

export function filteredRecords(store: PanelStore): RequestRecord[] {
  const state = store.getState();
  state.flush();
  const dataset = state.dataset();
  const list = dataset.visible;
  const out: RequestRecord[] = [];
  for (let i = 0; i < list.length; i++) {
    const record = dataset.row(list.get(i)).record;
    if (record.kind === 'request') out.push(record);
  }
  return out;
}

export function Toolbar({ filterRef, onImportFile, status }: ToolbarProps) {
  const store = usePanelStore();
  const platform = usePlatform();
  const filterText = usePanel((s) => s.filterText);
  const problems = usePanel((s) => s.filterProblems);
  const chips = usePanel((s) => s.chips);
  const hasSpecs = useStore(contractStore, (s) => s.specs.length > 0);
  const preserve = usePanel((s) => s.preserve);
  const showAll = usePanel((s) => s.settings.showAll);
  const groupBy = usePanel((s) => s.settings.groupBy);
  const view = usePanel((s) => s.view);
  const imported = usePanel((s) => s.imported);
  const fileInput = useRef<HTMLInputElement>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const revision = usePanel((s) => s.revision);
  const redact = usePanel((s) => s.settings.redactCopies);
  const summaryChips = useMemo(() => CHIPS.filter((c) => c.summary), []);
  const counts = useMemo(() => store.getState().dataset().chipCounts(summaryChips), [revision, view, summaryChips]);
  const completion = completeKey(filterText);

  const copyAll = (kind: 'curl' | 'har'): void =>
    store.getState().withFullRecords(filteredRecords(store), (full) => copyRecords(kind, full));
  const copyRecords = (kind: 'curl' | 'har', { records, missing }: FullRecordsResult): void => {
    const text = kind === 'curl' ? copyAllAsCurl(records, { redact }) : copyAllAsHar(records, platform?.version ?? '0');
    void copyText(text).then((ok) =>
      store
        .getState()
        .showToast(
          ok
            ? `Copied ${records.length} ${records.length === 1 ? 'request' : 'requests'} as ${kind === 'curl' ? 'cURL' : 'HAR'}${leftOut(missing)}`
            : 'Copy failed',
        ),
    );
  };
  // The row context menu asks for "copy all" through an event: one implementation, here.
  useEffect(() => {
    const onCopyAll = (e: Event): void => copyAll((e as CustomEvent<'curl' | 'har'>).detail);
    window.addEventListener('faultline-copy-all', onCopyAll);
    return () => window.removeEventListener('faultline-copy-all', onCopyAll);
  });

  const exportAs = (kind: 'json' | 'har'): void => {
    const rows = filteredRecords(store);
    const state = store.getState();
    // An imported file's records are in its import worker: the worker writes the file (issue 18).
    const meta = {
      version: platform?.version ?? '0',
      view: imported?.fileName ?? 'live',
      filter: state.filterText,
      chips: state.chips,
    };
    const fromWorker = state.exportImported(rows, kind, meta);
    if (fromWorker) return void fromWorker.then((file) => saveExported(kind, file));
    state.withFullRecords(rows, (full) => exportRecords(kind, full));
  };
  const saveExported = (kind: 'json' | 'har', file: ExportedFile): void => {
    const state = store.getState();
    if (!file.blob) return state.showToast(`Export failed: ${file.error ?? 'unknown error'}`);
    saveBlob(exportFileName((imported?.fileName ?? '').replace(/\.har$/i, ''), kind), file.blob);
    state.showToast(`Exported ${file.count} ${file.count === 1 ? 'record' : 'records'}${leftOut(file.missing)}`);
  };
  const exportRecords = (kind: 'json' | 'har', { records, missing }: FullRecordsResult): void => {
    const version = platform?.version ?? '0';
    const state = store.getState();
    const label = view === 'imported' && imported ? imported.fileName.replace(/\.har$/i, '') : hostLabel(records);
    try {
      if (kind === 'json') {
        const text = exportJson(records, {
          version,
          view: view === 'imported' && imported ? imported.fileName : 'live',
          filter: state.filterText,
          chips: state.chips,
        });
        saveFile(exportFileName(label, 'json'), text, 'application/json');
      } else {
        saveFile(exportFileName(label, 'har'), exportHar(records, version), 'application/json');
      }
    } catch (error) {
      // Never a silent failure: say what went wrong; nothing unredacted is written.
      state.showToast(`Export failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
      return;
    }
    state.showToast(`Exported ${records.length} ${records.length === 1 ? 'record' : 'records'}${leftOut(missing)}`);
  };

  return (
    <div class="toolbar" role="toolbar" aria-label="Faultline">
      <div class={`toolbar-row${status ? ' folded' : ''}`}>
        <button
          type="button"
          class="tool"
          data-testid="clear"
          title={view === 'imported' ? 'Close the imported file' : 'Clear'}
          onClick={() => store.getState().clear()}
        >
          Clear
        </button>
        <label class="check" title="Keep records across navigations (remembered)">
          <input
            type="checkbox"
            data-testid="preserve-log"
            checked={preserve}
            disabled={view !== 'live'}
            onChange={(e) => store.getState().setPreserve((e.target as HTMLInputElement).checked)}
          />
          Preserve log
        </label>
        <input
          ref={filterRef}
          type="search"
          class={`filter${problems.length ? ' invalid' : ''}`}
          data-testid="filter"
          placeholder="Filter: status:5xx code:… (Ctrl+F)"
          aria-label="Filter"
          title={problems.length ? problems.join('\n') : FILTER_HELP}
          aria-invalid={problems.length > 0}
          value={filterText}
          spellcheck={false}
          autoComplete="off"
          onInput={(e) => store.getState().setFilterText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Tab' && !e.shiftKey && completion) {
              e.preventDefault();
              store.getState().setFilterText(completion);
              return;
            }
            if (e.key === 'Escape' && filterText !== '') {
              e.stopPropagation();
              store.getState().setFilterText('');
            }
          }}
        />
        <div class="chips" role="group" aria-label="What to do">
          {summaryChips.map((chip) => (
            <button
              key={chip.id}
              type="button"
              class={`chip chip-${chip.id}`}
              data-testid={`chip-${chip.id}`}
              data-count={counts.get(chip.id) ?? 0}
              title={chip.title}
              aria-pressed={chips.includes(chip.id)}
              onClick={() => store.getState().toggleChip(chip.id)}
            >
              {chip.label} <span class="chip-count">{formatCount(counts.get(chip.id) ?? 0)}</span>
            </button>
          ))}
        </div>
        <label class="check" title="Show every response, not only failures">
          <input
            type="checkbox"
            data-testid="show-all"
            checked={showAll}
            onChange={(e) => store.getState().setShowAll((e.target as HTMLInputElement).checked)}
          />
          All
        </label>
        <label class="select-label">
          Group
          <select
            data-testid="group-by"
            value={groupBy}
            onChange={(e) => store.getState().setGroupBy((e.target as HTMLSelectElement).value as GroupBy)}
          >
            <option value="none">None</option>
            <option value="endpoint">Endpoint</option>
            <option value="code">Error code</option>
            <option value="callsite">Call site</option>
          </select>
        </label>
        <div class="settings-anchor">
          <button
            type="button"
            class="tool"
            data-testid="more"
            aria-haspopup="true"
            aria-expanded={moreOpen}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            Export ▾
          </button>
          {/* Always in the DOM (hidden when closed), so the export buttons keep their test ids for scripts. */}
          {
            <div
              hidden={!moreOpen}
              class="popover menu-popover"
              role="group"
              aria-label="Export and import"
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setMoreOpen(false);
                }
              }}
              onClick={() => setMoreOpen(false)}
            >
              <button
                type="button"
                class="tool"
                data-testid="export-json"
                title="Export the filtered list as JSON (secrets redacted)"
                onClick={() => exportAs('json')}
              >
                Export JSON
              </button>
              <button
                type="button"
                class="tool"
                data-testid="export-har"
                title="Export the filtered list as a sanitized HAR"
                onClick={() => exportAs('har')}
              >
                Export HAR
              </button>
              <button
                type="button"
                class="tool"
                data-testid="copy-all-curl"
                title="Copy the filtered list as cURL commands"
                onClick={() => copyAll('curl')}
              >
                Copy all as cURL
              </button>
              <button
                type="button"
                class="tool"
                data-testid="copy-all-har"
                title="Copy the filtered list as a sanitized HAR"
                onClick={() => copyAll('har')}
              >
                Copy all as HAR
              </button>
              <button
                type="button"
                class="tool"
                data-testid="import-har"
                title="Import a HAR file (or drop it on the panel)"
                onClick={() => fileInput.current?.click()}
              >
                Import HAR…
              </button>
            </div>
          }
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".har,.json,application/json"
          data-testid="import-input"
          class="hidden-input"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) onImportFile(file);
            input.value = '';
          }}
        />
        <span class="spacer" />
        {status}
        <div class="settings-anchor">
          {/* A gear, as in DevTools: the row needs the width at a 1280 px dock. */}
          <button
            type="button"
            class="tool icon-tool"
            data-testid="settings"
            aria-haspopup="dialog"
            aria-expanded={settingsOpen}
            aria-label="Settings"
            title="Settings"
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            <GearIcon />
          </button>
          {settingsOpen ? <SettingsMenu onClose={() => setSettingsOpen(false)} /> : null}
        </div>
      </div>
      {hasSpecs ? (
        <div class="toolbar-row chips" role="group" aria-label="API contract">
          {CHIPS.filter((chip) => chip.group === 'spec').map((chip) => (
            <button
              key={chip.id}
              type="button"
              class={`chip chip-${chip.id}`}
              data-testid={`chip-${chip.id}`}
              title={chip.title}
              aria-pressed={chips.includes(chip.id)}
              onClick={() => store.getState().toggleChip(chip.id)}
            >
              {chip.label}
            </button>
          ))}
        </div>
      ) : null}
      {problems.length || completion ? (
        <div class="toolbar-row filter-notes">
          {problems.length ? (
            <span class="filter-problem" role="status" data-testid="filter-problem">
              {problems[0]}
            </span>
          ) : null}
          {completion ? (
            <span class="filter-completion muted" data-testid="filter-completion">
              Tab: {completion.slice(completion.lastIndexOf(' ') + 1)}
            </span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function hostLabel(records: readonly RequestRecord[]): string {
  const first = records[0]?.exchange.url;
  if (!first) return '';
  try {
    return new URL(first).host;
  } catch {
    return '';
  }
}

function GearIcon() {
  // Eight teeth around an open ring, in the text colour (an inline SVG: a CSS mask did not draw in Firefox).
  return (
    <svg class="gear" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <g fill="currentColor">
        {[0, 45, 90, 135, 180, 225, 270, 315].map((angle) => (
          <rect key={angle} x="6.5" y="0.3" width="3" height="3.6" rx="0.6" transform={`rotate(${angle} 8 8)`} />
        ))}
      </g>
      <circle cx="8" cy="8" r="4.3" fill="none" stroke="currentColor" stroke-width="3" />
    </svg>
  );
}
