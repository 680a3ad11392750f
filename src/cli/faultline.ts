// The `faultline` bin: wires `run` to the process. All behaviour lives in main.ts.
// No hashbang here: vite.config.ts adds `#!/usr/bin/env node` as the bundle's banner (two would not parse).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { run, type EntryTriageConfig } from './main';
import { ENTRY_WORKER, nodeIo, runEntryWorker } from './node-io';

const entryConfig = isMainThread ? undefined : (workerData as Record<string, EntryTriageConfig> | null)?.[ENTRY_WORKER];
if (entryConfig && parentPort) runEntryWorker(parentPort, entryConfig);
else main();

function main(): void {
  function fatal(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`faultline: internal error: ${message.replace(/\s+/g, ' ').slice(0, 300)}\n`);
    process.exit(2);
  }

  // `faultline triage x.har | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else fatal(err);
  });
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);

  run(process.argv.slice(2), nodeIo(process, new URL(import.meta.url))).then((code) => {
    process.exitCode = code;
  }, fatal);
}
