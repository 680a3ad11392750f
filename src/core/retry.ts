// The wait the server asked for, from every place servers put it, in this order:
//   Retry-After > retry-after-ms > body field > RateLimit `t` > legacy reset headers > message text.
// Legacy reset headers only count on rate-limit failures (they are sent on every response).
// Garbage is handled: negative or non-finite values are ignored, waits above MAX_WAIT_SECONDS
// are capped, and every such decision leaves a note.
import { parseDictionary, parseList } from 'structured-headers';
import type { HeaderIndex } from './headers';
import type { BackoffPlan } from './types';

/**
 * Longest wait reported: 366 days. A server's figure is reported as given, even a multi-day one (the
 * advice says that it is long); only absurd figures are capped, with a note.
 */
export const MAX_WAIT_SECONDS = 366 * 86_400;

/** The proposed schedule when the server gave no figure: 1 s, ×2, capped at 60 s, 5 attempts, full jitter. */
export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { baseSeconds: 1, factor: 2, capSeconds: 60, maxAttempts: 5 };

export interface BackoffOptions {
  baseSeconds: number;
  factor: number;
  capSeconds: number;
  maxAttempts: number;
}

export interface ServerWait {
  seconds: number;
  /** e.g. 'Retry-After header', 'body.retry_after', 'message text'. */
  source: string;
}

export interface ServerWaitInput {
  status: number;
  headers: HeaderIndex;
  /** From the recognizer: Extracted.retryAfterSeconds and its field. */
  bodySeconds?: number | null;
  /** A body wait given as a date (epoch ms), used when the body gave no seconds. */
  bodyAt?: number;
  bodyField?: string;
  message?: string | null;
  /** Whether the failure is a rate limit (legacy reset headers only count then). */
  rateLimited: boolean;
  /** Clock of the response: the Date header, else the exchange's end, else now (epoch ms). A function when computing it should wait until a date needs it. */
  referenceMs: number | (() => number);
}

export interface ServerWaitResult {
  wait: ServerWait | null;
  notes: string[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/**
 * `2026-Sep-09 00:00:00+0000 UTC`: WSO2 API Manager's throttle `nextAccessTime` (and "You can access API after …"),
 * as gateways built on it send it. Groups: year, month name, day, hour, minute, offset, second.
 */
const NAMED_MONTH_DATE =
  /^(\d{4})-([A-Za-z]{3})-(\d{1,2})[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?(?:\s*(?:UTC|GMT))?$/;
const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ms|us|µs|ns|h|m|s))+$/i;

/** A date written as an HTTP-date (IMF-fixdate, RFC 850, asctime) or ISO 8601; epoch ms or NaN. */
export function parseHttpOrIsoDate(value: string): number {
  const v = value.trim();
  if (ISO_DATE.test(v)) return Date.parse(v);
  const named = NAMED_MONTH_DATE.exec(v);
  if (named) {
    const month = MONTHS.indexOf(named[2].toLowerCase());
    if (month < 0) return NaN;
    const zone = named[7] && named[7] !== 'Z' ? named[7].replace(':', '') : '+0000';
    const offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    const utc = Date.UTC(
      Number(named[1]),
      month,
      Number(named[3]),
      Number(named[4]),
      Number(named[5]),
      Number(named[6] ?? 0),
    );
    return utc - offsetMinutes * 60_000;
  }
  if (MONTH.test(v) && /\d{1,2}:\d{2}/.test(v) && /\d{2,4}/.test(v)) return Date.parse(v);
  return NaN;
}

/** Go/OpenAI/protobuf durations: `12ms`, `7.315s`, `1m30s`, `6m0s`, `2h`; seconds or undefined. */
export function parseDuration(value: string): number | undefined {
  const v = value.trim();
  if (!GO_DURATION.test(v)) return undefined;
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(v))) {
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    total +=
      unit === 'h'
        ? n * 3600
        : unit === 'm'
          ? n * 60
          : unit === 's'
            ? n
            : unit === 'ms'
              ? n / 1000
              : unit === 'ns'
                ? n / 1e9
                : n / 1e6;
  }
  return total;
}

/** Keeps a figure sane: ignores non-finite and negative values, caps absurd ones. */
function sane(seconds: number, what: string, raw: string, notes: string[]): number | undefined {
  if (!Number.isFinite(seconds)) {
    notes.push(`${what} ${quote(raw)} ignored: not a finite number`);
    return undefined;
  }
  if (seconds < 0) {
    notes.push(`${what} ${quote(raw)} ignored: negative`);
    return undefined;
  }
  if (seconds > MAX_WAIT_SECONDS) {
    notes.push(`${what} ${quote(raw)} capped at ${MAX_WAIT_SECONDS} s (366 days)`);
    return MAX_WAIT_SECONDS;
  }
  return Math.round(seconds * 1000) / 1000;
}

function quote(raw: string): string {
  const s = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
  return `'${s}'`;
}

