/**
 * Builds the three Electron bundles into out/: main (ESM, Node: Electron main and, as a second entry, the
 * device service its utility process runs), preload (CommonJS: a sandboxed preload cannot be an ES module,
 * and cannot require packages, so its imports are bundled in) and the renderer (React, from src/renderer,
 * also served by the browser-mode host).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

/** `@till/shared/*` is src/shared (tsconfig.base.json `paths`). */
const alias = { '@till/shared': resolve('src/shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // out/main/index.js, out/main/device-service.js (src/main/device-host.ts forks it) and
      // out/main/virtual-rig.js (the virtual hardware twins main starts when TILL_VIRTUAL_HARDWARE=1).
      lib: {
        entry: {
          index: resolve('src/main/index.ts'),
          'device-service': resolve('src/devices/service.ts'),
          'virtual-rig': resolve('src/devices/virtual/rig-process.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // Bundle zod and the contract: the sandbox's `require` offers only a few Electron modules.
      externalizeDeps: false,
      lib: { entry: resolve('src/preload/index.ts') },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'src/renderer',
    resolve: { alias },
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('src/renderer/index.html') },
    },
    plugins: [react()],
  },
});
