// `faultline triage --spec`: the contract check for CI (issue 16).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, SPEC_FIELDS, TRIAGE_FIELDS, type CliIo } from './main';
import { examplePath } from '../core/openapi/testing';

async function cli(
  argv: string[],
  files: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    readFile: async (path) => {
      if (files[path] === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return files[path];
    },
    readStdin: async () => '',
    isTTY: false,
    env: {},
  };
  const code = await run(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const PETSTORE = readFileSync(examplePath('3.0/yaml/petstore.yaml'), 'utf8');
const entry = (method: string, url: string, status: number, body = '') => ({
  startedDateTime: '2026-11-23T18:00:00.000Z',
  time: 5,
  request: { method, url, headers: [] },
  response: {
    status,
    statusText: '',
    headers: [{ name: 'content-type', value: 'application/json' }],
    content: { size: body.length, mimeType: 'application/json', text: body },
  },
});
const har = (...entries: unknown[]): string =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } });
const BASE = 'http://petstore.swagger.io/v2';
const documented = har(
  entry('GET', `${BASE}/pet/1`, 200, '{"name":"rex","photoUrls":[]}'),
  entry('GET', `${BASE}/pet/2`, 404),
);
const withUndocumented = har(
  entry('GET', `${BASE}/pet/1`, 200, '{"name":"rex","photoUrls":[]}'),
  entry('POST', `${BASE}/pet`, 503, '{}'),
);

describe('faultline triage --spec', () => {
  it('--json rows carry the operation, the problems and the violations after the usual fields', async () => {
    const files = {
      'rec.har': har(
        entry('GET', `${BASE}/pet/1`, 200, '{"name":7,"photoUrls":[]}'),
        entry('GET', `${BASE}/pet/2`, 404),
        entry('PUT', `${BASE}/nowhere`, 404),
        entry('GET', 'https://other.test/x', 500),
      ),
      'openapi.yaml': PETSTORE,
    };
    const r = await cli(['triage', 'rec.har', '--spec', 'openapi.yaml', '--json'], files);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(rows[0])).toEqual([...TRIAGE_FIELDS, ...SPEC_FIELDS]);
    expect(rows[0].specOperation).toMatchObject({
      key: 'GET /pet/{petId}',
      operationId: 'getPetById',
      tags: ['pet'],
      documentedStatus: '200',
    });
    expect(rows[0].specViolations).toEqual([{ path: '$.name', message: expect.stringMatching(/string/) }]);
    expect(rows[0].specProblems).toEqual([
      { kind: 'mismatch', message: expect.stringMatching(/^the body does not match the documented schema: \$\.name/) },
    ]);
    expect(rows[1].specOperation).toMatchObject({ documentedStatus: '404', description: 'Pet not found' });
    expect(rows[1].specProblems).toEqual([]);
    expect(rows[2].specProblems).toEqual([{ kind: 'unknown-operation', message: expect.stringContaining('/nowhere') }]);
    expect(rows[3]).toMatchObject({ specOperation: null, specProblems: [], specViolations: [] });
  });

  it('without --spec the rows keep exactly the usual fields', async () => {
    const r = await cli(['triage', 'rec.har', '--json'], { 'rec.har': documented });
    expect(Object.keys(JSON.parse(r.stdout)[0])).toEqual([...TRIAGE_FIELDS]);
  });

  it('--fail-on undocumented exits 1 only when a response is undocumented', async () => {
    const files = { 'a.har': documented, 'b.har': withUndocumented, 'openapi.yaml': PETSTORE };
    expect((await cli(['triage', 'a.har', '--spec', 'openapi.yaml', '--fail-on', 'undocumented'], files)).code).toBe(0);
    const bad = await cli(['triage', 'b.har', '--spec', 'openapi.yaml', '--fail-on', 'undocumented,mismatch'], files);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/#1 {2}undocumented {2}status 503 is not documented for POST \/pet \(documented: 405\)/);
    expect(bad.stdout).toMatch(
      /contract: 2 entries matched an operation, 1 undocumented, 0 mismatch, 0 unknown-operation/,
    );
  });

  it('a broken or missing spec exits 2 with one line', async () => {
    const broken = await cli(['triage', 'a.har', '--spec', 'openapi.yaml'], {
      'a.har': documented,
      'openapi.yaml': 'openapi: 3.0.0\npaths: [\n',
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^faultline: openapi\.yaml is not valid YAML at line \d+, column \d+: [^\n]*\n$/);
    const notSpec = await cli(['triage', 'a.har', '--spec', 's.json'], {
      'a.har': documented,
      's.json': '{"hello":1}',
    });
    expect(notSpec).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^faultline: s\.json: not an OpenAPI document[^\n]*\n$/),
    });
    expect((await cli(['triage', 'a.har', '--spec', 'missing.yaml'], { 'a.har': documented })).code).toBe(2);
    expect((await cli(['triage', 'a.har', '--fail-on', 'undocumented'], { 'a.har': documented })).stderr).toMatch(
      /needs --spec/,
    );
  });
});
