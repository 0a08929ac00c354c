/**
 * The device service's method handlers, one per method of the protocol (src/shared/devices/protocol.ts),
 * each a thin call into the device manager (./manager). Params arrive validated; answers are values.
 */
import { deviceOk } from '@till/shared/devices/protocol';
import type {
  DeviceInfo,
  DeviceMethod,
  DeviceMethodResult,
  DeviceResult,
} from '@till/shared/devices/protocol';
import type { z } from 'zod';
import type { deviceMethods } from '@till/shared/devices/protocol';
import type { DeviceManager } from './manager/manager';

/** A handler receives params already validated against its method's schema. */
export type DeviceMethodHandler<M extends DeviceMethod> = (
  params: z.output<(typeof deviceMethods)[M]['params']>,
) => DeviceResult<DeviceMethodResult<M>> | Promise<DeviceResult<DeviceMethodResult<M>>>;

/** One handler per method; the type checker flags a method without one. */
export type DeviceMethodHandlers = { [M in DeviceMethod]: DeviceMethodHandler<M> };

/** What the handlers need from the service. */
export interface ServiceContext {
  /** This process's id. */
  pid: number;
  /** The devices the service drives right now. */
  devices: () => DeviceInfo[];
  /** The device manager; absent in tests of the protocol alone (then every device method is `not_configured`). */
  manager?: DeviceManager;
}

/** Builds the method handlers of one service. */
export function createMethodHandlers(context: ServiceContext): DeviceMethodHandlers {
  const { manager } = context;
  const none = {
    ok: false as const,
    error: { code: 'not_configured' as const, message: 'No device manager runs.' },
  };
  return {
    health: () => deviceOk({ pid: context.pid, devices: context.devices() }),
    'config:get': () => {
      const config = manager?.config();
      return manager && config ? deviceOk({ config, path: manager.configPath }) : none;
    },
    'config:set': async (config) => {
      if (!manager) return none;
      const saved = await manager.setConfig(config);
      return saved.ok ? deviceOk({ config: saved.value, path: manager.configPath }) : saved;
    },
    discover: async () => (manager ? deviceOk(await manager.discover()) : none),
    print: (params) => (manager ? manager.print(params) : none),
    'jobs:list': async () => (manager ? deviceOk({ jobs: await manager.jobs() }) : none),
    'jobs:resume': async () => (manager ? deviceOk({ jobs: await manager.resume() }) : none),
    'jobs:reprint': ({ id }) => (manager ? manager.reprint(id) : none),
    'jobs:discard': async ({ id }) => {
      if (!manager) return none;
      const result = await manager.discard(id);
      return result.ok ? deviceOk({ jobs: result.value }) : result;
    },
    'drawer:kick': ({ key }) => (manager ? manager.kick(key) : none),
    'display:show': async ({ state }) =>
      manager ? deviceOk({ shown: await manager.showDisplay(state) }) : none,
    'test:run': ({ role, kind }) => (manager ? manager.test(role, kind) : none),
    diagnostics: async () => {
      if (!manager) return none;
      const config = manager.config();
      if (!config) return none;
      return deviceOk({
        pid: context.pid,
        node: process.version,
        platform: process.platform,
        configPath: manager.configPath,
        config,
        devices: context.devices(),
        errors: manager.recorder.errors(),
        jobs: (await manager.jobs()).slice(-200),
        scans: manager.recorder.scans(),
        drawer: manager.drawerState(),
      });
    },
  };
}
