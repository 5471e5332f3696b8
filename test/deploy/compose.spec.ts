import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The Compose implementation on this machine: the standalone tool, else the Docker CLI plugin. */
function composeCommand(): string[] {
  if (spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0) return ['docker-compose'];
  if (spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0) return ['docker', 'compose'];
  throw new Error('neither docker-compose nor `docker compose` is installed; .ci/run installs docker-compose');
}

/** Runs Compose on a file with only PATH and HOME set, so the defaults in the file are what is checked. */
function compose(file: string, ...args: string[]) {
  const [command, ...prefix] = composeCommand();
  const result = spawnSync(command, [...prefix, '-f', file, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? os.homedir() },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function validConfig(file: string, ...args: string[]): string {
  const checked = compose(file, ...args, 'config', '-q');
  expect({ file, status: checked.status, output: checked.output }).toEqual({ file, status: 0, output: '' });
  const printed = compose(file, ...args, 'config');
  expect(printed.status).toBe(0);
  return printed.output;
}

describe('docker-compose.yml', () => {
  const file = path.join(root, 'docker-compose.yml');

  it('is a valid Compose file with KurrentDB and the service', () => {
    const config = validConfig(file);
    expect(compose(file, 'config', '--services').output.split('\n')).toEqual(
      expect.arrayContaining(['app', 'kurrentdb']),
    );
    expect(config).toMatch(/EVENT_STORE: kurrentdb/);
    expect(config).toMatch(/KURRENTDB_CONNECTION_STRING: kurrentdb:\/\/kurrentdb:2113\?tls=false/);
    expect(config).toMatch(/HOST: 0\.0\.0\.0/);
    expect(config).toMatch(/READ_MODEL_PATH: \/app\/data\//);
    expect(config).toMatch(/condition: service_healthy/);
    // Without keys the service would serve on 127.0.0.1 inside its container, out of reach.
    expect(config).toMatch(/API_KEYS: \S+:admin:\S+/);
  });

  it('has a test profile that runs the contract suite against the same KurrentDB', () => {
    const config = validConfig(file, '--profile', 'test');
    // Only in that profile: a plain `up` leaves it out.
    expect(config).toMatch(/contract-tests:\n(?:\s+.*\n)*?\s+profiles:\n\s+- test\n/);
    expect(config).toMatch(/target: test\n/);
  });

  it('keeps data in named volumes', () => {
    expect(compose(file, 'config', '--volumes').output.split('\n').filter(Boolean).sort()).toEqual([
      'kurrentdb-data',
      'kurrentdb-logs',
      'read-models',
    ]);
  });
});

describe('docker-compose.cluster.yml', () => {
  const file = path.join(root, 'docker-compose.cluster.yml');

  it('is a valid Compose file with three KurrentDB nodes and the service on a cluster connection string', () => {
    const config = validConfig(file);
    expect(compose(file, 'config', '--services').output.split('\n').filter(Boolean).sort()).toEqual([
      'app',
      'kurrentdb-1',
      'kurrentdb-2',
      'kurrentdb-3',
    ]);
    expect(config.match(/KURRENTDB_CLUSTER_SIZE: 3/g)).toHaveLength(3);
    expect(config.match(/KURRENTDB_GOSSIP_SEED: /g)).toHaveLength(3);
    expect(config).toMatch(
      /KURRENTDB_CONNECTION_STRING: kurrentdb:\/\/kurrentdb-1:2113,kurrentdb-2:2113,kurrentdb-3:2113\?tls=false/,
    );
  });
});

describe('the Compose check itself', () => {
  it('fails on a broken file, so a passing check means something', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-compose-'));
    const broken = path.join(directory, 'docker-compose.yml');
    fs.writeFileSync(
      broken,
      'services:\n  app:\n    image: x\n    depends_on:\n      db:\n        condition: sometimes\n',
    );
    try {
      expect(compose(broken, 'config', '-q').status).not.toBe(0);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const ignored = fs
    .readFileSync(path.join(root, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'));

  it('copies only paths that exist and that .dockerignore lets into the build context', () => {
    const sources = dockerfile
      .split('\n')
      .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
      .flatMap((line) => line.trim().split(/\s+/).slice(1, -1));
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      expect({ source, exists: fs.existsSync(path.join(root, source)) }).toEqual({ source, exists: true });
      const excludedBy = ignored.find((pattern) => pattern === source || source.startsWith(`${pattern}/`));
      expect({ source, excludedBy }).toEqual({ source, excludedBy: undefined });
    }
  });

  it('runs the compiled service on node 20 as a non-root user', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^\nFROM node:20-slim AS runtime/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    expect(runtime).not.toMatch(/npm (ci|install)/);
  });
});
