import fs from 'node:fs';
import path from 'node:path';
import { checkCompose, ComposeService, loadCompose } from './compose-file';

const root = path.resolve(__dirname, '../..');

// Checked without the docker-compose binary (see compose-file.ts); .ci/run also runs
// `docker-compose config -q` on both files where the binary happens to be installed.

describe('docker-compose.yml', () => {
  const compose = loadCompose(path.join(root, 'docker-compose.yml'));
  const { app, kurrentdb } = compose.services;

  it('is a valid Compose file with KurrentDB and the service', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['app', 'kurrentdb']));
    expect(app.environment).toMatchObject({
      EVENT_STORE: 'kurrentdb',
      KURRENTDB_CONNECTION_STRING: 'kurrentdb://kurrentdb:2113?tls=false',
      HOST: '0.0.0.0',
      READ_MODEL_PATH: expect.stringMatching(/^\/app\/data\//),
    });
    // Without keys the service would serve on 127.0.0.1 inside its container, out of reach.
    expect(app.environment?.API_KEYS).toMatch(/^\S+:admin:\S+$/);
    expect(app.depends_on).toEqual({ kurrentdb: { condition: 'service_healthy' } });
    expect(kurrentdb.healthcheck?.test.join(' ')).toMatch(/health\/live/);
  });

  it('has a test profile that runs the contract suite against the same KurrentDB', () => {
    const tests = compose.services['contract-tests'];
    // Only in that profile: a plain `up` leaves it out.
    expect(tests.profiles).toEqual(['test']);
    expect(tests.build?.target).toBe('test');
    expect(tests.environment?.KURRENTDB_CONNECTION_STRING).toBe('kurrentdb://kurrentdb:2113?tls=false');
    const unprofiled = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    expect(unprofiled.map(([name]) => name).sort()).toEqual(['app', 'kurrentdb']);
  });

  it('keeps data in named volumes', () => {
    expect(Object.keys(compose.volumes ?? {}).sort()).toEqual(['kurrentdb-data', 'kurrentdb-logs', 'read-models']);
    const named = (service: ComposeService) => (service.volumes ?? []).map((volume) => volume.split(':')[0]);
    expect(named(app)).toEqual(['read-models']);
    expect(named(kurrentdb).sort()).toEqual(['kurrentdb-data', 'kurrentdb-logs']);
  });
});

describe('docker-compose.cluster.yml', () => {
  const compose = loadCompose(path.join(root, 'docker-compose.cluster.yml'));
  const nodes = ['kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3'];

  const cluster = 'kurrentdb://kurrentdb-1:2113,kurrentdb-2:2113,kurrentdb-3:2113?tls=false';

  it('is a valid Compose file with three KurrentDB nodes and the service on a cluster connection string', () => {
    const unprofiled = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    expect(unprofiled.map(([name]) => name).sort()).toEqual(['app', ...nodes]);
    for (const node of nodes) {
      const { environment } = compose.services[node];
      expect({ node, size: environment?.KURRENTDB_CLUSTER_SIZE }).toEqual({ node, size: 3 });
      const seeds = String(environment?.KURRENTDB_GOSSIP_SEED).split(',');
      expect({ node, seeds: seeds.length }).toEqual({ node, seeds: 2 });
    }
    const { app } = compose.services;
    expect(app.environment?.KURRENTDB_CONNECTION_STRING).toMatch(
      /^kurrentdb:\/\/kurrentdb-1:2113,kurrentdb-2:2113,kurrentdb-3:2113\?tls=false/,
    );
    expect(app.depends_on).toEqual(Object.fromEntries(nodes.map((node) => [node, { condition: 'service_healthy' }])));
  });

  it('has a test profile that runs the contract suite and the failover test against the cluster, once it is healthy', () => {
    const tests = ['contract-tests', 'failover-test'];
    expect(Object.keys(compose.services).sort()).toEqual(['app', ...tests, ...nodes].sort());
    for (const name of tests) {
      const service = compose.services[name];
      expect({ name, profiles: service.profiles, target: service.build?.target }).toEqual({
        name,
        profiles: ['test'],
        target: 'test',
      });
      expect(String(service.environment?.KURRENTDB_CONNECTION_STRING)).toMatch(new RegExp(`^${escape(cluster)}`));
      expect(service.depends_on).toEqual(
        Object.fromEntries(nodes.map((node) => [node, { condition: 'service_healthy' }])),
      );
      expect(service.networks).toEqual(['kurrentdb-cluster']);
    }
    const failover = compose.services['failover-test'];
    // The failover test is no spec: `npm test` never picks it up, this command does.
    expect(failover.command).toEqual(['npx', 'jest', '--testMatch', '**/test/cluster/*.cluster.ts', '--runInBand']);
    expect(fs.readdirSync(path.join(root, 'test/cluster'))).toContain('failover.cluster.ts');
    expect(failover.environment?.KURRENTDB_NODES).toBe(nodes.map((node) => `${node}:2113`).join(','));
  });
});

describe('the KurrentDB image', () => {
  it.each(['docker-compose.yml', 'docker-compose.cluster.yml'])('%s pins a version, not latest', (file) => {
    const { services } = loadCompose(path.join(root, file));
    const images = Object.values(services).flatMap((service) =>
      service.image?.startsWith('kurrentplatform/kurrentdb') ? [service.image] : [],
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/^kurrentplatform\/kurrentdb:\d+\.\d+\.\d+$/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the Compose check itself', () => {
  it('fails on a broken file, so a passing check means something', () => {
    const broken = 'services:\n  app:\n    image: x\n    depends_on:\n      db:\n        condition: sometimes\n';
    const check = checkCompose(broken);
    expect(check.valid).toBe(false);
    expect(check.errors.join('\n')).toMatch(/\/services\/app\/depends_on/);
  });

  it('fails on keys Compose does not know and on text that is not YAML', () => {
    expect(checkCompose('services:\n  app:\n    image: x\n    restart_policy: always\n').valid).toBe(false);
    expect(checkCompose('services: [\n').valid).toBe(false);
    expect(checkCompose('services:\n  app:\n    image: x\n').valid).toBe(true);
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
