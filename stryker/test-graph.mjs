// Which test files reach a given module, directly or through the modules they import (relative imports and
// `@till/shared/*`, followed through the TypeScript sources under src/, hub/, test/ and scripts/). Used by
// the Vitest configs of mutation runs (stryker/vitest*.config.ts) to choose the test files they run. It
// reads the file system, not git: Stryker runs it in a sandbox copy without the .git folder.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const addons = (spec) => spec === 'serialport' || spec.startsWith('@serialport/') || spec === 'node-hid';
const importPattern = /(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** TypeScript files under `dir` (relative to `root`), without dependencies and build output. */
function sources(root, dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'out', 'dist', 'data'].includes(entry.name)) walk(child);
      } else if (/\.tsx?$/.test(entry.name)) out.push(child);
    }
  };
  if (existsSync(path.join(root, dir))) walk(dir);
  return out;
}

/**
 * The test files under `root` whose import graph reaches a native device addon (serialport, node-hid).
 * @param {string} root the repository root
 * @returns {string[]} paths relative to `root`
 */
export function nativeAddonTests(root) {
  return testsReaching(root, addons);
}

/** Test helpers that start a hub (in the test process or as a process of its own). */
const hubHelpers = new Set(['test/support/hub.ts', 'test/support/hub-process.ts']);

/**
 * The test files under `root` that start a real hub (they import the hub test helpers, directly or not):
 * the integration tests, seconds each.
 * @param {string} root the repository root
 * @returns {string[]} paths relative to `root`
 */
export function hubTests(root) {
  return testsReaching(root, (file) => hubHelpers.has(file));
}

/**
 * The test files under `root` whose import graph reaches a module `target` accepts.
 * @param {string} root the repository root
 * @param {(spec: string) => boolean} target gets each import: a repository path when it resolves to one
 *   of the sources, the bare specifier otherwise (a package name)
 * @returns {string[]} paths relative to `root`
 */
function testsReaching(root, target) {
  const files = ['src', 'hub', 'test', 'scripts'].flatMap((dir) => sources(root, dir));
  const known = new Set(files);
  const resolve = (from, spec) => {
    let base;
    if (spec.startsWith('@till/shared/')) base = `src/shared/${spec.slice('@till/shared/'.length)}`;
    else if (spec.startsWith('.')) base = path.posix.join(path.posix.dirname(from), spec);
    else return spec;
    const stem = base.replace(/\.js$/, '');
    return [stem, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`].find((c) => known.has(c)) ?? null;
  };
  const importsOf = new Map();
  const depsOf = (file) => {
    if (!importsOf.has(file)) {
      const text = existsSync(path.join(root, file)) ? readFileSync(path.join(root, file), 'utf8') : '';
      const specs = [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2]);
      importsOf.set(file, specs.map((s) => resolve(file, s)).filter(Boolean));
    }
    return importsOf.get(file);
  };
  const reaches = new Map();
  const visit = (file, path_ = new Set()) => {
    if (reaches.has(file)) return reaches.get(file);
    if (path_.has(file)) return false;
    path_.add(file);
    const found = depsOf(file).some((d) => target(d) || (known.has(d) && visit(d, path_)));
    path_.delete(file);
    reaches.set(file, found);
    return found;
  };
  return files.filter((f) => /\.test\.tsx?$/.test(f) && visit(f));
}
