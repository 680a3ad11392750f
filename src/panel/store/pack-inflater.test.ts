import { inflateSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { inflateAhead, inflateBody, packRecords, unpackRecords } from '../../protocol/packed-records';
import { manyFailures } from '../testing';
import { workerInflater, type PackWorker, type PackWorkerAnswer, type PackWorkerRequest } from './pack-inflater';

// fflate's inflate as it is, counted: a body read ahead must spare it.
vi.mock('fflate', async (original) => {
  const fflate = await original<typeof import('fflate')>();
  return { ...fflate, inflateSync: vi.fn(fflate.inflateSync) };
});

/** A worker that runs pack-worker.ts's work in this thread, one task later; it records what it was sent. */
function fakeWorker(answer: (request: PackWorkerRequest) => Promise<PackWorkerAnswer> = defaultAnswer) {
  const sent: PackWorkerRequest[] = [];
  const worker: PackWorker & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(request) {
      sent.push(request);
      void answer(request).then((data) => setTimeout(() => worker.onmessage?.({ data }), 0));
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return { worker, sent };
}

async function defaultAnswer(request: PackWorkerRequest): Promise<PackWorkerAnswer> {
  try {
    return { id: request.id, parts: await inflateBody(request.body) };
  } catch {
    return { id: request.id, failed: true };
  }
}

describe('workerInflater', () => {
  it("reads packs in the worker: the panel unpacks the worker's parts, to the same records, without inflating", async () => {
    const { worker, sent } = fakeWorker();
    const inflate = workerInflater(() => worker);
    const records = [manyFailures(30), manyFailures(20, 31)];
    const packs = records.map((r) => packRecords(r));
    vi.mocked(inflateSync).mockClear();
    await Promise.all(packs.map((p) => inflateAhead(p, inflate)));
    expect(sent.map((r) => r.body)).toEqual(packs.map((p) => p.body));
    expect(packs.map((p) => unpackRecords(p))).toEqual(JSON.parse(JSON.stringify(records)));
    expect(inflateSync).not.toHaveBeenCalled();
  });

  it('makes one worker, on first use', async () => {
    let made = 0;
    const { worker } = fakeWorker();
    const inflate = workerInflater(() => {
      made++;
      return worker;
    });
    expect(made).toBe(0);
    for (const n of [3, 4, 5]) await inflateAhead(packRecords(manyFailures(n)), inflate);
    expect(made).toBe(1);
  });

  it('reads on this thread what a failed worker held, and all later bodies', async () => {
    // A worker that never answers, then fails.
    const { worker, sent } = fakeWorker(() => new Promise<never>(() => undefined));
    const fallback = vi.fn(inflateBody);
    const inflate = workerInflater(() => worker, fallback);
    const held = packRecords(manyFailures(8));
    const pending = inflateAhead(held, inflate);
    expect(sent).toHaveLength(1);
    worker.onerror?.(new Event('error'));
    await pending;
    expect(worker.terminated).toBe(true);
    const later = packRecords(manyFailures(6, 9));
    await inflateAhead(later, inflate);
    expect(sent).toHaveLength(1);
    expect(fallback).toHaveBeenCalledTimes(2);
    vi.mocked(inflateSync).mockClear();
    expect(unpackRecords(held)).toHaveLength(8);
    expect(unpackRecords(later)).toHaveLength(6);
    expect(inflateSync).not.toHaveBeenCalled();
  });

  it('reads on this thread where no worker can be made', async () => {
    const fallback = vi.fn(inflateBody);
    const inflate = workerInflater(() => {
      throw new Error('no workers here');
    }, fallback);
    const packed = packRecords(manyFailures(5));
    await inflateAhead(packed, inflate);
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(unpackRecords(packed)).toHaveLength(5);
  });

  it('leaves a body the worker cannot read to unpackRecords, which says it is damaged', async () => {
    const { worker } = fakeWorker();
    const packed = packRecords(manyFailures(5));
    const damaged = { ...packed, body: packed.body.slice(0, -8) };
    await inflateAhead(
      damaged,
      workerInflater(() => worker),
    );
    expect(() => unpackRecords(damaged)).toThrow(/damaged record pack/);
  });
});
