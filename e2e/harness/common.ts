// Helpers shared by the Chromium and Firefox harnesses. Keep this small and stable: both import it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserName, RemoteFn } from './types';

/** The project root (the directory holding package.json). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Shared fixtures and research, checked out beside the project as ../shared. */
export const SHARED_ROOT = path.resolve(REPO_ROOT, '../shared');

/** The built extension package for a browser. */
export function distPath(browser: BrowserName): string {
  return path.join(REPO_ROOT, 'dist', browser === 'chromium' ? 'chrome' : 'firefox');
}

/** Headless unless FAULTLINE_HEADED=1. */
export function defaultHeadless(): boolean {
  return process.env.FAULTLINE_HEADED !== '1';
}

/** A fresh private directory under the OS temp dir. */
export function makeTempDir(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `faultline-${label}-`));
}

/** Removes a directory tree; retries because a browser may still be flushing files into it. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Names what was awaited, for the timeout error. */
  what?: string;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value. A probe that throws counts
 * as "not yet" (pages reload, frames detach). On timeout the error carries the last value or error.
 */
export async function waitFor<T>(probe: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await sleep(intervalMs);
  }
  const detail =
    lastError !== undefined
      ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`
      : `last value: ${describe(last)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return String(value);
  }
}

/**
 * The source of a function declaration `function (arg) { … }` that calls `fn` with one argument,
 * for evaluation in another realm (CDP, WebDriver BiDi `script.callFunction`).
 * Transpilers that keep function names (esbuild/tsx) insert calls to a `__name` helper that
 * does not exist remotely, so the wrapper defines a no-op one.
 */
export function fnSource(fn: RemoteFn<any, any>): string {
  let source = fn.toString();
  // Method shorthand (`name(arg) {…}`, `async name(arg) {…}`) is not an expression on its own.
  if (!/^(async\s*)?(function\b|\(|[\w$]+\s*=>)/.test(source)) {
    source = /^async\s/.test(source) ? `async function ${source.slice(5).trimStart()}` : `function ${source}`;
  }
  return `function (arg) {\n  const __name = (target) => target;\n  return (${source})(arg);\n}`;
}

/** `fnSource(fn)` turned back into a function, for drivers (Playwright) that take a function and call toString() on it. */
export function portableFunction<A, R>(fn: RemoteFn<A, R>): RemoteFn<A, R> {
  return new Function(`return (${fnSource(fn)});`)() as RemoteFn<A, R>;
}
