// The full record behind a list row, fetched from the background on first use (issue 18); a full
// record (an imported file) is returned as it is.
import { useEffect } from 'preact/hooks';
import type { RequestRecord } from '../../protocol/messages';
import { usePanel, usePanelStore } from '../context';

/** Undefined while the record is on its way; re-renders when it arrives. */
export function useFullRecord(row: RequestRecord | undefined): RequestRecord | undefined {
  const store = usePanelStore();
  const full = usePanel((s) => (row ? s.fullRecord(row) : undefined));
  useEffect(() => {
    if (row && !full) void store.getState().fullRecords([row]);
  }, [row, full]);
  return full;
}
