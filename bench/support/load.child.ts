import autocannon from 'autocannon';
import { LoadFigures } from '../report/results';
import { percentile } from './percentile';

export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Picks the path of each request; the url's own path otherwise. */
  nextPath?: () => string;
}

/** autocannon emits (client, status, bytes, ms) although its typings omit the client. */
type ResponseListener = (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void;

/**
 * One autocannon run. Latencies are kept per response (autocannon's own histogram rounds to whole
 * milliseconds), and only 2xx answers count towards requests/s and the percentiles.
 */
export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const latencies: number[] = [];
  let finish: (result: autocannon.Result) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => ([finish, fail] = [resolve, reject]));
  const instance = autocannon(
    {
      url: spec.url,
      connections: spec.connections,
      duration: spec.seconds,
      method: spec.method,
      headers: spec.headers,
      body: spec.body,
      requests: spec.nextPath ? [{ setupRequest: (request) => ({ ...request, path: spec.nextPath?.() }) }] : undefined,
    },
    (error, result) => (error ? fail(error instanceof Error ? error : new Error(String(error))) : finish(result)),
  );
  const onResponse: ResponseListener = (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
  };
  instance.on('response', onResponse as never);
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests: latencies.length + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A short run whose figures are thrown away, so JIT warm-up and first-connection costs stay out. */
export async function warmUp(spec: LoadSpec, seconds: number): Promise<void> {
  if (seconds > 0) await runLoad({ ...spec, seconds });
}
