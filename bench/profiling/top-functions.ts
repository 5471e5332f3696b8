import fs from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile this summary reads. */
interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  selfMs: number;
}

const where = (url: string) => {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  return dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
};

/** Self time per function and per package/file, from one profile. */
export function summarise(profile: CpuProfile): { total: number; functions: Row[]; files: Row[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfByNode) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += ms;
    const file = frame.url ? where(frame.url) : `(${frame.functionName || 'native'})`;
    const name = `${frame.functionName || '(anonymous)'} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const group =
      file.startsWith('dist/') || !frame.url
        ? file
        : file
            .split('/')
            .slice(0, file.startsWith('@') ? 2 : 1)
            .join('/');
    files.set(group, (files.get(group) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs);
  return { total, functions: sorted(functions), files: sorted(files) };
}

function print(file: string, top: number): void {
  const { total, functions, files } = summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  const line = (row: Row) =>
    `  ${((100 * row.selfMs) / total).toFixed(1).padStart(5)}%  ${row.selfMs.toFixed(0).padStart(7)} ms  ${row.name}`;
  process.stdout.write(`${path.basename(file)}: ${total.toFixed(0)} ms sampled\n  top functions by self time\n`);
  process.stdout.write(`${functions.slice(0, top).map(line).join('\n')}\n  by package or file\n`);
  process.stdout.write(`${files.slice(0, top).map(line).join('\n')}\n\n`);
}

// `node dist/bench/bench/profiling/top-functions.js FILE.cpuprofile… [--top N]`
if (require.main === module) {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 25;
  for (const file of args.filter((arg) => arg.endsWith('.cpuprofile'))) print(file, top);
}
