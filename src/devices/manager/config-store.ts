/**
 * The register's device configuration on disk: `<dataDir>/devices.json` (src/shared/devices/config.ts).
 * Missing means no devices; a damaged file is moved aside and logged, and the register runs without devices
 * rather than not at all.
 */
import { devicesConfigSchema, emptyDevicesConfig } from '@till/shared/devices/config';
import type { DevicesConfig } from '@till/shared/devices/config';
import { jsonFile } from './json-file';

/** The file's name in the data folder. */
export const devicesConfigFileName = 'devices.json';

/** Reads and writes the configuration. */
export interface ConfigStore {
  readonly path: string;
  /** The stored configuration, or the empty one. */
  load(): Promise<DevicesConfig>;
  /** Stores a configuration (already validated). */
  save(config: DevicesConfig): Promise<void>;
}

/** The store of `dataDir`; `log` hears about a damaged file. */
export function createConfigStore(dataDir: string, log: (message: string) => void): ConfigStore {
  const file = jsonFile(dataDir, devicesConfigFileName, devicesConfigSchema, (path, aside, why) =>
    log(`${path} is unreadable (${why}); moved to ${aside}, running with no devices`),
  );
  return {
    path: file.path,
    load: async () => (await file.read()) ?? emptyDevicesConfig,
    save: (config) => file.write(config),
  };
}
