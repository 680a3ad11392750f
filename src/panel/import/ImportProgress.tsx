// The running import's progress, like a download's: bytes read of the file, entries so far,
// entries skipped, and Cancel (a button; Esc also cancels while focus is in this bar).
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { formatBytes, formatCount } from '../format';
import type { ImportController, ImportState } from './import-controller';

/** A value of the import's state, re-rendering when it changes. */
export function useImportState<T>(controller: ImportController, selector: (s: ImportState) => T): T {
  const value = selector(controller.state.getState());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  useLayoutEffect(() => {
    const check = (): void => {
      if (!Object.is(latest.current.selector(controller.state.getState()), latest.current.value)) rerender(0);
    };
    check();
    return controller.state.subscribe(check);
  }, [controller]);
  return value;
}

export function ImportProgressBar({ controller }: { controller: ImportController }) {
  const progress = useImportState(controller, (s) => s.progress);
  if (!progress) return null;
  const { fileName, bytesRead, totalBytes, entries, skipped } = progress;
  const percent = totalBytes > 0 ? Math.min(100, Math.floor((100 * bytesRead) / totalBytes)) : 0;
  const read = `${formatBytes(bytesRead)} of ${formatBytes(totalBytes)}`;
  const counted = `${formatCount(entries)} entries${skipped > 0 ? `, ${formatCount(skipped)} skipped` : ''}`;
  return (
    <div
      class="banner info import-progress"
      data-testid="import-progress"
      data-runner={progress.runner ?? 'main-thread'}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        controller.cancel();
      }}
    >
      <span class="banner-text">
        Importing {fileName}: <span data-testid="import-read">{read}</span>,{' '}
        <span data-testid="import-entries">{counted}</span>
      </span>
      <div
        class="import-bar"
        role="progressbar"
        aria-label={`Importing ${fileName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%: ${read}, ${counted}`}
        data-testid="import-bar"
      >
        <div class="import-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <button type="button" data-testid="import-cancel" onClick={() => controller.cancel()}>
        Cancel
      </button>
    </div>
  );
}
