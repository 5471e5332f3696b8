import { KEYS, RequestOptions, TestResponse } from './test-app';

/** Anything the tests can speak HTTP to: the in-process test app or a server running as a child process. */
export interface HttpClient {
  request(method: string, url: string, options?: RequestOptions): Promise<TestResponse>;
}

/** The same requests as the in-process test app sends, against any base URL, with the role's key. */
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
      const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
      return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
    },
  };
}

/** The API_KEYS value that gives every role of `KEYS` its key, as the in-process test app configures it. */
export function apiKeysVariable(): string {
  return Object.entries(KEYS)
    .map(([role, secret]) => `${role}-key:${role}:${secret}`)
    .join(',');
}
