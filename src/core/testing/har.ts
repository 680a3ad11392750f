// Builders for small HAR 1.2 files in tests (unit and e2e); not part of the shipped code.

export interface EntryOptions {
  method?: string;
  time?: number;
  startedDateTime?: string;
}

/** One complete HAR entry with a JSON response body. */
export function harEntry(
  url: string,
  status: number,
  body: string,
  { method = 'PATCH', time = 5, startedDateTime = '2025-03-04T10:00:00.000Z' }: EntryOptions = {},
) {
  return {
    startedDateTime,
    time,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      headers: [],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      cookies: [],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
}

/** A HAR file's text with these entries (anything, so tests can slip in broken ones). */
export function harText(entries: unknown[], creator = 'test'): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries } });
}
