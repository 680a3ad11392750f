import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseHar } from '../../core/har';
import type { RequestRecord } from '../../protocol/messages';
import { createPanelStore } from '../store/panel-store';
import { createImportController } from './import-controller';
import { importHarStream, type ImportProgress, type ImportSource } from './stream-import';
import { encode, entry } from './test-har-entries';

const REAL_HARS = fileURLToPath(new URL('../../../../shared/fixtures/real-hars/', import.meta.url));

/** A file whose stream hands out `chunk`-byte pieces, like File.stream(). */
function source(name: string, bytes: Uint8Array, chunk = 65_536): ImportSource & { reads: number } {
  const file = {
    name,
    size: bytes.length,
    reads: 0,
    stream(): ReadableStream<Uint8Array> {
      let at = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          file.reads++;
          controller.enqueue(bytes.slice(at, at + chunk));
          at += chunk;
        },
      });
    },
  };
  return file;
}

/** A clock that moves 1 ms each time it is read: every slice ends after about `sliceMs` reads. */
function tickingClock(): { now: () => number; yields: number; yieldToEventLoop: () => Promise<void> } {
  let t = 0;
  const clock = {
    now: () => ++t,
    yields: 0,
    yieldToEventLoop: async () => {
      clock.yields++;
      await new Promise((r) => setTimeout(r, 0));
    },
  };
  return clock;
}

describe('importHarStream', () => {
  it('reads the file in slices, gives every record in file order in batches, and reports progress to the last byte', async () => {
    const entries = Array.from({ length: 400 }, (_, i) =>
      i === 7 ? { request: {} } : entry(i, [422, 200, 503][i % 3]),
    );
    const bytes = encode(JSON.stringify({ log: { version: '1.2', entries } }));
    const clock = tickingClock();
    const batches: RequestRecord[][] = [];
    const progress: ImportProgress[] = [];
    const outcome = await importHarStream(source('big.har', bytes, 8_192), {
      ...clock,
      sliceMs: 8,
      batchMs: 30,
      onRecords: (records) => batches.push(records),
      onProgress: (p) => progress.push(p),
    });
    expect(outcome).toMatchObject({ status: 'done', fileName: 'big.har', entries: 400, skipped: 1 });
    expect(outcome.problems.filter((p) => p.skipped).map((p) => p.index)).toEqual([7]);
    const records = batches.flat();
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1).filter((s) => s !== 8));
    expect(records[0]).toMatchObject({ id: 'har:0', tabId: -1, sources: ['har'], bodyState: 'captured' });
    expect(records[0].classification.errorCode).toBe('e0');
    expect(batches.length).toBeGreaterThan(2);
    expect(clock.yields).toBeGreaterThan(5);
    // Progress grows and ends at the file's size.
    const read = progress.map((p) => p.bytesRead);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({
      fileName: 'big.har',
      bytesRead: bytes.length,
      totalBytes: bytes.length,
      entries: 400,
      skipped: 1,
    });
    expect(progress.some((p) => p.bytesRead > 0 && p.bytesRead < bytes.length)).toBe(true);
  });

  it('gives the same records as the whole-file reader for a real HAR', async () => {
    const bytes = readFileSync(REAL_HARS + 'pagexray-www.nytimes.com.har');
    const records: RequestRecord[] = [];
    const outcome = await importHarStream(source('ny.har', bytes), {
      onRecords: (r) => records.push(...r),
      onProgress: () => undefined,
    });
    const whole = parseHar(bytes.toString('utf8'));
    expect(outcome.status).toBe('done');
    expect(records.map((r) => r.exchange)).toEqual(whole.exchanges.filter((x) => x !== null));
  });

  it.each(['harviewer-not-json.har', 'harviewer-not-valid.har', 'mitmproxy-corrupted_har-brokenfile.har'])(
    'stops on invalid/%s with one clear message',
    async (file) => {
      const bytes = readFileSync(`${REAL_HARS}invalid/${file}`);
      const outcome = await importHarStream(source(file, bytes), {
        onRecords: () => undefined,
        onProgress: () => undefined,
      });
      expect(outcome.status).toBe('failed');
      if (outcome.status !== 'failed') return;
      expect(outcome.message).toMatch(/^(not JSON|no log|log must|not a HAR)/);
      expect(outcome.message).not.toContain('\n');
    },
  );

  it('stops reading when canceled', async () => {
    const bytes = encode(JSON.stringify({ log: { entries: Array.from({ length: 2000 }, (_, i) => entry(i, 500)) } }));
    const file = source('c.har', bytes, 4_096);
    const abort = new AbortController();
    const clock = tickingClock();
    let read = 0;
    const outcome = await importHarStream(file, {
      ...clock,
      signal: abort.signal,
      onRecords: () => undefined,
      onProgress: (p) => {
        read = p.bytesRead;
        if (p.bytesRead > 20_000) abort.abort();
      },
    });
    expect(outcome.status).toBe('canceled');
    expect(read).toBeLessThan(bytes.length / 2);
    expect(file.reads).toBeLessThan(Math.ceil(bytes.length / 4_096) / 2);
  });
});

