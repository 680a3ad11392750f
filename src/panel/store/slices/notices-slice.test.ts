import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupStore as setup } from '../store-harness';

describe('notices slice', () => {
  afterEach(() => vi.useRealTimers());

  it('a toast goes away after its time; a newer toast is not cut short by the older one', () => {
    vi.useFakeTimers();
    const { s } = setup({ toastMs: 1000 });
    s().showToast('Copied URL');
    expect(s().toast?.text).toBe('Copied URL');
    vi.advanceTimersByTime(600);
    s().showToast('Copied ID 42');
    vi.advanceTimersByTime(500); // the first toast's timer fires
    expect(s().toast?.text).toBe('Copied ID 42');
    vi.advanceTimersByTime(500);
    expect(s().toast).toBeNull();
  });

  it('a banner stays until replaced or cleared', () => {
    const { s } = setup();
    s().showBanner({ kind: 'error', text: 'boom' });
    expect(s().banner).toEqual({ kind: 'error', text: 'boom' });
    s().showBanner(null);
    expect(s().banner).toBeNull();
  });
});
