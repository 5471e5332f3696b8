import autocannon from 'autocannon';
import { LoadFigures } from '../report/results';
import { LoadSpec } from './load';
import { percentile } from './percentile';

/** autocannon emits (client, status, bytes, ms) although its typings omit the client. */
type ResponseListener = (client: unknown, statusCode: number, bytes: number, responseTimeMs: number) => void;

/**
 * One autocannon run. Latencies are kept per response (autocannon's own histogram rounds to whole
 * milliseconds), and only 2xx answers count towards requests/s and the percentiles.
 */
async function measureLoad(spec: LoadSpec): Promise<LoadFigures> {
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
      // Static requests are built once per connection; a `setupRequest` would rebuild each one.
      requests: spec.paths?.map((path) => ({ path })),
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

/** Runs in a process of its own: the load given as JSON in the first argument, then one JSON line with its figures. */
measureLoad(JSON.parse(process.argv[2]) as LoadSpec)
  .then((figures) => process.stdout.write(`${JSON.stringify({ done: true, figures })}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