/** A date's distance from the response clock; past dates count as 0 unless absurdly old. */
function untilDate(
  dateMs: number,
  referenceMs: number,
  what: string,
  raw: string,
  notes: string[],
): number | undefined {
  const delta = (dateMs - referenceMs) / 1000;
  if (delta < 0) {
    if (delta < -MAX_WAIT_SECONDS) {
      notes.push(`${what} ${quote(raw)} ignored: a date long in the past`);
      return undefined;
    }
    return 0;
  }
  return sane(delta, what, raw, notes);
}

/** A Retry-After number this large is no delay but an epoch time (Apple's App Store Server API sends milliseconds). */
const EPOCH_SECONDS_FROM = 1e9;

/** Whether a Retry-After value needs the response's clock: an HTTP-date or an epoch number. */
export function retryAfterNeedsClock(raw: string): boolean {
  const v = raw.trim();
  return !NUMBER.test(v) || Number(v) >= EPOCH_SECONDS_FROM;
}

/**
 * Retry-After: delay-seconds (fractions tolerated) or an HTTP-date measured from the response's clock.
 * A number of 1e9 or more would be a wait of decades: it is read as an epoch time (ms from 1e12).
 */
export function parseRetryAfter(raw: string, referenceMs: number, notes: string[]): number | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (NUMBER.test(v)) {
    const n = Number(v);
    if (n < EPOCH_SECONDS_FROM) return sane(n, 'Retry-After', raw, notes);
    notes.push(`Retry-After ${quote(raw)} read as an epoch time (${n >= 1e12 ? 'milliseconds' : 'seconds'})`);
    return untilDate(n >= 1e12 ? n : n * 1000, referenceMs, 'Retry-After', raw, notes);
  }
  // The header repeated: "30, 30".
  if (/^[\d.\s,]+$/.test(v)) {
    const parts = v
      .split(',')
      .map((p) => p.trim())
      .filter((p) => NUMBER.test(p));
    if (parts.length) {
      notes.push(`Retry-After repeated (${quote(raw)}); the largest value is used`);
      return sane(Math.max(...parts.map(Number)), 'Retry-After', raw, notes);
    }
  }
  const date = parseHttpOrIsoDate(v);
  if (Number.isNaN(date)) {
    notes.push(`Retry-After ${quote(raw)} ignored: neither seconds nor an HTTP-date`);
    return undefined;
  }
  return untilDate(date, referenceMs, 'Retry-After', raw, notes);
}

/**
 * A legacy reset value: a duration with units, a date, or a number that is epoch milliseconds
 * (≥ 1e12), epoch seconds (≥ 1e9) or a delta in seconds.
 */
export function parseResetValue(raw: string, referenceMs: number, what: string, notes: string[]): number | undefined {
  let v = raw.trim();
  if (v === '') return undefined;
  // Repeated headers arrive joined: use the first (Okta's SDK refuses such responses outright).
  if (/^[\d.\s]+,[\d.\s,]+$/.test(v)) v = v.split(',')[0].trim();
  const duration = parseDuration(v);
  if (duration !== undefined) return sane(duration, what, raw, notes);
  if (NUMBER.test(v)) {
    const n = Number(v);
    if (n >= 1e12) return untilDate(n, referenceMs, what, raw, notes);
    if (n >= 1e9) return untilDate(n * 1000, referenceMs, what, raw, notes);
    return sane(n, what, raw, notes);
  }
  const date = parseHttpOrIsoDate(v);
  if (Number.isNaN(date)) {
    notes.push(`${what} ${quote(raw)} ignored: not a duration, number or date`);
    return undefined;
  }
  return untilDate(date, referenceMs, what, raw, notes);
}

