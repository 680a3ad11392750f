// The capture page's calls. Each is a named function so the call site (function, file:line) is known.
const CROSS = document.querySelector('meta[name="cross-origin"]').content;

async function loadFailure(n) {
  const response = await fetch(`/cap/fail?n=${n}`);
  await response.json(); // read, as an app does: Chrome reports an unread body's request to DevTools only once it is read
  return response.status;
}

// `when` tags a call made before or after DevTools opened, so each has its own URL (and its own assertion).
async function abortRequest(when = 'before') {
  const controller = new AbortController();
  const pending = fetch(`/cap/slow?ms=3000&kind=abort&when=${when}`, { signal: controller.signal }).catch((e) => e.name);
  setTimeout(() => controller.abort(), 100);
  return pending;
}

async function timeoutRequest(when = 'after') {
  return fetch(`/cap/slow?ms=3000&kind=timeout&when=${when}`, { signal: AbortSignal.timeout(150) }).catch((e) => e.name);
}

async function corsMissingHeader(when = 'before') {
  return fetch(`${CROSS}/cap/cors/no-acao?when=${when}`).then((r) => r.status, (e) => e.name);
}

async function corsPreflightFails(when = 'before') {
  return fetch(`${CROSS}/cap/cors/preflight-fail?when=${when}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-cap': '1' }, body: '{}' }).then(
    (r) => r.status,
    (e) => e.name,
  );
}

async function revalidate(when = 'after') {
  const first = await fetch(`/cap/etag?when=${when}`);
  await first.text();
  const second = await fetch(`/cap/etag?when=${when}`);
  return [first.status, second.status];
}

async function redirects() {
  const response = await fetch('/cap/redirect/301');
  await response.json();
  return [response.status, new URL(response.url).pathname];
}

async function redirectLoop() {
  return fetch('/cap/loop').then((r) => r.status, (e) => e.name);
}

async function beacon() {
  return navigator.sendBeacon('/cap/beacon', 'ping');
}

/** One event, then the server ends the stream; closing on the error that follows keeps it from reconnecting. */
async function eventSource() {
  return new Promise((resolve) => {
    const source = new EventSource('/cap/events');
    let data = null;
    source.onmessage = (e) => {
      data = e.data;
    };
    source.onerror = () => {
      source.close();
      resolve(data);
    };
  });
}

async function webSocket() {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/cap/ws`);
    let data = null;
    socket.onmessage = (e) => {
      data = e.data;
    };
    socket.onclose = (e) => resolve([data, e.code]);
  });
}

async function workerFetch() {
  return new Promise((resolve) => {
    const worker = new Worker('/cap/worker.js');
    worker.onmessage = (e) => {
      resolve(e.data);
      worker.terminate();
    };
  });
}

async function crossOriginFrame() {
  return new Promise((resolve) => {
    window.addEventListener('message', function onMessage(e) {
      if (e.data && 'frame' in e.data) {
        window.removeEventListener('message', onMessage);
        resolve(e.data.frame);
      }
    });
    const frame = document.createElement('iframe');
    frame.title = 'A cross-origin frame';
    frame.src = `${CROSS}/cap/frame.html`;
    document.body.append(frame);
  });
}

async function refusedConnection(url) {
  return fetch(url).then((r) => r.status, (e) => e.name);
}

async function resetConnection() {
  return fetch('/cap/reset').then((r) => r.status, (e) => e.name);
}

window.capture = {
  loadFailure,
  abortRequest,
  timeoutRequest,
  corsMissingHeader,
  corsPreflightFails,
  revalidate,
  redirects,
  redirectLoop,
  beacon,
  eventSource,
  webSocket,
  workerFetch,
  crossOriginFrame,
  refusedConnection,
  resetConnection,
};
