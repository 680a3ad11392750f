// A 2xx page that is a runtime's uncaught-error output, sent before the status could change: PHP with
// `display_errors` on prints `<b>Fatal error</b>:  Uncaught …` and the server keeps its 200
// (opencaching/okapi#293, danmichaelo/croptool#110, NamelessMC#2515); WordPress's fatal-error handler
// page ("There has been a critical error on this website.", BoldGrid/w3-total-cache#937); a Python
// traceback printed as the body by a CGI or dev server. PHP warnings, notices and deprecations before
// the output are not failures: the script went on.
//
// Bounded: only the first HEAD_CHARS characters are looked at, line by line.

const HEAD_CHARS = 4000;

/** `<br />\n<b>Fatal error</b>:  Uncaught Error: … in /var/www/x.php:12` and the plain-text form. */
const PHP_DIAGNOSTIC =
  /^(?:PHP )?(Fatal error|Parse error|Catchable fatal error|Recoverable fatal error|Warning|Notice|Deprecated|Strict Standards)\s*:\s*(.*)$/;
const PHP_FATAL = /^(?:Fatal error|Parse error|Catchable fatal error|Recoverable fatal error)$/;
/** Where PHP's message ends and its location begins. */
const PHP_LOCATION = /\s+(?:in\s+\S+(?:\s+on line\s+\d+|:\d+)|thrown in\s+\S+).*$/s;
const WORDPRESS_CRITICAL = /There has been a critical error on (?:this|your) website\./;
const PY_TRACEBACK = 'Traceback (most recent call last):';
/** The last line of a Python traceback: `KeyError: 'user'`, `django.db.utils.OperationalError: …`. */
const PY_EXCEPTION = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))(?::\s*(.*))?$/;

function stripTags(line: string): string {
  return line
    .replace(/<[^<>]{0,200}>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** The failure a runtime printed as the body, or undefined. */
export function runtimeErrorOutput(body: string): { message: string; code?: string } | undefined {
  const head = body.length > HEAD_CHARS ? body.slice(0, HEAD_CHARS) : body;
  const trimmed = head.trimStart();
  if (trimmed.startsWith(PY_TRACEBACK)) {
    const lines = head.split('\n');
    for (let i = lines.length - 1; i > 0; i--) {
      const m = PY_EXCEPTION.exec(lines[i].trim());
      if (m) return { code: m[1], message: m[2] ? `${m[1]}: ${m[2]}` : m[1] };
    }
    return { message: 'Python traceback' };
  }
  // PHP: only diagnostics (and blank or `<br />` lines) from the start; any other line ends the scan.
  let fatal: { message: string } | undefined;
  for (const raw of head.split('\n')) {
    const line = stripTags(raw);
    if (line === '') continue;
    const m = PHP_DIAGNOSTIC.exec(line);
    if (!m) break;
    if (PHP_FATAL.test(m[1])) {
      const message = m[2].replace(PHP_LOCATION, '').trim();
      fatal = { message: `${m[1]}: ${message || m[2].trim()}` };
      break;
    }
  }
  if (fatal) return fatal;
  if (WORDPRESS_CRITICAL.test(head)) return { message: 'There has been a critical error on this website.' };
  return undefined;
}