const UNIT_SECONDS: Record<string, number> = {
  ms: 0.001,
  msec: 0.001,
  msecs: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  day: 86_400,
  days: 86_400,
};

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const UNIT = String.raw`(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?)\b`;
/** Waits written in prose. Group 1 is the number, group 2 the unit (seconds when absent). */
const MESSAGE_WAITS: readonly RegExp[] = [
  // OpenAI "Please try again in 7.315s" / "in 844ms" / "in 1m30s"; Gemini "Please retry in 58.9s"
  // "Resets in 13h 59m" (a quota's reset, in parts)
  new RegExp(
    String.raw`\b(?:try(?:ing)? again|retry(?:ing)?|resets?)\s+in\s+((?:\d+(?:\.\d+)?(?:ms|h|m|s) ?)+)\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:try(?:ing)? again|retry(?:ing)?)\s+in\s+(?:about\s+)?${NUM}\s*${UNIT}`, 'i'),
  // Azure "try again after '372' seconds"; Telegram "retry after 34"; Akamai "Retry after: 21 seconds."
  new RegExp(String.raw`\b(?:try again|retry)\s+after:?\s+'?${NUM}'?(?:\s*${UNIT})?`, 'i'),
  // DRF "Expected available in 57 seconds."; "available again in 5 minutes"
  new RegExp(String.raw`\bavailable\s+(?:again\s+)?in\s+(?:~\s*)?${NUM}\s*${UNIT}`, 'i'),
  // "Please try back in 60 minutes", "check back in 30 minutes"; express limiters "You can make another request in 12
  // minutes" (reach-v)
  new RegExp(
    String.raw`\b(?:(?:try|check|come) back|(?:make|send) another request)\s+in\s+(?:about\s+|~\s*)?${NUM}\s*${UNIT}`,
    'i',
  ),
  // "Please wait 30 seconds", "retry-after: 20"
  new RegExp(String.raw`\b(?:wait|retry-after:?)\s+(?:for\s+)?(?:another\s+)?${NUM}\s*${UNIT}`, 'i'),
  // "you can only request this after 45 seconds", "you may retry after 20s"
  new RegExp(
    String.raw`\b(?:request|call|send|retry|try|access|use|resend|attempt)\b[^.;]{0,40}?\bafter\s+${NUM}\s*${UNIT}`,
    'i',
  ),
  // "resets in 30 seconds", "rate limit reset in 12s", "try again in about 2 minutes"; Replicate "resets in ~30s"
  new RegExp(String.raw`\breset(?:s)?\s+in\s+(?:~\s*|about\s+|approximately\s+)?${NUM}\s*${UNIT}`, 'i'),
  // "Next request allowed in 120 seconds", "back off for 30 seconds" (reach-z)
  new RegExp(
    String.raw`\b(?:(?:allowed|permitted|possible|accepted)\s+(?:again\s+)?in|back(?:-| )?off\s+for)\s+(?:about\s+|~\s*)?${NUM}\s*${UNIT}`,
    'i',
  ),
  // "blocked for 15 minutes", "rate limited for 60 seconds", "locked out for 30 minutes"
  new RegExp(
    String.raw`\b(?:blocked|banned|locked(?: out)?|suspended|throttled|rate[- ]?limited)\s+for\s+(?:the next\s+)?${NUM}\s*${UNIT}`,
    'i',
  ),
  // "30 seconds before retrying", "5 minutes until you can try again"
  new RegExp(
    String.raw`\b${NUM}\s*${UNIT}\s+(?:before|until)\s+(?:retrying|trying again|you (?:can|may) (?:retry|try again|make))`,
    'i',
  ),
  // A wait as a key=value pair inside the message ("limit=1000;type=DAILY;reset_in=3600", "retry_after=20",
  // "Too Many Requests. Retry-After: 20")
  new RegExp(
    String.raw`\b(?:retry[_-]?after|reset[_-]?in|retry[_-]?in|wait[_-]?seconds)\s*[=:]\s*${NUM}(?:\s*${UNIT})?`,
    'i',
  ),
];

/** Units of the localized waits below, by their first letters (lower case). */
const LOCAL_UNIT_SECONDS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:秒|sec|sek|seg|сек)/, 1],
  [/^(?:分|min|мин)/, 60],
  [/^(?:小时|時間|h|stu|hor|час)/, 3600],
];

/**
 * Waits written in other languages, in the words APIs use for "retry in N seconds": Chinese
 * "请60秒后重试", Japanese "30秒後に再試行", French "réessayer dans 15 minutes", German "in 30 Sekunden
 * erneut", Spanish "de nuevo en 30 segundos", Portuguese "novamente em 30 segundos", Russian
 * "повторите попытку через 30 секунд". Group 1 is the number, group 2 the unit.
 */
const LOCAL_WAITS: readonly RegExp[] = [
  /(\d+(?:\.\d+)?)\s*(秒|分钟|分|小时)(?:钟)?(?:之)?后(?:再)?(?:重试|再试|尝试|请求|访问)/,
  /(\d+(?:\.\d+)?)\s*(秒|分|時間)後に(?:再試行|再度|もう一度|お試し)/,
  /\br[ée]essay(?:er|ez)\s+dans\s+(\d+(?:\.\d+)?)\s*(secondes?|minutes?|min|heures?|h)\b/i,
  /\bin\s+(\d+(?:\.\d+)?)\s+(Sekunden?|Minuten?|Stunden?)\s+(?:erneut|nochmal|noch einmal|wieder)\b/i,
  /\b(?:de nuevo|nuevamente|otra vez)\s+en\s+(\d+(?:\.\d+)?)\s+(segundos?|minutos?|horas?)\b/i,
  /\b(?:novamente|de novo)\s+em\s+(\d+(?:\.\d+)?)\s+(segundos?|minutos?|horas?)\b/i,
  /(?:повтор|попробу)[а-яё]*[^.]{0,30}?через\s+(\d+(?:\.\d+)?)\s+(секунд[а-яё]*|минут[а-яё]*|час[а-яё]*)/i,
];

