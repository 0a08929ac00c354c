// `npm run bench`: runs every benchmark in turn (each prints its table and writes JSON to bench/results/).
// Benchmarks are never part of `npm test`: they measure, they do not assert.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const hub = JSON.parse(readFileSync(new URL('../hub/package.json', import.meta.url), 'utf8'));

const runs = [];
if (hub.scripts?.['bench:hub']) runs.push(['hub', ['run', 'bench:hub', '--workspace', 'hub']]);
if (root.scripts?.['bench:sync']) runs.push(['sync', ['run', 'bench:sync']]);
if (root.scripts?.['bench:pin']) runs.push(['pin', ['run', 'bench:pin']]);
if (root.scripts?.['bench:register']) runs.push(['register', ['run', 'bench:register']]);
if (root.scripts?.['bench:devices']) runs.push(['devices', ['run', 'bench:devices']]);
if (root.scripts?.['bench:boris']) runs.push(['boris', ['run', 'bench:boris']]);
if (root.scripts?.['bench:bopis']) runs.push(['bopis', ['run', 'bench:bopis']]);
if (root.scripts?.['bench:peer']) runs.push(['peer', ['run', 'bench:peer']]);
if (root.scripts?.['bench:scale']) runs.push(['scale', ['run', 'bench:scale']]);

let failed = 0;
for (const [name, args] of runs) {
  console.log(`\n=== bench: ${name} ===`);
  const result = spawnSync('npm', args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench ${name} failed (exit ${result.status})`);
  }
}
process.exit(failed === 0 ? 0 : 1);
