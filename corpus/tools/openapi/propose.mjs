import fs from 'fs';
const all = [
  ...JSON.parse(fs.readFileSync('cands.json')),
  ...JSON.parse(fs.readFileSync('cands2.json')),
  ...JSON.parse(fs.readFileSync('cands3.json')),
];
const skipApi = new Set([
  'akeneo.com',
  'evetech.net',
  'xtrf.eu',
  'taxrates.io',
  'ntropy.network',
  'voodoomfg.com',
  'truora.com'.replace('truora.com', 'x'),
  'mailboxvalidator.com/validation',
  'lgtm.com',
  'snyk.io/x',
  'clicksend.com',
  'meraki.com',
  'mist.com/x',
  'osf.io',
  'whapi.com/numbers',
]);
const skipPtr = (x) => {
  const s = JSON.stringify(x.example);
  if (/Error Message Text|error message"|<integer>|<string>|"string"/.test(s)) return true;
  if (
    x.status < 300 &&
    !/orthanc|vtex.local\/Logistics|paypi|clubhouse|digitalocean|sendgrid|codat|exavault|xero_bankfeeds|hubapi/.test(
      x.id,
    )
  )
    return true;
  if (x.id === 'dev.to' && x.status === 422 && !/error/.test(s)) return true;
  if (x.id === 'nordigen.com' && x.status === 409) return true;
  if (x.id === 'docker.com/engine' && x.status === 200) return true;
  if (x.id === 'whapi.com/sportsdata' && x.status === 500) return true;
  if (x.id === 'hetzner.cloud') return true;
  if (x.id === 'truora.com' && x.status < 300) return true;
  if (x.id === 'mist.com' && x.status < 300) return true;
  if (x.id === 'snyk.io' && x.status < 300) return true;
  if (/^github\.com\/(ghes|github\.ae)/.test(x.id)) return true;
  return false;
};
const by = {};
for (const x of all) {
  if (skipApi.has(x.id) || skipPtr(x)) continue;
  (by[x.id] ??= []).push(x);
}
const sel = [];
for (const [id, xs] of Object.entries(by)) {
  const seen = new Set();
  const u = [];
  for (const x of xs) {
    const k = JSON.stringify(x.example);
    if (seen.has(k)) continue;
    seen.add(k);
    u.push(x);
  }
  // score: prefer distinct statuses, longer specific messages, presence of ids
  u.sort((a, b) => JSON.stringify(b.example).length - JSON.stringify(a.example).length);
  const ch = [];
  const st = new Set();
  for (const x of u) {
    if (ch.length >= 3) break;
    if (!st.has(x.status) && JSON.stringify(x.example).length < 1500) {
      ch.push(x);
      st.add(x.status);
    }
  }
  for (const x of u) {
    if (ch.length >= 3) break;
    if (!ch.includes(x) && JSON.stringify(x.example).length < 1500) ch.push(x);
  }
  sel.push(...ch);
}
fs.writeFileSync('sel.json', JSON.stringify(sel, null, 1));
console.log(sel.length, new Set(sel.map((x) => x.id)).size);
sel.forEach((x, i) =>
  console.log(
    i +
      '|' +
      x.id +
      '|' +
      x.method.toUpperCase() +
      ' ' +
      x.path +
      '|' +
      x.status +
      '|' +
      JSON.stringify(x.example).slice(0, 230) +
      (x.respHeaders.length ? '|rh:' + x.respHeaders.join(',') : ''),
  ),
);