/** A wait written in one of the languages of LOCAL_WAITS, in seconds; undefined when none. */
function localizedWait(text: string): number | undefined {
  // Every pattern but the Latin-script ones needs a non-ASCII letter: most messages skip the table.
  for (const re of LOCAL_WAITS) {
    const m = re.exec(text);
    if (!m) continue;
    const unit = m[2].toLowerCase();
    for (const [prefix, seconds] of LOCAL_UNIT_SECONDS) if (prefix.test(unit)) return Number(m[1]) * seconds;
  }
  return undefined;
}

/** A further part of a wait ("1 minute and 30 seconds", "2 hours, 15 minutes"): group 1 the number, group 2 the unit. */
const WAIT_PART = new RegExp(String.raw`^\s*(?:,\s*|\s+and\s+|,\s*and\s+)?${NUM}\s*${UNIT}`, 'i');

/** Adds the smaller units that follow a wait's first part; `seconds` is that part, `unit` its size. */
function withLaterParts(text: string, from: number, seconds: number, unit: number): number {
  let total = seconds;
  let last = unit;
  let at = from;
  for (let i = 0; i < 3; i++) {
    const m = WAIT_PART.exec(text.slice(at, at + 40));
    if (!m) break;
    const size = UNIT_SECONDS[m[2].toLowerCase()] ?? 1;
    if (!(size < last)) break;
    total += Number(m[1]) * size;
    last = size;
    at += m[0].length;
  }
  return total;
}

/** What follows a number that opens a date (`2026-01-…`, `2026/01/…`) or a clock time (`12:30`), not a count of seconds. */
const DATE_OR_TIME_NEXT = /^[-/:]\d/;

/** A figure that says how long something took or lasted ("timed out after 30 seconds"), not how long to wait. */
const NOT_A_WAIT = /\b(?:timed? ?out|expired?|closed|failed|took|ran|running|inactiv|idle|elapsed|valid|lasted)/i;

/** A wait written as a .NET TimeSpan, `[d.]hh:mm:ss` (Azure API Management: "Quota will be replenished in 5.03:23:11"). */
const TIMESPAN_WAIT =
  /\b(?:replenished|reset|resets|available|try again|retry|unblocked|unlocked)\s+(?:in|after)\s+(?:(\d{1,4})\.)?(\d{1,2}):([0-5]\d):([0-5]\d)\b/i;

/** Numbers written as words in waits ("try again after five minutes", "in an hour"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  'forty-five': 45,
  sixty: 60,
};

/**
 * A wait whose figure is a word (express-rate-limit's "Too many requests, please try again after five minutes"; Frappe's
 * 429 "Please try back in an hour"):
 * group 1 is the word, group 2 the unit. "In a few minutes" names no figure and does not match.
 */
const WORD_WAIT = new RegExp(
  String.raw`\b(?:try(?:ing)? again|retry(?:ing)?|wait|try back|check back)\s+(?:in|after|for)\s+(?:about\s+)?(${Object.keys(NUMBER_WORDS).join('|')})\s+(seconds?|minutes?|hours?|days?)\b`,
  'i',
);

/** A wait stated in the message text, e.g. "try again in 7.315s"; undefined when none. */
export function waitInMessage(message: string): number | undefined {
  const text = message.length > 4000 ? message.slice(0, 4000) : message;
  const span = TIMESPAN_WAIT.exec(text);
  if (span) return Number(span[1] ?? 0) * 86_400 + Number(span[2]) * 3600 + Number(span[3]) * 60 + Number(span[4]);
  for (const re of MESSAGE_WAITS) {
    const m = re.exec(text);
    if (!m || NOT_A_WAIT.test(m[0])) continue;
    // "retry after 2026-01-01T10:05:00Z", "try again after 12:30": the number opens a date or a time, read by untilInMessage.
    if (m[2] === undefined && DATE_OR_TIME_NEXT.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3)))
      continue;
    if (m[2] === undefined) {
      const d = parseDuration(m[1].replace(/\s+/g, ''));
      if (d !== undefined) return d;
      return Number(m[1]);
    }
    const unit = UNIT_SECONDS[m[2].toLowerCase()] ?? 1;
    return withLaterParts(text, m.index + m[0].length, Number(m[1]) * unit, unit);
  }
  const word = WORD_WAIT.exec(text);
  if (word) return NUMBER_WORDS[word[1].toLowerCase()] * (UNIT_SECONDS[word[2].toLowerCase()] ?? 1);
  return localizedWait(text);
}

/**
 * A time written in the message until which the client is held back: an epoch (Binance "IP banned until
 * 1507470736891") or an ISO 8601 date ("Retry after 2024-01-01T10:05:00Z", Akamai "Please try after
 * 2025-09-09T17:03:57.071Z"). Group 1 is the time.
 */
const UNTIL_TIME =
  /\b(?:retry|try(?: again)?|available|banned|blocked|locked|suspended|wait|throttled|limited|resets?|replenished|(?:can|may) access)\b[^.;]{0,40}?\b(?:until|till|after|at|on)\s+(\d{13}|\d{10}|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?|\d{4}-[A-Za-z]{3}-\d{1,2} \d{2}:\d{2}(?::\d{2})?(?:[+-]\d{4})?(?: UTC)?)(?![\w:])/i;

