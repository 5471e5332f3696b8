import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { toolsFirst, TOOLS_DIR } from '../../support/doc-examples/shell-session';

interface Run {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command line in bash with the suite's tools first on the PATH, as the doc examples run. */
function bash(command: string, input = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-c', command], {
      env: { PATH: toolsFirst(process.env.PATH) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
    // A command that reads no input may be gone before the input is written.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe("the doc examples' curl", () => {
  let server: http.Server;
  let base: string;
  let received: Received[];
  let liveClosed: Promise<void>;
  let dir: string;

  beforeAll(async () => {
    let closed: () => void;
    liveClosed = new Promise((resolve) => (closed = resolve));
    server = http.createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        if (request.url === '/live') {
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          let id = 0;
          const beat = setInterval(() => response.write(`id: ${++id}\ndata: {}\n\n`), 50);
          response.on('close', () => {
            clearInterval(beat);
            closed();
          });
        } else {
          const status = request.url === '/missing' ? 404 : 201;
          response.writeHead(status, { 'content-type': 'application/json', location: '/v1/parties/jane-roe' });
          response.end('{"id":"jane-roe"}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-curl-'));
  });
  beforeEach(() => (received = []));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is the one in the bin folder', async () => {
    expect((await bash('command -v curl jq')).stdout.split('\n')).toEqual([
      path.join(TOOLS_DIR, 'curl'),
      path.join(TOOLS_DIR, 'jq'),
      '',
    ]);
  });

  it('sends -X, every -H and -d as written, the URL before or after them, and prints the body', async () => {
    const run = await bash(
      `curl -s -X PATCH ${base}/v1/parties/jane-roe -H 'content-type: application/json' -H 'If-Match: "0"' \\
        -d '{ "addAliases":
         ["Jane Roe-Smith"] }'`,
    );
    expect(run).toEqual({ exitCode: 0, stdout: '{"id":"jane-roe"}', stderr: '' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'PATCH',
      url: '/v1/parties/jane-roe',
      headers: { 'content-type': 'application/json', 'if-match': '"0"' },
      body: '{ "addAliases":\n         ["Jane Roe-Smith"] }',
    });
  });

  it('posts -d without -X as a form, several joined with &, and --data-raw keeps a leading @', async () => {
    await bash(`curl -sS ${base}/v1/parties -d a=1 --data b=2 --data-raw @c`);
    expect(received[0]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1&b=2&@c',
    });
  });

  it('takes a value attached to a short option and letters run together (-XPOST, -sN)', async () => {
    await bash(`curl -sN -XPOST -H 'Authorization: Bearer key' ${base}/v1/projections/storylines/rebuild`);
    expect(received[0]).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer key' }, body: '' });
  });

  it('appends -G --data-urlencode to the query, percent-encoded as curl does', async () => {
    await bash(`curl -s -G "${base}/v1/claimreviews?limit=20" --data-urlencode 'asOf=2026-01-28T09:00:00+01:00' \\
      --data-urlencode "q=it's (a) test"`);
    expect(received[0]).toMatchObject({
      method: 'GET',
      url: '/v1/claimreviews?limit=20&asOf=2026-01-28T09%3A00%3A00%2B01%3A00&q=it%27s%20%28a%29%20test',
      body: '',
    });
  });

  it('dumps the status line and headers with -D as curl does, and exits 0 on a 404', async () => {
    const dump = path.join(dir, 'headers');
    const run = await bash(`curl -s -D ${dump} ${base}/missing`);
    expect(run.exitCode).toBe(0);
    const text = fs.readFileSync(dump, 'utf8');
    expect(text).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(text).toContain('\r\nlocation: /v1/parties/jane-roe\r\n');
    expect(text).toMatch(/\r\n\r\n$/);
  });

  it('streams a live answer, so piped into head it ends once head has its lines', async () => {
    const run = await bash(`curl -sN ${base}/live | head -n 3; echo "curl exited \${PIPESTATUS[0]}"`);
    expect(run.stdout).toBe('id: 1\ndata: {}\n\ncurl exited 23\n');
    expect(run.stderr).toBe('');
    await liveClosed;
  });

  it.each([
    ['an option it does not know', `--compressed`, 'option --compressed: is unknown'],
    ['data from a file', `-d @body.json`, 'option -d: reading data from a file (@file) is unknown'],
    ['a header without a value', `-H 'Accept:'`, `header "Accept:": only 'Name: value' is known`],
    ['a missing option value', `-H`, 'option -H: requires parameter'],
    [
      'a body with GET',
      `-X GET -d a=1`,
      'data with -X GET is unknown: fetch sends no body with it (-G puts data in the query)',
    ],
  ])('refuses %s loudly, even with -s, and sends nothing', async (_case, options, message) => {
    const run = await bash(`curl -s ${base}/v1/parties ${options}`);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`curl: ${message}\n`);
    expect(run.stderr).toContain(path.join(TOOLS_DIR, 'curl'));
    expect(received).toEqual([]);
  });

  it('exits 7 with curl’s words when nothing listens, silent under -s unless -S', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await bash(`curl -s http://127.0.0.1:${port}/health`)).toEqual({ exitCode: 7, stdout: '', stderr: '' });
    expect(await bash(`curl -sS http://127.0.0.1:${port}/health`)).toEqual({
      exitCode: 7,
      stdout: '',
      stderr: `curl: (7) Failed to connect to 127.0.0.1 port ${port}: Couldn't connect to server\n`,
    });
  });
});

describe("the doc examples' jq", () => {
  const input = '{"status":"disputed","supports":[{"independent":false},{"independent":true,"counts":true}]}';

  it('runs real jq filters, compact with -c, each output on its own line', async () => {
    const run = await bash(
      `jq -c '{status, support: (.supports[-1] | {independent, counts})}, (.supports[] | .independent)'`,
      input,
    );
    expect(run).toEqual({
      exitCode: 0,
      stdout: '{"status":"disputed","support":{"independent":true,"counts":true}}\nfalse\ntrue\n',
      stderr: '',
    });
  });

  it('pretty-prints without options, prints raw strings with -r, and needs no input with -n', async () => {
    expect((await bash(`jq '{status}'`, input)).stdout).toBe('{\n  "status": "disputed"\n}\n');
    expect((await bash(`jq -r .status`, input)).stdout).toBe('disputed\n');
    expect((await bash(`jq -rn --arg who Größtenteils '$who'`)).stdout).toBe('Größtenteils\n');
  });

  it('answers a bad filter as jq does: its message and exit code 3', async () => {
    const run = await bash(`jq '.supports['`, input);
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toContain('jq: error: syntax error');
  });

  it('refuses an option it does not know, naming itself', async () => {
    const run = await bash(`jq --slurp .`, input);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('jq: --slurp: unknown option');
    expect(run.stderr).toContain(path.join(TOOLS_DIR, 'jq'));
  });
});
