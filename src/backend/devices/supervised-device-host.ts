/**
 * The `DeviceHost` logic both process hosts share: launch the service and wait for its `ready`, match
 * results to requests by id (with a timeout), validate everything the service sends, and restart the
 * service when it crashes or hangs at start, with growing delays so a driver that crashes at once does not
 * spin. Its status (`starting`, `running`, `restarting`, `stopped`) is reported on `host:status`, so the
 * UI can say "devices reconnecting". How a process is launched is the caller's (`LaunchService`).
 */
import {
  deviceErr,
  deviceEvents,
  deviceMethods,
  deviceOk,
  deviceServiceMessageSchema,
  isDeviceEvent,
  isDeviceMethod,
} from '@till/shared/devices/protocol';
import type {
  DeviceHostStatus,
  DeviceMethod,
  DeviceMethodResult,
  DeviceResult,
} from '@till/shared/devices/protocol';
import type { DeviceCall, DeviceHost, DeviceHostEvents } from './device-host';
import type { LaunchService, ServiceProcess } from './service-process';

/** Timings and logging; the defaults suit a register, tests pass short ones. */
export interface SupervisorOptions {
  /** How long a launched service has to say `ready` before it is killed and started again. */
  readyTimeoutMs?: number;
  /** How long a request may wait for its result. */
  requestTimeoutMs?: number;
  /** How long `stop` waits for the service to exit after `shutdown`, and again after killing it. */
  stopTimeoutMs?: number;
  /** Delay before the 1st, 2nd, … restart in a row; the last one repeats. */
  restartDelaysMs?: readonly number[];
  /** A service that ran this long before crashing starts its restart delays over. */
  stableAfterMs?: number;
  /** Where crashes and dropped messages are reported. */
  log?: (line: string) => void;
}

