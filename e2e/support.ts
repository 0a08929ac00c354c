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

/** Why the Electron specs skip where the binary is absent. */
export const noElectronReason =
  'Electron binary absent (its download is blocked here): `npm run electron:fetch` installs it where the network allows.';