describe('createImportController', () => {
  const store = () => createPanelStore({ tabId: 1, schedule: (t) => t(), scheduleAudit: (t) => t() });

  it('fills the imported view, counts skipped entries in a banner, and clears its progress', async () => {
    const panel = store();
    const importer = createImportController(panel, tickingClock());
    const ok = { request: { method: 'GET', url: 'https://api.test/ok' }, response: { status: 204 } };
    const entries = [entry(0, 429), ok, { request: { method: 'GET', url: 'https://api.test/x' } }];
    const done = importer.start(source('x.har', encode(JSON.stringify({ log: { entries } }))));
    expect(panel.getState().view).toBe('imported');
    await done;
    panel.getState().flush();
    const s = panel.getState();
    expect(s.imported).toMatchObject({ fileName: 'x.har', entries: 3, skipped: 1 });
    expect(s.total).toBe(2);
    expect(s.failures).toBe(1);
    expect(s.banner).toEqual({ kind: 'info', text: 'x.har: 1 of 3 entries could not be read and are left out.' });
    expect(importer.state.getState().progress).toBeNull();
  });

  it('keeps the live view and says why when the file is not a HAR', async () => {
    const panel = store();
    const importer = createImportController(panel);
    await importer.start(source('notes.txt', encode('hello there')));
    expect(panel.getState().view).toBe('live');
    expect(panel.getState().imported).toBeNull();
    expect(panel.getState().banner?.kind).toBe('error');
    expect(panel.getState().banner?.text).toMatch(/^notes\.txt is not a HAR file Faultline can read: not JSON/);
  });

  it('keeps the entries read before a file breaks off, and says where it broke', async () => {
    const panel = store();
    const importer = createImportController(panel);
    const text = JSON.stringify({ log: { entries: [entry(0, 500), entry(1, 404)] } });
    await importer.start(source('cut.har', encode(text.slice(0, text.length - 40))));
    panel.getState().flush();
    const s = panel.getState();
    expect(s.view).toBe('imported');
    expect(s.total).toBe(1);
    expect(s.banner?.kind).toBe('error');
    expect(s.banner?.text).toMatch(/^cut\.har: not JSON: the file ends inside .*The 1 entries before it are shown\./);
  });

  it('cancel drops the partial import and says so', async () => {
    const panel = store();
    const clock = tickingClock();
    const importer = createImportController(panel, clock);
    const bytes = encode(JSON.stringify({ log: { entries: Array.from({ length: 3000 }, (_, i) => entry(i, 500)) } }));
    const done = importer.start(source('big.har', bytes, 4_096));
    const unsubscribe = importer.state.subscribe((st) => {
      if ((st.progress?.bytesRead ?? 0) > 30_000) importer.cancel();
    });
    await done;
    unsubscribe();
    expect(panel.getState().view).toBe('live');
    expect(panel.getState().imported).toBeNull();
    expect(panel.getState().banner).toEqual({
      kind: 'info',
      text: 'Import of big.har canceled; nothing was imported.',
    });
    expect(importer.state.getState().progress).toBeNull();
  });
});
