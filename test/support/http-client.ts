import { assertConformsToContract } from './openapi-contract';

/** One key per role; the secrets are only ever used against a loopback test server. */
export const KEYS = {
  reader: 'reader-secret-1',
  reporter: 'reporter-secret-1',
  editor: 'editor-secret-1',
  admin: 'admin-secret-1',
} as const;

export type KeyRole = keyof typeof KEYS;

export interface RequestOptions {
  body?: unknown;
  as?: KeyRole | 'nobody';
  headers?: Record<string, string>;
  /** Sent as it is: text (as UTF-8) or bytes. */
  rawBody?: string | Uint8Array;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the wire, asserted by each test
  body: any;
}

/** Anything the tests can speak HTTP to: the in-process test app or a server running as a child process. */
export interface HttpClient {
  /** Sends a request; JSON bodies are serialised, the `as` role's key is used (reporter by default). */
  request(method: string, url: string, options?: RequestOptions): Promise<TestResponse>;
}

/** Requests against any base URL, with the role's key; every answer is checked against the served OpenAPI document. */
export function httpClient(baseUrl: string): HttpClient {
  return {
    async request(method, url, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      const role = options.as ?? 'reporter';
      if (role !== 'nobody') headers.authorization = `Bearer ${KEYS[role]}`;
      const body = options.body !== undefined ? JSON.stringify(options.body) : options.rawBody;
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${baseUrl}${url}`, { method, headers, body });
      const text = await response.text();
      await assertConformsToContract(baseUrl, {
        method,
        url,
        status: response.status,
        headers: response.headers,
        text,
      });
      const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
      return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
    },
  };
}

/** The API_KEYS value that gives every role of `KEYS` its key. */
export function apiKeysVariable(): string {
  return Object.entries(KEYS)
    .map(([role, secret]) => `${role}-key:${role}:${secret}`)
    .join(',');
}

/** A POST that must create: answers the body, or throws naming the URL, the status and the problem's detail. */
export async function postCreated(
  client: HttpClient,
  url: string,
  body: unknown,
  as: KeyRole = 'reporter',
): Promise<TestResponse['body']> {
  const response = await client.request('POST', url, { body, as });
  if (response.status !== 201) throw new Error(`${url} answered ${response.status}: ${response.body.detail}`);
  return response.body;
}