/** The epoch ms of a time the message says the client is held back until; undefined when none. */
export function untilInMessage(message: string): number | undefined {
  const text = message.length > 4000 ? message.slice(0, 4000) : message;
  const m = UNTIL_TIME.exec(text);
  if (!m) return undefined;
  const v = m[1];
  if (/^\d+$/.test(v)) return v.length === 13 ? Number(v) : Number(v) * 1000;
  const at = parseHttpOrIsoDate(v);
  return Number.isFinite(at) ? at : undefined;
}

/** Legacy reset headers paired with the remaining-counter that tells whether they apply. */
const RESET_HEADERS: ReadonlyArray<{ reset: string; remaining?: string }> = [
  { reset: 'x-ratelimit-reset-after', remaining: 'x-ratelimit-remaining' }, // Discord: float seconds
  { reset: 'ratelimit-reset', remaining: 'ratelimit-remaining' }, // IETF drafts ≤ -06, Zendesk
  { reset: 'x-ratelimit-reset', remaining: 'x-ratelimit-remaining' }, // GitHub, SendGrid, Atlassian
  { reset: 'x-rate-limit-reset', remaining: 'x-rate-limit-remaining' }, // Okta, Twitter
  { reset: 'x-ratelimit-retry-after' }, // Symfony
  { reset: 'x-ratelimit-reset-requests', remaining: 'x-ratelimit-remaining-requests' }, // OpenAI
  { reset: 'x-ratelimit-reset-tokens', remaining: 'x-ratelimit-remaining-tokens' },
  { reset: 'anthropic-ratelimit-requests-reset', remaining: 'anthropic-ratelimit-requests-remaining' },
  { reset: 'anthropic-ratelimit-tokens-reset', remaining: 'anthropic-ratelimit-tokens-remaining' },
  { reset: 'anthropic-ratelimit-input-tokens-reset', remaining: 'anthropic-ratelimit-input-tokens-remaining' },
  { reset: 'anthropic-ratelimit-output-tokens-reset', remaining: 'anthropic-ratelimit-output-tokens-remaining' },
  { reset: 'x-sib-ratelimit-reset', remaining: 'x-sib-ratelimit-remaining' }, // Brevo
  // Session 18 (reach-u, corpus/tools/reach-u-sources.md): GitLab's HTTP-date twin of RateLimit-Reset; the Fastly API's
  // epoch seconds (its generated SDKs read both headers); Bybit's epoch milliseconds beside `X-Bapi-Limit-Status`
  // (the requests left). KuCoin's `gw-ratelimit-reset` is left out: the corpus, from KuCoin's docs, reads it as no wait.
  { reset: 'ratelimit-resettime', remaining: 'ratelimit-remaining' },
  { reset: 'fastly-ratelimit-reset', remaining: 'fastly-ratelimit-remaining' },
  { reset: 'x-bapi-limit-reset-timestamp', remaining: 'x-bapi-limit-status' },
];

/**
 * Reset headers no table lists, by name: `x-<vendor>-ratelimit-reset`, `x-<vendor>-rate-limit-reset-after`,
 * and per-window ones (`x-ratelimit-reset-minute`, Xweather), paired with their `…-remaining…` counter.
 */
const VENDOR_RESET_HEADER = /^x-[a-z0-9-]*rate-?limit-(?:[a-z0-9]+-)?reset(?:-after)?(?:-[a-z]+)?$/;

/**
 * A reset header whose name ends in `-ms` (`x-ratelimit-reset-ms`, as rate limiters in many public repositories send
 * it) counts milliseconds: from now, or from the epoch when the figure is that large.
 */
const MS_NAMED = /-ms$/;

/** A reset value in milliseconds: a countdown, or an epoch time from 1e12 (parseResetValue reads those already). */
function parseResetMs(raw: string, referenceMs: number, what: string, notes: string[]): number | undefined {
  const v = raw.trim().split(',')[0].trim();
  if (NUMBER.test(v) && Number(v) < 1e12) return sane(Number(v) / 1000, what, raw, notes);
  return parseResetValue(raw, referenceMs, what, notes);
}

/** Remaining-counters that prove a limit is exhausted when they read 0. */
export const REMAINING_HEADERS: readonly string[] = [
  'x-ratelimit-remaining',
  'x-rate-limit-remaining',
  'ratelimit-remaining',
  'x-ratelimit-remaining-requests',
  'x-ratelimit-remaining-tokens',
  'anthropic-ratelimit-requests-remaining',
  'anthropic-ratelimit-tokens-remaining',
  'x-sib-ratelimit-remaining',
];

function isZero(value: string | undefined): boolean {
  if (value === undefined) return false;
  const first = value.split(',')[0].trim();
  return NUMBER.test(first) && Number(first) <= 0;
}

