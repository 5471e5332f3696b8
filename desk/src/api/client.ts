import { authorizationHeader } from '../auth/api-key';
import { Problem } from './types';

/** An answer other than 2xx, with the problem+json the API sent (or what could be made of it). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

type QueryValue = string | number | boolean | undefined;

const unauthorizedListeners = new Set<() => void>();

/** Any 401 means the key is missing or no longer valid: the page asks for one again. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function pathWithQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export const segment = (id: string) => encodeURIComponent(id);

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...authorizationHeader(),
    ...options.headers,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(pathWithQuery(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
    cache: 'no-store',
  });
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401) for (const listener of unauthorizedListeners) listener();
    throw new ApiError(problem);
  }
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const title = error.problem.title ? `${error.problem.title}: ` : '';
    return `${title}${error.problem.detail ?? ''} (HTTP ${error.status})`;
  }
  return error instanceof Error ? error.message : String(error);
}
