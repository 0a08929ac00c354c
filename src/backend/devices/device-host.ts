/**
 * What a process host (Electron main, or the browser-mode register host) offers over the device service:
 * start it, send it requests and get result values back, listen to its events and to its own status, stop
 * it. There are two implementations, thin over the same supervisor (supervised-device-host.ts):
 * src/main/device-host.ts (an Electron utility process) and src/host/device-host.ts (a Node child process).
 */
import type {
  DeviceEvent,
  DeviceEventPayload,
  DeviceHostStatus,
  DeviceMethod,
  DeviceMethodResult,
  DeviceParams,
  DeviceResult,
} from '@till/shared/devices/protocol';

/** One request: a method and, when it takes any, its params. */
export type DeviceCall<M extends DeviceMethod> =
  undefined extends DeviceParams<M>
    ? { method: M; params?: DeviceParams<M> }
    : { method: M; params: DeviceParams<M> };

/** What `DeviceHost.on` can listen to: the service's events, and `host:status` for the host's own status. */
export type DeviceHostEvents = { [E in DeviceEvent]: DeviceEventPayload<E> } & {
  'host:status': DeviceHostStatus;
};

/** The device service as seen from its process host. */
export interface DeviceHost {
  /**
   * Starts the service and resolves once the first launch settled: with `running` when it answers, or
   * `restarting` when that launch failed (the host keeps trying in the background). A second call returns
   * the first one's promise.
   */
  start(): Promise<DeviceHostStatus>;
  /**
   * Sends one request and resolves with its result. Never throws: a service that is down answers
   * `unavailable` at once, one that does not answer in time `timeout`.
   */
  request<M extends DeviceMethod>(call: DeviceCall<M>): Promise<DeviceResult<DeviceMethodResult<M>>>;
  /** Listens to an event until the returned function is called. */
  on<E extends keyof DeviceHostEvents>(
    event: E,
    listener: (payload: DeviceHostEvents[E]) => void,
  ): () => void;
  /** The current status. */
  status(): DeviceHostStatus;
  /** Asks the service to shut down, kills it if it does not within a moment, and stops restarting it. */
  stop(): Promise<void>;
}