/** Which exhausted-counter header proves a limit was hit, or undefined. */
export function exhaustedCounter(headers: HeaderIndex): string | undefined {
  for (const name of REMAINING_HEADERS) if (isZero(headers.get(name))) return name;
  return undefined;
}

interface RateLimitFields {
  /** Seconds until quota returns, from `t` (or `reset` in the older dictionary form). */
  seconds?: number;
  /** A policy reads r=0. */
  exhausted: boolean;
  policy?: string;
}

/** Parses the IETF `RateLimit` field (an SF List with r/t, or the older `limit=, remaining=, reset=` dictionary). */
export function parseRateLimitField(raw: string, status: number, notes: string[]): RateLimitFields | undefined {
  try {
    const list = parseList(raw);
    let best: RateLimitFields | undefined;
    let fallback: number | undefined;
    for (const member of list) {
      const [value, params] = member;
      if (Array.isArray(value)) continue; // inner lists are not RateLimit items
      const r = params.get('r');
      const t = params.get('t');
      if (typeof t !== 'number') continue;
      if (t < 0) {
        notes.push(`RateLimit t=${t} ignored: negative`);
        continue;
      }
      if (r === 0 && (!best || (best.seconds ?? 0) < t)) best = { seconds: t, exhausted: true, policy: String(value) };
      if (fallback === undefined || t > fallback) fallback = t;
    }
    if (best) return best;
    return status === 429 && fallback !== undefined ? { seconds: fallback, exhausted: false } : { exhausted: false };
  } catch {
    /* maybe the older dictionary form */
  }
  try {
    const dict = parseDictionary(raw);
    const reset = dict.get('reset')?.[0];
    const remaining = dict.get('remaining')?.[0];
    const exhausted = remaining === 0;
    if (reset !== undefined && !(typeof reset === 'number' && reset >= 0)) {
      notes.push(`RateLimit reset ${quote(String(reset))} ignored: not a non-negative number`);
      return { exhausted };
    }
    if (typeof reset === 'number' && (exhausted || status === 429)) return { seconds: reset, exhausted };
    return { exhausted };
  } catch {
    notes.push('RateLimit header is malformed; ignored');
    return undefined;
  }
}

/** RateLimit-Policy `"name";q=…;w=…`: the window of the named policy, for notes. */
function policyWindow(raw: string | undefined, name: string | undefined): { q?: number; w?: number } | undefined {
  if (!raw || !name) return undefined;
  try {
    for (const [value, params] of parseList(raw)) {
      if (!Array.isArray(value) && String(value) === name) {
        const q = params.get('q');
        const w = params.get('w');
        return { q: typeof q === 'number' ? q : undefined, w: typeof w === 'number' ? w : undefined };
      }
    }
  } catch {
    /* malformed policies are ignored, as the draft requires */
  }
  return undefined;
}

/** Whether the RateLimit field says a policy is exhausted (r=0). */
export function rateLimitFieldExhausted(headers: HeaderIndex): boolean {
  const raw = headers.get('ratelimit');
  if (!raw) return false;
  return parseRateLimitField(raw, 0, [])?.exhausted === true;
}

/** Headers that give the wait in seconds (or as an HTTP-date) under a name other than Retry-After. */
const SECONDS_WAIT_HEADERS: readonly string[] = ['x-retry-after', 'x-rate-limit-retry-after-seconds'];

/** Headers that give the wait in milliseconds, in precedence order. */
const MS_WAIT_HEADERS: readonly string[] = ['retry-after-ms', 'x-ms-retry-after-ms', 'x-amz-retry-after'];

/** Longest usage header parsed as JSON: Meta's hold one object per ad account or page. */
const MAX_USAGE_HEADER = 8192;

