/**
 * Facts about this checkout that specs and fixtures share.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The app version, as package.json says and `app:info` must answer. */
export const appVersion = (JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { version: string })
  .version;

/** Whether Electron's binary was downloaded (its postinstall writes path.txt next to dist/). */
export const hasElectronBinary = existsSync(`${repoRoot}node_modules/electron/path.txt`);

/** Why the Electron specs skip where the binary is absent: names the file checked, so a reader can verify it. */
export const noElectronReason =
  'Electron binary absent (node_modules/electron/path.txt does not exist: its download is not allowed by npm ' +
  'allowScripts and needs a host outside the npm registry); `npm run electron:fetch` installs it where the ' +
  'network allows, and these specs then run.';
