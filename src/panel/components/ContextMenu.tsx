// A context menu like DevTools': opened by right click, Shift+F10 or the Menu key; arrows move,
// Enter runs, Esc closes and gives focus back. Items are data, so menus are one list each.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

export type MenuItem =
  | { kind: 'action'; id: string; label: string; disabled?: boolean; run(): void }
  | { kind: 'check'; id: string; label: string; checked: boolean; disabled?: boolean; run(): void }
  | { kind: 'separator' };

export interface ContextMenuProps {
  label: string;
  x: number;
  y: number;
  items: readonly MenuItem[];
  onClose(): void;
}

export function ContextMenu({ label, x, y, items, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const returnTo = useRef<Element | null>(typeof document !== 'undefined' ? document.activeElement : null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Keep the menu inside the panel.
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const vw = window.innerWidth || 0;
    const vh = window.innerHeight || 0;
    if (vw && x + w > vw) el.style.left = `${Math.max(0, vw - w - 2)}px`;
    if (vh && y + h > vh) el.style.top = `${Math.max(0, vh - h - 2)}px`;
    el.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [x, y]);

  useEffect(() => {
    const away = (e: Event): void => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const close = (): void => {
    onClose();
    (returnTo.current as HTMLElement | null)?.focus?.();
  };

  const onKeyDown = (e: KeyboardEvent): void => {
    const entries = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []),
    ];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = entries[(at + (e.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length];
      next?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <div
      ref={ref}
      class="context-menu"
      role="menu"
      aria-label={label}
      data-testid="context-menu"
      style={{ left: `${x}px`, top: `${y}px` }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item, i) =>
        item.kind === 'separator' ? (
          <div key={`s${i}`} role="separator" class="menu-separator" />
        ) : (
          <div
            key={item.id}
            role={item.kind === 'check' ? 'menuitemcheckbox' : 'menuitem'}
            aria-checked={item.kind === 'check' ? item.checked : undefined}
            aria-disabled={item.disabled ? 'true' : undefined}
            tabIndex={-1}
            class="menu-item"
            data-testid={`menu-${item.id}`}
            onClick={() => {
              if (item.disabled) return;
              item.run();
              close();
            }}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && !item.disabled) {
                e.preventDefault();
                e.stopPropagation();
                item.run();
                close();
              }
            }}
          >
            {item.kind === 'check' ? (
              <span class="menu-check" aria-hidden="true">
                {item.checked ? '✓' : ''}
              </span>
            ) : null}
            {item.label}
          </div>
        ),
      )}
    </div>
  );
}
