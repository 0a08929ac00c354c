// `npm run test:mutation`: StrykerJS over src/shared, src/sync and hub/src/domain, one folder after the
// other, each with its own config (stryker/<name>.config.mjs), break threshold and reports in
// reports/mutation/ (<name>.html, <name>.json, <name>.txt: the clear-text report). Not part of `npm test`.
//   npm run test:mutation                       all three folders
//   npm run test:mutation -- shared sync        some of them
//   npm run test:mutation -- shared --mutate src/shared/domain/pricing.ts --force
//   npm run test:mutation -- sync --by-file     one Stryker run per source file (see below)
//   npm run test:mutation -- sync --by-file --missing   only the files without a report yet
//   npm run test:mutation -- sync --by-file --mutate src/sync/pull-pages.ts,src/sync/push-handler.ts
//   npm run test:mutation -- sync --by-file --summary    runs nothing: sums the reports there are
//   npm run test:mutation -- hub-domain --by-file --batch 8   eight files per Stryker run (see below)
// Arguments that are not folder names go to Stryker as they are (e.g. `--force` re-tests every mutant
// instead of reusing the incremental file, `--mutate` narrows the files).
//
// --by-file: a folder whose tests start hubs takes hours, and Stryker writes its reports and incremental
// file only when a run ends, so a run stopped at 90 % keeps nothing. By file, each source file gets its own
// run and its own reports under reports/mutation/<name>/; a stopped run keeps every finished file, and the
// folder's score is the sum of the files' (written to reports/mutation/<name>/summary.json). The cost is a
// start-up (type checker, dry run of the file's tests) per file. `--batch <n>` runs n files per Stryker run
// instead: one start-up per batch, for folders whose files all share the same minutes-long dry run (every
// file of hub/src/domain is reached by the whole hub suite); a stopped run keeps every finished batch.
import { spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { FILE_ENV, fileReportPrefix } from '../stryker/base.mjs';

const root = path.resolve(import.meta.dirname, '..');
const folders = ['shared', 'sync', 'hub-domain'];
const stryker = path.join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');
const reportDir = path.join(root, 'reports/mutation');
const ownFlags = ['--by-file', '--missing', '--summary'];

const args = process.argv.slice(2);
const chosen = args.filter((a) => folders.includes(a));
const byFile = args.includes('--by-file');
const missingOnly = args.includes('--missing');
const summaryOnly = args.includes('--summary');
const passThrough = args.filter((a) => !folders.includes(a) && !ownFlags.includes(a));
// `--batch <n>`: files per Stryker run in a by-file run (default 1).
const batchAt = passThrough.indexOf('--batch');
const batchSize = batchAt >= 0 ? Number(passThrough.splice(batchAt, 2)[1]) : 1;
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('test:mutation: --batch takes a whole number of files, 1 or more');
  process.exit(2);
}
const unknown = passThrough.filter((a) => /^[a-z][\w-]*$/.test(a) && !isOptionValue(a));
if (unknown.length > 0) {
  console.error(`test:mutation: unknown folder(s) ${unknown.join(', ')}; choose from ${folders.join(', ')}`);
  process.exit(2);
}
// With --by-file, `--mutate <globs>` picks which of the folder's files to run, in the order given (the
// summary still covers the whole folder); Stryker itself is then given one file at a time.
const mutateAt = passThrough.indexOf('--mutate');
const pickedGlobs = byFile && mutateAt >= 0 ? (passThrough.splice(mutateAt, 2)[1] ?? '').split(',') : null;
if ((missingOnly || summaryOnly || batchAt >= 0) && !byFile) {
  console.error('test:mutation: --missing, --summary and --batch only apply with --by-file');
  process.exit(2);
}

/** A bare word right after an option (`--logLevel debug`) is that option's value, not a folder name. */
function isOptionValue(word) {
  const i = passThrough.indexOf(word);
  return i > 0 && passThrough[i - 1].startsWith('--');
}

/** Strips colour codes so the clear-text file reads as text. */
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

let current = null;
// Ctrl-C stops the Stryker run in progress too; finished by-file reports stay.
process.on('SIGINT', () => {
  current?.kill('SIGINT');
  process.exit(130);
});

/**
 * Runs Stryker on one folder (or some files of it), echoing its output and keeping a copy in `<prefix>.txt`.
 * @param {string} name the folder
 * @param {string[]} [files] the files of a by-file run (one, or a batch)
 * @returns {Promise<number>} Stryker's exit code
 */
function run(name, files) {
  const prefix = path.join(root, files ? fileReportPrefix(name, files) : `reports/mutation/${name}`);
  mkdirSync(path.dirname(prefix), { recursive: true });
  // The files a by-file run was given: Stryker's report leaves out those without a single mutant.
  if (files) writeFileSync(`${prefix}.files`, files.join('\n') + '\n');
  return new Promise((resolve) => {
    const log = createWriteStream(`${prefix}.txt`);
    const child = spawn(process.execPath, [stryker, 'run', `stryker/${name}.config.mjs`, ...passThrough], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TILL_TEST_DATABASES: 'pglite',
        ...(files ? { [FILE_ENV]: files.join(',') } : {}),
      },
    });
    current = child;
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      log.write(plain(String(d)));
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => log.end(() => resolve(code ?? 1)));
  });
}

