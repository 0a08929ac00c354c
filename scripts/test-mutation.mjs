// `npm run test:mutation`: StrykerJS over src/shared, src/sync and hub/src/domain, one folder after the
// other, each with its own config (stryker/<name>.config.mjs), break threshold and reports in
// reports/mutation/ (<name>.html, <name>.json, <name>.txt: the clear-text report). Not part of `npm test`.
//   npm run test:mutation                       all three folders
//   npm run test:mutation -- shared sync        some of them
//   npm run test:mutation -- shared --mutate src/shared/domain/pricing.ts --force
// Arguments that are not folder names go to Stryker as they are (e.g. `--force` re-tests every mutant
// instead of reusing the incremental file, `--mutate` narrows the files).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const folders = ['shared', 'sync', 'hub-domain'];
const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const reportDir = path.join(root, 'reports/mutation');

const args = process.argv.slice(2);
const chosen = args.filter((a) => folders.includes(a));
const passThrough = args.filter((a) => !folders.includes(a));
const unknown = passThrough.filter((a) => /^[a-z][\w-]*$/.test(a) && !isOptionValue(a));
if (unknown.length > 0) {
  console.error(`test:mutation: unknown folder(s) ${unknown.join(', ')}; choose from ${folders.join(', ')}`);
  process.exit(2);
}

/** A bare word right after an option (`--logLevel debug`) is that option's value, not a folder name. */
function isOptionValue(word) {
  const i = passThrough.indexOf(word);
  return i > 0 && passThrough[i - 1].startsWith('--');
}

/** Strips colour codes so the clear-text file reads as text. */
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

/** Runs Stryker on one folder, echoing its output and keeping a copy in reports/mutation/<name>.txt. */
function run(name) {
  return new Promise((resolve) => {
    mkdirSync(reportDir, { recursive: true });
    const log = createWriteStream(path.join(reportDir, `${name}.txt`));
    const child = spawn(process.execPath, [stryker, 'run', `stryker/${name}.config.mjs`, ...passThrough], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TILL_TEST_DATABASES: 'pglite' },
    });
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      log.write(plain(String(d)));
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}

/** The mutation score of a JSON report: detected / (detected + undetected), as Stryker counts it. */
function score(name) {
  const file = path.join(reportDir, `${name}.json`);
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = {};
  for (const f of Object.values(report.files)) {
    for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { score: valid === 0 ? 100 : (100 * detected) / valid, counts };
}

const results = [];
for (const name of chosen.length > 0 ? chosen : folders) {
  results.push({ name, code: await run(name) });
}

console.log('\nMutation scores (reports/mutation/<folder>.html):');
for (const { name, code } of results) {
  const s = score(name);
  const figures = s ? `${s.score.toFixed(2)} % ${JSON.stringify(s.counts)}` : 'no report';
  console.log(`  ${name.padEnd(11)} ${code === 0 ? 'ok    ' : 'FAILED'} ${figures}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
