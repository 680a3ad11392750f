// The capture page's calls. Each is a named function so the call site (function, file:line) is known.
const CROSS = document.querySelector('meta[name="cross-origin"]').content;

async function loadFailure(n) {
  const response = await fetch(`/cap/fail?n=${n}`);
  await response.json(); // read, as an app does: Chrome reports an unread body's request to DevTools only once it is read
  return response.status;
}

async function abortRequest() {
  const controller = new AbortController();
  const pending = fetch('/cap/slow?ms=3000&kind=abort', { signal: controller.signal }).catch((e) => e.name);
  setTimeout(() => controller.abort(), 100);
  return pending;
}

async function timeoutRequest() {
  return fetch('/cap/slow?ms=3000&kind=timeout', { signal: AbortSignal.timeout(150) }).catch((e) => e.name);
}

async function corsMissingHeader() {
  return fetch(`${CROSS}/cap/cors/no-acao`).then((r) => r.status, (e) => e.name);
}

async function corsPreflightFails() {
  return fetch(`${CROSS}/cap/cors/preflight-fail`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-cap': '1' }, body: '{}' }).then(
    (r) => r.status,
    (e) => e.name,
  );
}

async function revalidate() {
  const first = await fetch('/cap/etag');
  await first.text();
  const second = await fetch('/cap/etag');
  return [first.status, second.status];
}

window.capture = { loadFailure, abortRequest, timeoutRequest, corsMissingHeader, corsPreflightFails, revalidate };