/** Mutant counts by status in a JSON report (mutation-testing-elements schema), or null without one. */
function counts(jsonFile) {
  if (!existsSync(jsonFile)) return null;
  const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  return Object.values(report.files).reduce((tally, f) => add(tally, tallyOf(f.mutants)), {});
}

/** Mutant counts by status of one file's mutants. */
function tallyOf(mutants) {
  const tally = {};
  for (const m of mutants) tally[m.status] = (tally[m.status] ?? 0) + 1;
  return tally;
}

/**
 * Each file's counts from the newest by-file report that covers it (a file's own report, or a batch's), read
 * from every JSON report in reports/mutation/<name>/. A file the run was given (`<prefix>.files`) that is
 * not in its report had no mutant at all: it gets empty counts, so that it is measured, not missing.
 * @returns {Map<string, object>} counts by file path relative to the repository root
 */
function latestReports(name) {
  const dir = path.join(reportDir, name);
  if (!existsSync(dir)) return new Map();
  const reports = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'summary.json' && !f.endsWith('-incremental.json'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  const byFile = new Map();
  for (const jsonFile of reports) {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    const given = jsonFile.replace(/\.json$/, '.files');
    if (existsSync(given)) {
      for (const file of readFileSync(given, 'utf8').split('\n').filter(Boolean)) byFile.set(file, {});
    }
    for (const [file, f] of Object.entries(report.files)) {
      byFile.set(path.relative(root, path.resolve(root, file)).split(path.sep).join('/'), tallyOf(f.mutants));
    }
  }
  return byFile;
}

/**
 * The mutation score of some counts: detected / (detected + undetected), as Stryker counts it; null when no
 * mutant was scored (all ignored or not compiling).
 */
function score(tally) {
  const detected = (tally.Killed ?? 0) + (tally.Timeout ?? 0);
  const valid = detected + (tally.Survived ?? 0) + (tally.NoCoverage ?? 0);
  return valid === 0 ? null : (100 * detected) / valid;
}

/** A score as printed: two decimals and a percent sign, or `n/a` when nothing was scored. */
const shown = (value) => (value === null ? '   n/a  ' : `${value.toFixed(2).padStart(6)} %`);

/** Adds one tally into another. */
function add(into, tally) {
  for (const [status, n] of Object.entries(tally)) into[status] = (into[status] ?? 0) + n;
  return into;
}

/** A folder's config as written (no by-file override): its mutate globs and thresholds. */
async function folderOptions(name) {
  const { default: config } = await import(`../stryker/${name}.config.mjs`);
  return config;
}

/**
 * Runs a folder file by file, then sums the files' reports into the folder's score.
 * @returns {Promise<{ code: number, tally: object | null, missing: string[] }>}
 */
async function runByFile(name) {
  const config = await folderOptions(name);
  const files = globSync(config.mutate, { cwd: root }).sort();
  const toRun = summaryOnly
    ? []
    : pickedGlobs
      ? [...new Set(pickedGlobs.flatMap((g) => globSync(g, { cwd: root }).filter((f) => files.includes(f))))]
      : files;
  let failed = 0;
  const pending = missingOnly ? toRun.filter((file) => !latestReports(name).has(file)) : toRun;
  for (let i = 0; i < pending.length; i += batchSize) {
    const batch = pending.slice(i, i + batchSize);
    console.log(`\n=== ${name} ${i + 1}-${i + batch.length}/${pending.length}: ${batch.join(', ')}`);
    if ((await run(name, batch)) !== 0) failed += 1;
  }
  const reports = latestReports(name);
  const perFile = {};
  const tally = {};
  const missing = [];
  for (const file of files) {
    const c = reports.get(file);
    if (!c) {
      missing.push(file);
      continue;
    }
    add(tally, c);
    const value = score(c);
    perFile[file] = { score: value === null ? null : Number(value.toFixed(2)), counts: c };
  }
  const sum = score(tally);
  const total = sum === null ? null : Number(sum.toFixed(2));
  mkdirSync(path.join(reportDir, name), { recursive: true });
  writeFileSync(
    path.join(reportDir, name, 'summary.json'),
    JSON.stringify({ folder: name, score: total, counts: tally, missing, files: perFile }, null, 2) + '\n',
  );
  console.log(`\n${name}, file by file:`);
  for (const [file, r] of Object.entries(perFile)) console.log(`  ${shown(r.score)}  ${file}`);
  for (const file of missing) console.log(`  no report  ${file}`);
  const below = total !== null && total < config.thresholds.break;
  const code = failed > 0 || missing.length > 0 || below ? 1 : 0;
  return { code, tally: total === null ? null : tally, missing };
}

const results = [];
for (const name of chosen.length > 0 ? chosen : folders) {
  if (byFile) {
    results.push({ name, ...(await runByFile(name)) });
  } else {
    const code = await run(name);
    results.push({ name, code, tally: counts(path.join(reportDir, `${name}.json`)), missing: [] });
  }
}

console.log('\nMutation scores (reports/mutation/):');
for (const { name, code, tally, missing } of results) {
  const figures = tally ? `${shown(score(tally)).trim()} ${JSON.stringify(tally)}` : 'no report';
  const gaps = missing.length > 0 ? ` (${missing.length} file(s) without a report)` : '';
  console.log(`  ${name.padEnd(11)} ${code === 0 ? 'ok    ' : 'FAILED'} ${figures}${gaps}`);
}
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
