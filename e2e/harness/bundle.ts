/**
 * Bundles a harness entry (with React and the renderer code it imports) into one classic script, with
 * Vite's build API and the same `@till/shared` alias as the app, for a spec to serve from the page's origin.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const sharedAlias = { '@till/shared': fileURLToPath(new URL('../../src/shared', import.meta.url)) };

/** Builds `entry` into one IIFE script and returns its source. */
export async function bundleHarness(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: sharedAlias },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'TillHarness', fileName: () => 'harness.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`bundling ${entry} produced no script`);
  return chunk.code;
}
