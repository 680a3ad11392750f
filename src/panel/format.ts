// How values read in the panel: times, host + path, status + reason. Pure; no DOM.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Local wall-clock time with milliseconds, like the Network panel's waterfall tooltips: 14:03:07.215. */
export function formatTime(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Local date and time for group first/last seen: 2025-03-04 14:03:07. */
export function formatDateTime(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** UTC ISO timestamp, for the detail view and exports. */
export function formatUtc(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '';
  return new Date(epochMs).toISOString();
}

export interface HostPath {
  host: string;
  /** Path with the query string, e.g. /v2/articles?limit=10. */
  path: string;
}

/** Splits a URL for the "host + path" column. Unparseable input is returned whole as the path. */
export function hostPath(url: string): HostPath {
  const schemeEnd = url.indexOf('://');
  if (schemeEnd < 0) return { host: '', path: url };
  const hostStart = schemeEnd + 3;
  let pathStart = url.length;
  for (let i = hostStart; i < url.length; i++) {
    const ch = url.charCodeAt(i);
    // '/', '?', '#'
    if (ch === 47 || ch === 63 || ch === 35) {
      pathStart = i;
      break;
    }
  }
  let host = url.slice(hostStart, pathStart);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1); // never show userinfo
  const rest = url.slice(pathStart);
  const hash = rest.indexOf('#');
  const path = hash >= 0 ? rest.slice(0, hash) : rest;
  return { host: host.toLowerCase(), path: path === '' || path[0] !== '/' ? `/${path}` : path };
}

/** The path alone, without query or fragment. */
export function pathOnly(url: string): string {
  const { path } = hostPath(url);
  const q = path.indexOf('?');
  return q >= 0 ? path.slice(0, q) : path;
}

/** "429 Too Many Requests", or for no response "(failed) net::ERR_CONNECTION_REFUSED". */
export function formatStatus(
  status: number,
  reason: string | undefined,
  error?: string,
  kind?: string,
  outcomeLost?: string,
): string {
  // Chrome's Network panel: "(canceled)" for aborts, whatever status came before the abort.
  if (kind === 'canceled') return '(canceled)';
  // Like Chrome's "(pending)", for a request whose end the capture lost (a background restart): no status known.
  if (status === 0 && outcomeLost && !error) return '(outcome lost)';
  if (status === 0) return error ? `(failed) ${error}` : '(failed)';
  return reason ? `${status} ${reason}` : String(status);
}

/** Seconds as the retry column and detail say them: "37 s", "2 min 5 s", "1 h 3 min". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 10 && !Number.isInteger(seconds)) return `${Math.round(seconds * 10) / 10} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** Thousands separators independent of the locale, so counters read the same everywhere: 100,000. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Byte sizes for body notes: 812 B, 12.4 kB, 3.1 MB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

/** Cuts text for a single-line cell; the full text goes in the title and the detail. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Cuts text at its start, keeping its end (a path's last segments name the call). */
export function truncateStart(text: string, max: number): string {
  if (text.length <= max) return text;
  return `…${text.slice(text.length - Math.max(0, max - 1))}`;
}
