// Type-checks each process's project on its own, so that src/shared is checked with no DOM and no Node
// types, the renderer with no Node types, and so on (docs/architecture.md, "Processes"). `tsc -b` would
// need composite projects that emit declarations; nothing here emits, so each is checked with `tsc -p`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [
  'src/shared',
  'src/sync',
  'src/backend',
  'src/devices',
  'src/main',
  'src/preload',
  'src/renderer',
  'src/host',
  'hub',
  'tsconfig.test.json',
];

/** Checks one project; resolves with its output so parallel runs do not interleave their errors. */
function check(project) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--pretty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ project, ok: code === 0, output, ms: Date.now() - started }));
  });
}

// Two at a time: one per core of the smallest machine this runs on.
const queue = projects.filter((p) => existsSync(p));
const results = [];
async function worker() {
  while (queue.length > 0) results.push(await check(queue.shift()));
}
await Promise.all([worker(), worker()]);

let failed = 0;
for (const r of results) {
  if (!r.ok) failed += 1;
  if (r.output.trim()) process.stdout.write(r.output);
  console.log(`typecheck ${r.project}: ${r.ok ? 'ok' : 'FAILED'} (${r.ms} ms)`);
}
process.exit(failed === 0 ? 0 : 1);
