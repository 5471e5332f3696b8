#!/usr/bin/env node
// `npm run measure:capture [-- --split train --show 10]`: the capture yardstick (quote-eval.mjs)
// against the running service. The annotated articles stay outside this repository (their licence
// keeps them out): they are looked for in CAPTURE_DATA, else in ../shared/capture beside the project
// (or beside the folder of worktrees the project is checked out in).
const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CANDIDATES = process.env.CAPTURE_DATA ? [process.env.CAPTURE_DATA] : ['../shared/capture', '../../shared/capture'];
const DATA = CANDIDATES.map((candidate) => path.resolve(ROOT, candidate)).find((dir) => fs.existsSync(dir)) ?? path.resolve(ROOT, CANDIDATES[0]);
const READY_DEADLINE_MS = 60_000;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl, child) {
  const deadline = Date.now() + READY_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the service was not ready within ${READY_DEADLINE_MS / 1000} s`);
}

async function main() {
  const split = option('split', 'dev');
  const data = path.join(DATA, `${split}.jsonl`);
  const yardstick = path.join(DATA, 'quote-eval.mjs');
  if (!fs.existsSync(data) || !fs.existsSync(yardstick)) {
    console.log(`measure:capture: no annotated data at ${DATA} (${split}.jsonl and quote-eval.mjs); nothing measured.`);
    console.log('The data is kept outside the repository by its licence; point CAPTURE_DATA at a copy to measure.');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-capture-'));
  const key = crypto.randomBytes(18).toString('base64url');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: path.join(dir, 'factline.db'),
      API_KEYS: `measure:reporter:${key}`,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady(baseUrl, service);
    console.log(`measure:capture: the ${split} split against the service at ${baseUrl}`);
    const extra = ['show', 'limit'].flatMap((name) => (option(name) ? [`--${name}`, option(name)] : []));
    const args = [yardstick, '--jsonl', data, '--api', baseUrl, '--key', key, '--path', '/v1/extractions'];
    args.push('--save', path.join(dir, 'predictions.json'), ...extra);
    const code = await new Promise((resolve) => {
      spawn(process.execPath, args, { stdio: 'inherit' }).on('exit', resolve);
    });
    process.exitCode = code ?? 1;
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => (service.exitCode !== null ? resolve() : service.once('exit', resolve)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`measure:capture: ${error.message}`);
  process.exitCode = 1;
});
