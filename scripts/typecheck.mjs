// Type-checks each process's project on its own, so that src/shared is checked with no DOM and no Node
// types, the renderer with no Node types, and so on (DESIGN.md §5). `tsc -b` would need composite
// projects that emit declarations; nothing here emits, so each project is checked with `tsc -p`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const projects = [
  'src/shared',
  'src/sync',
  'src/main',
  'src/preload',
  'src/renderer',
  'src/host',
  'hub',
  'tsconfig.test.json',
];

let failed = 0;
for (const project of projects) {
  if (!existsSync(project)) continue;
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--pretty'], {
    stdio: 'inherit',
  });
  const ok = result.status === 0;
  if (!ok) failed += 1;
  console.log(`typecheck ${project}: ${ok ? 'ok' : 'FAILED'} (${Date.now() - started} ms)`);
}
process.exit(failed === 0 ? 0 : 1);
