/**
 * The device service's method handlers, one per method of the protocol (src/shared/devices/protocol.ts).
 * Today only `health`; drivers and virtual devices add their methods here as the hardware work lands.
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
  /** The devices the service knows of right now (none until drivers land). */
  devices: () => DeviceInfo[];
}

/** Builds the method handlers of one service. */
export function createMethodHandlers(context: ServiceContext): DeviceMethodHandlers {
  return {
    health: () => deviceOk({ pid: context.pid, devices: context.devices() }),
  };
}
