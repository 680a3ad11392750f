// Settings, persisted in storage.local, and "Rules…", which opens the per-host rules editor.
import { useEffect, useRef } from 'preact/hooks';
import { usePanel, usePanelStore, usePlatform } from '../context';
import type { Order, ThemeChoice } from '../settings';

export function SettingsMenu({ onClose }: { onClose(): void }) {
  const store = usePanelStore();
  const platform = usePlatform();
  const settings = usePanel((s) => s.settings);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('input, select')?.focus();
    const onDown = (e: MouseEvent): void => {
      if (
        root.current &&
        !root.current.contains(e.target as Node) &&
        !(e.target as HTMLElement).closest?.('[data-testid="settings"]')
      )
        onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  return (
    <div
      ref={root}
      class="popover"
      role="dialog"
      aria-label="Settings"
      data-testid="settings-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <fieldset>
        <legend>Order</legend>
        {(
          [
            ['newest-last', 'Newest at the bottom (sticks to the bottom)'],
            ['newest-first', 'Newest first'],
          ] as Array<[Order, string]>
        ).map(([value, label]) => (
          <label key={value} class="check">
            <input
              type="radio"
              name="fl-order"
              data-testid={`order-${value}`}
              checked={settings.order === value}
              onChange={() => store.getState().setOrder(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <label class="select-label">
        Theme
        <select
          data-testid="theme"
          value={settings.theme}
          onChange={(e) => store.getState().setTheme((e.target as HTMLSelectElement).value as ThemeChoice)}
        >
          <option value="auto">Follow DevTools</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.redactCopies}
          onChange={(e) => store.getState().setRedactCopies((e.target as HTMLInputElement).checked)}
        />
        Redact secrets in Copy as cURL / fetch
      </label>
      <p class="muted small">Support tickets and exports are always redacted.</p>
      {platform?.openOptionsPage ? (
        <button
          type="button"
          class="tool menu-item"
          data-testid="open-rules"
          onClick={() => {
            void platform.openOptionsPage!().catch(() => store.getState().showToast('Could not open the rules page'));
            onClose();
          }}
        >
          Rules…
        </button>
      ) : null}
    </div>
  );
}
