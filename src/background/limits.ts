// Capture bounds. Sizes of text are measured in UTF-16 code units (string length), which is the
// byte count for the ASCII/JSON bodies APIs return and what structured clone pays for.

export interface CaptureLimits {
  /** N: records (requests and navigation markers) kept per tab; the oldest are evicted and counted. */
  maxRecords: number;
  /** M: body text (response + request bodies) kept in memory per tab; the oldest bodies are dropped and counted. */
  maxBodyBytesPerTab: number;
  /** Each response body is cut to this and marked truncated (the classifier reads the head). */
  maxBodyChars: number;
  /** Request bodies (from DevTools' postData) are cut to this. */
  maxRequestBodyChars: number;
  /** How far apart webRequest's and DevTools' start times may be for the same request. */
  matchWindowMs: number;
}

/**
 * Why these numbers:
 * - N = 10,000: five 2,000-request bursts; a long SPA session stays whole, and a snapshot of N records
 *   (~2.3 KB each without bodies, measured) stays far below the 64 MiB message limit of a port.
 * - M = 20 MiB in memory: a worker holds a few tabs' worth comfortably; bodies are for the detail
 *   view and re-classification, and only failures and API-like responses are fetched at all.
 * - 256 KiB per body: the classifier only needs the head of an error body; larger is usually a
 *   download or a bundle.
 * Everything held in memory is also in IndexedDB (see persist.ts), so a worker restart keeps it all;
 * IndexedDB's quota is a share of the disk, far above N records and M body bytes per tab.
 */
export const DEFAULT_LIMITS: CaptureLimits = {
  maxRecords: 10_000,
  maxBodyBytesPerTab: 20 * 1024 * 1024,
  maxBodyChars: 256 * 1024,
  maxRequestBodyChars: 64 * 1024,
  matchWindowMs: 10_000,
};