interface Pending {
  method: DeviceMethod;
  resolve: (result: DeviceResult<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface Launched {
  generation: number;
  process: ServiceProcess | null;
  readyTimer: ReturnType<typeof setTimeout>;
  readyAt: number | null;
  exited: Promise<void>;
  markExited: () => void;
}

/** Builds a device host over a launcher. Nothing runs until `start()`. */
export function createSupervisedDeviceHost(
  launch: LaunchService,
  options: SupervisorOptions = {},
): DeviceHost {
  const readyTimeoutMs = options.readyTimeoutMs ?? 20_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 2_000;
  const restartDelaysMs = options.restartDelaysMs ?? [250, 1_000, 5_000];
  const stableAfterMs = options.stableAfterMs ?? 30_000;
  const log = options.log ?? ((line: string) => console.warn(line));

  let status: DeviceHostStatus = { state: 'stopped', restarts: 0 };
  let current: Launched | null = null;
  let generation = 0;
  let failuresInARow = 0;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;
  let stopping: Promise<void> | null = null;
  let started: Promise<DeviceHostStatus> | null = null;
  let settleStart: ((status: DeviceHostStatus) => void) | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: never) => void>>();

  function emit<E extends keyof DeviceHostEvents>(event: E, payload: DeviceHostEvents[E]): void {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as (payload: DeviceHostEvents[E]) => void)(payload);
      } catch (error) {
        log(`[devices] a ${event} listener failed: ${String(error)}`);
      }
    }
  }

  function setStatus(next: DeviceHostStatus): void {
    status = next;
    emit('host:status', next);
  }

  function settleFirstStart(): void {
    settleStart?.(status);
    settleStart = null;
  }

  function failPending(message: string): void {
    for (const [id, request] of pending) {
      clearTimeout(request.timer);
      pending.delete(id);
      request.resolve(deviceErr('unavailable', message));
    }
  }

  function launchOnce(): void {
    const gen = ++generation;
    let markExited = (): void => {};
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const launched: Launched = {
      generation: gen,
      process: null,
      readyAt: null,
      exited,
      markExited,
      // A service that never says `ready` (stuck loading a driver) is treated as crashed.
      readyTimer: setTimeout(() => {
        log(`[devices] the device service did not start within ${readyTimeoutMs} ms; killing it`);
        launched.process?.kill();
      }, readyTimeoutMs),
    };
    current = launched;
    let gone = false;
    const listenersOfThis = {
      onMessage: (message: unknown) => {
        if (current === launched) onServiceMessage(launched, message);
      },
      onExit: (detail: string) => {
        if (gone) return;
        gone = true;
        onServiceExit(launched, detail);
      },
    };
    try {
      launched.process = launch(listenersOfThis);
    } catch (error) {
      listenersOfThis.onExit(`could not be launched: ${String(error)}`);
    }
  }

  function onServiceMessage(launched: Launched, raw: unknown): void {
    const parsed = deviceServiceMessageSchema.safeParse(raw);
    if (!parsed.success) {
      log('[devices] dropped a malformed message from the device service');
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      clearTimeout(launched.readyTimer);
      launched.readyAt = Date.now();
      setStatus({ state: 'running', restarts: status.restarts, pid: message.pid });
      settleFirstStart();
    } else if (message.type === 'result') {
      const request = pending.get(message.id);
      if (!request) return; // Timed out already, or never ours.
      pending.delete(message.id);
      clearTimeout(request.timer);
      request.resolve(checkResult(request.method, message.result));
    } else {
      if (!isDeviceEvent(message.event)) {
        log(`[devices] dropped an unknown event ${JSON.stringify(message.event)}`);
        return;
      }
      const payload = deviceEvents[message.event].safeParse(message.payload);
      if (!payload.success) {
        log(`[devices] dropped a malformed ${message.event} event`);
        return;
      }
      emit(message.event, payload.data);
    }
  }

  function onServiceExit(launched: Launched, detail: string): void {
    clearTimeout(launched.readyTimer);
    launched.markExited();
    if (current !== launched) return;
    current = null;
    if (stopping) {
      failPending('The device service stopped.');
      return;
    }
    failPending('The device service stopped unexpectedly; devices are reconnecting.');
    const ranFor = launched.readyAt === null ? 0 : Date.now() - launched.readyAt;
    failuresInARow = ranFor >= stableAfterMs ? 1 : failuresInARow + 1;
    const delay = restartDelaysMs[Math.min(failuresInARow, restartDelaysMs.length) - 1] ?? 1_000;
    log(`[devices] the device service ended (${detail}); restarting in ${delay} ms`);
    setStatus({ state: 'restarting', restarts: status.restarts + 1 });
    settleFirstStart();
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      launchOnce();
    }, delay);
  }

  async function stopNow(): Promise<void> {
    clearTimeout(restartTimer);
    restartTimer = undefined;
    const launched = current;
    if (launched?.process) {
      try {
        launched.process.send({ type: 'shutdown' });
      } catch {
        // The channel is already closed: the kill below ends it.
      }
      if (!(await within(launched.exited, stopTimeoutMs))) {
        launched.process.kill();
        if (!(await within(launched.exited, stopTimeoutMs))) {
          log('[devices] the device service did not exit after being killed');
        }
      }
    }
    current = null;
    failPending('The device service stopped.');
    setStatus({ state: 'stopped', restarts: status.restarts });
    settleFirstStart();
  }

  return {
    start() {
      if (started) return started;
      started = (async () => {
        await stopping;
        const first = new Promise<DeviceHostStatus>((resolve) => (settleStart = resolve));
        failuresInARow = 0;
        setStatus({ state: 'starting', restarts: 0 });
        launchOnce();
        return first;
      })();
      return started;
    },

    async request<M extends DeviceMethod>(call: DeviceCall<M>) {
      type Answer = DeviceResult<DeviceMethodResult<M>>;
      const launched = current;
      if (status.state !== 'running' || !launched?.process) {
        return deviceErr('unavailable', unavailableMessage(status)) as Answer;
      }
      const method: unknown = call.method;
      if (!isDeviceMethod(method)) {
        return deviceErr('unknown_method', `Unknown device method ${JSON.stringify(method)}.`) as Answer;
      }
      const params = deviceMethods[method].params.safeParse(call.params);
      if (!params.success) return deviceErr('invalid_request', `Invalid params for ${method}.`) as Answer;
      const id = nextId++;
      const child = launched.process;
      return new Promise<Answer>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          resolve(deviceErr('timeout', `The device service did not answer ${method} in time.`));
        }, requestTimeoutMs);
        pending.set(id, { method, timer, resolve: resolve as (result: DeviceResult<unknown>) => void });
        try {
          child.send({ type: 'request', id, method, params: params.data });
        } catch {
          clearTimeout(timer);
          pending.delete(id);
          resolve(deviceErr('unavailable', 'The device service could not be reached.'));
        }
      });
    },

    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => {
        set.delete(listener as (payload: never) => void);
      };
    },

    status: () => status,

    stop() {
      if (!started) return stopping ?? Promise.resolve();
      started = null;
      stopping = stopNow().finally(() => {
        stopping = null;
      });
      return stopping;
    },
  };
}

/** A successful result's value must match its method's schema: the service is a separate program. */
function checkResult(method: DeviceMethod, result: DeviceResult<unknown>): DeviceResult<unknown> {
  if (!result.ok) return result;
  const value = deviceMethods[method].result.safeParse(result.value);
  return value.success
    ? deviceOk(value.data)
    : deviceErr('internal', `The device service answered ${method} with something unexpected.`);
}

function unavailableMessage(status: DeviceHostStatus): string {
  if (status.state === 'restarting') return 'Devices are reconnecting.';
  if (status.state === 'starting') return 'The device service is starting.';
  return 'The device service is not running.';
}

/** Whether `promise` settles within `ms`. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = await Promise.race([promise.then(() => true as const), timedOut]);
  clearTimeout(timer);
  return settled;
}
