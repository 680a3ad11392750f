// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { requestRecord } from '../testing';
import { click, flush, renderPanel, stubClipboard, type Rendered } from './test-render';

let view: Rendered | null = null;
let written: string[] = [];
beforeEach(() => {
  written = stubClipboard();
});
afterEach(() => {
  view?.unmount();
  view = null;
  delete (window as unknown as { __pwned?: unknown }).__pwned;
});

const HOSTILE = {
  message: '<img src=x onerror="window.__pwned=1">',
  code: '<script>window.__pwned=2</script>',
  errorId: '"><svg onload="window.__pwned=3">',
  url: 'https://evil.test/<b>bold</b>?q=<iframe src=javascript:alert(1)>',
  header: '<iframe srcdoc="<script>window.__pwned=4</script>">',
  body: JSON.stringify({ error: { code: '<script>x</script>', html: '<img src=y onerror=alert(1)>' } }),
};

function openDetail(v: Rendered, seq: number): HTMLElement {
  act(() => {
    v.store.getState().select({ kind: 'row', seq });
    v.store.getState().openDetail();
  });
  return v.root.querySelector<HTMLElement>('[data-testid="detail"]')!;
}

describe('Detail', () => {
  it('leads with the verdict, and a 2xx-with-error does not say the request succeeded', () => {
    view = renderPanel([
      requestRecord({
        seq: 1,
        status: 429,
        verdict: 'retry-after',
        retryAfterSeconds: 30,
        retryable: true,
        action: 'Wait 30 s, then retry.',
      }),
      requestRecord({
        seq: 2,
        status: 200,
        kind: 'body',
        failure: true,
        verdict: 'fix-request',
        message: 'quota gone',
      }),
    ]);
    let detail = openDetail(view, 1);
    const body = detail.querySelector('.detail-body')!;
    expect(body.firstElementChild!.getAttribute('data-testid')).toBe('detail-verdict');
    expect(body.firstElementChild!.textContent).toContain('retry in 30 s');
    detail = openDetail(view, 2);
    expect(detail.querySelector('[data-testid="detail-meaning"]')!.textContent).toBe(
      'HTTP says success; the body says the call failed.',
    );
  });

  it('renders hostile page content as text: no element is injected', () => {
    view = renderPanel([
      requestRecord({
        seq: 1,
        status: 400,
        message: HOSTILE.message,
        code: HOSTILE.code,
        errorId: HOSTILE.errorId,
        url: HOSTILE.url,
        responseHeaders: [{ name: 'x-evil', value: HOSTILE.header }],
        requestHeaders: [{ name: '<b>x</b>', value: HOSTILE.header }],
        body: HOSTILE.body,
      }),
    ]);
    const detail = openDetail(view, 1);
    expect(detail).not.toBeNull();
    // None but the panel's own (the toolbar's settings gear).
    for (const tag of ['img', 'script', 'svg', 'iframe', 'b']) {
      expect(view.root.querySelectorAll(`${tag}:not(.gear)`)).toHaveLength(0);
    }
    const text = view.root.textContent ?? '';
    expect(text).toContain(HOSTILE.message);
    expect(text).toContain(HOSTILE.code);
    expect(text).toContain(HOSTILE.errorId);
    expect(text).toContain(HOSTILE.header);
    expect(text).toContain('<img src=y onerror=alert(1)>'); // inside the JSON tree
    expect((window as unknown as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('shows semantics, retry advice with the backoff schedule, idempotency, parsed fields and headers', () => {
    const record = requestRecord({
      seq: 1,
      status: 429,
      method: 'POST',
      code: 'rate_limited',
      errorId: 'req_123',
      message: 'Slow down',
      retryable: true,
      verdict: 'retry-after',
      retryAfterSeconds: 37,
      action: 'Wait 37 s, then retry.',
      responseHeaders: [{ name: 'Retry-After', value: '37' }],
      body: '{"error":{"code":"rate_limited"}}',
    });
    record.classification.backoff = {
      baseSeconds: 1,
      factor: 2,
      capSeconds: 60,
      maxAttempts: 3,
      jitter: 'full',
      steps: [
        { attempt: 1, delaySeconds: 1 },
        { attempt: 2, delaySeconds: 2 },
        { attempt: 3, delaySeconds: 4 },
      ],
    };
    record.classification.fieldErrors = [{ field: 'title', message: 'is required' }];
    view = renderPanel([record]);
    const detail = openDetail(view, 1);
    const dd = (id: string) => detail.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
    expect(dd('detail-status')).toContain('429 Too Many Requests');
    expect(dd('detail-retry')).toBe('retry in 37 s');
    expect(dd('detail-wait')).toContain('37 s');
    expect(dd('detail-wait')).toContain('Retry-After header');
    expect(detail.textContent).toContain('1 s, 2 s, 4 s');
    expect(detail.textContent).toContain('No: a retry may repeat side effects');
    expect(dd('detail-action')).toBe('Wait 37 s, then retry.');
    expect(dd('detail-code')).toBe('rate_limited');
    expect(dd('detail-id')).toContain('req_123');
    expect(detail.querySelector('[data-testid="field-errors"]')?.textContent).toContain('is required');
    expect(detail.textContent).toContain('Retry-After');
    expect(detail.querySelector('[data-testid="json-tree"]')).not.toBeNull();
  });

  it('switches the body between JSON tree, pretty text and raw', () => {
    view = renderPanel([requestRecord({ seq: 1, body: '{"a":{"b":[1,2]}}' })]);
    const detail = openDetail(view, 1);
    const tabs = Array.from(detail.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    click(tabs.find((t) => t.textContent === 'Pretty')!);
    expect(detail.querySelector('[data-testid="body-text"]')!.textContent).toBe(
      '{\n  "a": {\n    "b": [\n      1,\n      2\n    ]\n  }\n}',
    );
    click(tabs.find((t) => t.textContent === 'Raw')!);
    expect(detail.querySelector('[data-testid="body-text"]')!.textContent).toBe('{"a":{"b":[1,2]}}');
  });

  it('says when the body is missing, with the Firefox hint in Firefox', () => {
    view = renderPanel([requestRecord({ seq: 1 })], { platform: { browserName: 'firefox' } });
    const detail = openDetail(view, 1);
    expect(detail.querySelector('[data-testid="body-state"]')!.textContent).toContain(
      'Firefox: Faultline copies the bodies of failing and JSON responses',
    );
    expect(detail.querySelector('[data-testid="body-state"]')!.textContent).not.toContain('Network panel');
  });

  it('Copy support ticket puts redacted Markdown with the code and ID on the clipboard and shows a toast', async () => {
    view = renderPanel([
      requestRecord({
        seq: 1,
        status: 422,
        code: 'invalid_input',
        errorId: 'err-4711',
        message: 'Title is required',
        url: 'https://api.example.com/v2/Articles/5?api_token=SECRET-TOKEN-123',
        requestHeaders: [{ name: 'api_token', value: 'SECRET-TOKEN-123' }],
      }),
    ]);
    const detail = openDetail(view, 1);
    click(detail.querySelector('[data-testid="copy-ticket"]'));
    await flush();
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('invalid_input');
    expect(written[0]).toContain('err-4711');
    expect(written[0]).not.toContain('SECRET-TOKEN-123');
    expect(view.root.querySelector('[data-testid="toast"]')?.textContent).toBe('Copied support ticket');

    click(detail.querySelector('[data-testid="copy-curl"]'));
    await flush();
    expect(written[1]).toMatch(/^curl /);
    expect(written[1]).not.toContain('SECRET-TOKEN-123');
    click(detail.querySelector('[data-testid="copy-id"]'));
    await flush();
    expect(written[2]).toBe('err-4711');
  });

  it('falls back to execCommand when the Clipboard API is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: vi.fn(async () => Promise.reject(new Error('Document is not focused'))) },
    });
    let copied: string | null = null;
    const exec = vi.fn((command: string) => {
      if (command !== 'copy') return false;
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? null;
      return true;
    });
    Object.defineProperty(document, 'execCommand', { configurable: true, value: exec });
    view = renderPanel([requestRecord({ seq: 1, errorId: 'abc-1' })]);
    const detail = openDetail(view, 1);
    click(detail.querySelector('[data-testid="copy-id"]'));
    await flush();
    expect(exec).toHaveBeenCalledWith('copy');
    expect(copied).toBe('abc-1');
    expect(view.root.querySelector('[data-testid="toast"]')?.textContent).toBe('Copied ID');
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });

  it('clicking an ID in the list copies it', async () => {
    view = renderPanel([requestRecord({ seq: 1, errorId: 'req-42' })]);
    click(view.root.querySelector('.id-copy'));
    await flush();
    expect(written).toEqual(['req-42']);
    expect(view.root.querySelector('[data-testid="detail"]')).toBeNull();
  });
});

describe('protocol failures', () => {
  it('names the protocol in the row and lists the failed operations of a batch in the detail', () => {
    const record = requestRecord({
      seq: 1,
      status: 200,
      kind: 'body',
      failure: true,
      method: 'POST',
      code: '-32600',
      message: 'Invalid Request',
    });
    Object.assign(record.classification, {
      protocol: 'jsonrpc',
      operationCount: 5,
      operationsOmitted: 0,
      operations: [
        { index: 2, failure: true, errorCode: '-32600', message: 'Invalid Request', retryable: false },
        { index: 3, id: '5', failure: true, errorCode: '-32601', message: 'Method not found', retryable: false },
      ],
    });
    const grpc = requestRecord({
      seq: 2,
      status: 200,
      kind: 'body',
      failure: true,
      method: 'POST',
      code: 'UNAVAILABLE',
      message: 'upstream down',
      retryable: true,
    });
    grpc.classification.protocol = 'grpc-web';
    view = renderPanel([record, grpc]);
    const cells = [...view.root.querySelectorAll('[role="gridcell"].col-code')].map((el) => el.textContent);
    expect(cells).toContain('gRPC-web · UNAVAILABLE (14)');
    expect(cells.some((t) => t?.startsWith('JSON-RPC 2.0 batch'))).toBe(true);
    const detail = openDetail(view, 1);
    expect(detail.querySelector('[data-testid="detail-protocol"]')?.textContent).toBe(
      'JSON-RPC 2.0 batch · 2 of 5 failed · -32600',
    );
    const rows = [...detail.querySelectorAll('[data-testid="operations"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['2', '—', '-32600', 'Invalid Request', 'no'],
      ['3', '5', '-32601', 'Method not found', 'no'],
    ]);
    expect(detail.querySelector('[data-testid="operations"] caption')?.textContent).toContain(
      'Failed operations: 2 of 5',
    );
  });

  it('a GraphQL failure keeps its bare code in the row and is named in the detail', () => {
    const record = requestRecord({ seq: 1, status: 502, code: 'FORBIDDEN', message: 'Subgraph request failed' });
    record.classification.protocol = 'graphql';
    view = renderPanel([record]);
    expect([...view.root.querySelectorAll('[role="gridcell"].col-code')].map((el) => el.textContent)).toEqual([
      'FORBIDDEN',
    ]);
    const detail = openDetail(view, 1);
    expect(detail.querySelector('[data-testid="detail-protocol"]')?.textContent).toBe('GraphQL · FORBIDDEN');
  });

  it('shows no protocol row or operations table for a plain HTTP failure', () => {
    view = renderPanel([requestRecord({ seq: 1, status: 500, code: 'boom' })]);
    const detail = openDetail(view, 1);
    expect(detail.querySelector('[data-testid="detail-protocol"]')).toBeNull();
    expect(detail.querySelector('[data-testid="operations"]')).toBeNull();
    expect([...view.root.querySelectorAll('[role="gridcell"].col-code')].map((el) => el.textContent)).toEqual(['boom']);
  });
});