/** A usage header's JSON, or undefined when it is absent, too long or malformed. */
function usageJson(raw: string | undefined, key: string): unknown {
  if (raw === undefined || raw.length > MAX_USAGE_HEADER || !raw.includes(key)) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Meta's rate-limit usage headers (Graph API "Rate Limits" docs; session 18, reach-u): `X-Business-Use-Case-Usage`
 * maps each business ID to `[{type, call_count, …, estimated_time_to_regain_access}]`, the minutes until calls stop
 * being throttled (0 while they are not); `X-Ad-Account-Usage` gives `reset_time_duration` in seconds, a wait only
 * once the account's score is spent (`acc_id_util_pct` 100) or the failure is a rate limit.
 */
function metaUsageWait(headers: HeaderIndex, rateLimited: boolean, notes: string[]): ServerWait | undefined {
  const buc = usageJson(headers.get('x-business-use-case-usage'), 'estimated_time_to_regain_access');
  if (buc !== null && typeof buc === 'object' && !Array.isArray(buc)) {
    let minutes = 0;
    for (const entries of Object.values(buc as Record<string, unknown>).slice(0, 50)) {
      if (!Array.isArray(entries)) continue;
      for (const entry of entries.slice(0, 20)) {
        const m = (entry as { estimated_time_to_regain_access?: unknown } | null)?.estimated_time_to_regain_access;
        if (typeof m === 'number' && m > minutes) minutes = m;
      }
    }
    const s = minutes > 0 ? sane(minutes * 60, 'x-business-use-case-usage', String(minutes), notes) : undefined;
    if (s !== undefined)
      return { seconds: s, source: 'x-business-use-case-usage header (estimated_time_to_regain_access, minutes)' };
  }
  const ad = usageJson(headers.get('x-ad-account-usage'), 'reset_time_duration') as
    { reset_time_duration?: unknown; acc_id_util_pct?: unknown } | undefined;
  if (
    ad !== null &&
    typeof ad === 'object' &&
    typeof ad.reset_time_duration === 'number' &&
    ad.reset_time_duration > 0
  ) {
    const spent = typeof ad.acc_id_util_pct === 'number' && ad.acc_id_util_pct >= 100;
    const s =
      spent || rateLimited
        ? sane(ad.reset_time_duration, 'x-ad-account-usage', String(ad.reset_time_duration), notes)
        : undefined;
    if (s !== undefined) return { seconds: s, source: 'x-ad-account-usage header (reset_time_duration)' };
  }
  return undefined;
}

/** The server's wait, by precedence, with notes for anything ignored or capped. */
export function serverWait(input: ServerWaitInput): ServerWaitResult {
  const notes: string[] = [];
  const { headers } = input;
  let clock: number | undefined;
  const ref = (): number =>
    (clock ??= typeof input.referenceMs === 'function' ? input.referenceMs() : input.referenceMs);

  const retryAfter = headers.get('retry-after');
  if (retryAfter !== undefined) {
    const s = parseRetryAfter(retryAfter, retryAfterNeedsClock(retryAfter) ? ref() : 0, notes);
    if (s !== undefined) return { wait: { seconds: s, source: 'Retry-After header' }, notes };
  }

  // Azure Cosmos DB and Storage send the milliseconds as `x-ms-retry-after-ms`; AWS services as
  // `x-amz-retry-after` (botocore retries/standard.py reads it as integer milliseconds).
  const msName = MS_WAIT_HEADERS.find((name) => headers.get(name) !== undefined);
  const ms = msName === undefined ? undefined : headers.get(msName);
  if (msName !== undefined && ms !== undefined) {
    const v = ms.trim();
    if (NUMBER.test(v)) {
      const s = sane(Number(v) / 1000, msName, ms, notes);
      if (s !== undefined) return { wait: { seconds: s, source: `${msName} header` }, notes };
    } else notes.push(`${msName} ${quote(ms)} ignored: not a number`);
  }

  // Explicit delays in seconds under other names: Better Auth's rate limiter sends `X-Retry-After`; Bucket4j
  // filters and the OpenSky Network API send `X-Rate-Limit-Retry-After-Seconds`. Read like Retry-After.
  for (const name of SECONDS_WAIT_HEADERS) {
    const raw = headers.get(name);
    if (raw === undefined) continue;
    const s = parseRetryAfter(raw, retryAfterNeedsClock(raw) ? ref() : 0, notes);
    if (s !== undefined) return { wait: { seconds: s, source: `${name} header` }, notes };
  }

  const meta = metaUsageWait(headers, input.rateLimited, notes);
  if (meta) return { wait: meta, notes };

  // gRPC retry pushback (gRFC A6): milliseconds to wait; a negative value says not to retry (shouldRetryHeader).
  const pushback = headers.get('grpc-retry-pushback-ms')?.trim();
  if (pushback !== undefined && /^\d+$/.test(pushback)) {
    const s = sane(Number(pushback) / 1000, 'grpc-retry-pushback-ms', pushback, notes);
    if (s !== undefined) return { wait: { seconds: s, source: 'grpc-retry-pushback-ms header' }, notes };
  }

  if (typeof input.bodySeconds === 'number') {
    const s = sane(input.bodySeconds, 'body wait', String(input.bodySeconds), notes);
    if (s !== undefined)
      return { wait: { seconds: s, source: input.bodyField ? `body.${input.bodyField}` : 'body' }, notes };
  } else if (typeof input.bodyAt === 'number') {
    const s = Number.isFinite(input.bodyAt)
      ? untilDate(input.bodyAt, ref(), 'body wait', `${input.bodyField ?? 'date'} (epoch ms ${input.bodyAt})`, notes)
      : undefined;
    if (s !== undefined)
      return { wait: { seconds: s, source: input.bodyField ? `body.${input.bodyField}` : 'body' }, notes };
  }

  const rl = headers.get('ratelimit');
  if (rl !== undefined) {
    const fields = parseRateLimitField(rl, input.status, notes);
    if (fields?.seconds !== undefined) {
      const s = sane(fields.seconds, 'RateLimit t', String(fields.seconds), notes);
      if (s !== undefined) {
        const policy = policyWindow(headers.get('ratelimit-policy'), fields.policy);
        if (policy?.w !== undefined)
          notes.push(`RateLimit policy "${fields.policy}" (q=${policy.q ?? '?'}, w=${policy.w} s) is exhausted`);
        return { wait: { seconds: s, source: 'RateLimit header (t)' }, notes };
      }
    }
  }

  if (input.rateLimited) {
    const present = RESET_HEADERS.filter((h) => headers.get(h.reset) !== undefined);
    const chosen = present.find((h) => h.remaining !== undefined && isZero(headers.get(h.remaining))) ?? present[0];
    if (chosen) {
      const s = parseResetValue(headers.get(chosen.reset) as string, ref(), chosen.reset, notes);
      if (s !== undefined) return { wait: { seconds: s, source: `${chosen.reset} header` }, notes };
    } else {
      // A vendor's own reset header (`x-contentful-ratelimit-reset`, `x-<vendor>-rate-limit-reset`); of
      // several windows (`…-reset-minute`, `…-reset-period`), the one whose remaining-counter reads 0.
      const names = headers.lowerNames();
      const found: number[] = [];
      for (let i = 0; i < names.length; i++) if (VENDOR_RESET_HEADER.test(names[i])) found.push(i);
      const spent = found.find((i) => isZero(headers.get(names[i].replace('-reset', '-remaining'))));
      for (const i of spent === undefined ? found : [spent, ...found]) {
        const parse = MS_NAMED.test(names[i]) ? parseResetMs : parseResetValue;
        const s = parse(headers.entries()[i].value, ref(), names[i], notes);
        if (s !== undefined) return { wait: { seconds: s, source: `${names[i]} header` }, notes };
      }
    }
  }

  // Every stated wait has a digit or a number word: skip the patterns for the usual message without one.
  if (input.message && (/\d/.test(input.message) || WORD_WAIT.test(input.message.slice(0, 4000)))) {
    const s = waitInMessage(input.message);
    if (s !== undefined) {
      const v = sane(s, 'wait in message', String(s), notes);
      if (v !== undefined) return { wait: { seconds: v, source: 'message text' }, notes };
    }
    const at = untilInMessage(input.message);
    if (at !== undefined) {
      const v = untilDate(at, ref(), 'time in message', String(at), notes);
      if (v !== undefined) return { wait: { seconds: v, source: 'message text (a time)' }, notes };
    }
  }
  return { wait: null, notes };
}

/** `x-should-retry` (Stainless SDK APIs) / `stripe-should-retry` / a negative `grpc-retry-pushback-ms`: an explicit server verdict. */
export function shouldRetryHeader(headers: HeaderIndex): { value: boolean; source: string } | undefined {
  for (const name of ['x-should-retry', 'stripe-should-retry']) {
    const v = headers.get(name)?.trim().toLowerCase();
    if (v === 'true') return { value: true, source: name };
    if (v === 'false') return { value: false, source: name };
  }
  // gRPC retry pushback (gRFC A6): a negative or non-integer value means the server asks the client not to retry.
  const pushback = headers.get('grpc-retry-pushback-ms')?.trim();
  if (pushback !== undefined && pushback !== '' && !/^\d+$/.test(pushback))
    return { value: false, source: 'grpc-retry-pushback-ms' };
  return undefined;
}

/** An own option (even one set to undefined, as a spread would copy it), else the default. */
function optionOr(options: Partial<BackoffOptions>, key: keyof BackoffOptions): number {
  return Object.prototype.hasOwnProperty.call(options, key) ? (options[key] as number) : DEFAULT_BACKOFF[key];
}

/** Exponential backoff with full jitter: attempt k waits a random time in [0, min(cap, base·factor^(k-1))]. */
export function backoffPlan(options: Partial<BackoffOptions> = {}): BackoffPlan {
  // Field by field, as the spread `{ ...DEFAULT_BACKOFF, ...options }` would merge them: it built an object per failure.
  const baseSeconds = optionOr(options, 'baseSeconds');
  const factor = optionOr(options, 'factor');
  const capSeconds = optionOr(options, 'capSeconds');
  const maxAttempts = optionOr(options, 'maxAttempts');
  const steps = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    steps.push({ attempt, delaySeconds: Math.min(capSeconds, baseSeconds * factor ** (attempt - 1)) });
  }
  return { baseSeconds, factor, capSeconds, maxAttempts, jitter: 'full', steps };
}

/** The response's clock: its Date header, else the end of the exchange, else `now`. */
export function referenceTime(
  headers: HeaderIndex,
  startedAt: number | undefined,
  durationMs: number | undefined,
  now: number,
): number {
  const date = headers.get('date');
  if (date) {
    const ms = parseHttpOrIsoDate(date);
    if (Number.isFinite(ms)) return ms;
  }
  if (typeof startedAt === 'number' && Number.isFinite(startedAt) && startedAt > 0) {
    return (
      startedAt + (typeof durationMs === 'number' && Number.isFinite(durationMs) && durationMs > 0 ? durationMs : 0)
    );
  }
  return now;
}
