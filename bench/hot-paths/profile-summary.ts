// Where a V8 CPU profile's time went (`BENCH_PROFILE=1 npm run bench` writes the API's under
// bench/results/profiles/): self time by function and by package, and inclusive time of chosen frames.
// Run: node bench/hot-paths/profile-summary.ts <file.cpuprofile> [function-name-substring ...]
//   (node >= 22.6 strips the types; else through ts-node like the other benchmark scripts)
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, ...inclusive] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) =>
  ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName),
);
const where = (n: Node) => {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  return (
    pkg ??
    (url.includes('/dist/') ? 'app (dist)' : url.startsWith('node:') ? 'node core' : url || n.callFrame.functionName)
  );
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const fns = new Map<string, number>();
const pkgs = new Map<string, number>();
for (const [id, ms] of self) {
  const n = byId.get(id)!;
  add(
    fns,
    `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/dist\//, 'dist/')}:${n.callFrame.lineNumber + 1}`,
    ms,
  );
  add(pkgs, where(n), ms);
}
const pct = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)} %  ${ms.toFixed(0).padStart(7)} ms`;
console.log(
  `total ${total.toFixed(0)} ms; ${idle.map(([id, ms]) => `${byId.get(id)!.callFrame.functionName} ${pct(ms)}`).join(', ')}\n`,
);
console.log('## self time by package\n');
for (const [k, v] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(v)}  ${k}`);
console.log('\n## self time by function\n');
for (const [k, v] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${pct(v)}  ${k}`);
for (const name of inclusive) {
  // inclusive: samples with a frame of that name on their stack (counted once per sample)
  let ms = 0;
  profile.samples.forEach((id, i) => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)!.callFrame.functionName.includes(name)) {
        ms += (profile.timeDeltas[i] ?? 0) / 1000;
        break;
      }
    }
  });
  console.log(`\ninclusive ${name}: ${pct(ms)}`);
}
