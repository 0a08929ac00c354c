/**
 * The process host's side of the virtual hardware rig: launches it (a child process of its own, beside the
 * device service, so the twins survive a crash of the service), waits for it to say where its twins are,
 * and asks it things by id. Results come back as values; a rig that is gone answers `unavailable`. How the
 * process is launched is the caller's (a Node child in browser mode, a utility process under Electron).
 */
import { rigMethods, rigServiceMessageSchema } from '@till/shared/devices/rig-protocol';
import type { RigHostMessage, RigMethod, RigReady } from '@till/shared/devices/rig-protocol';
import type { Result } from '@till/shared/result';
import type { z } from 'zod';

/** A launched rig process. */
export interface RigProcess {
  send(message: RigHostMessage): void;
  kill(): void;
}

/** Launches the rig; `onMessage` hears it, `onExit` once when it ends. */
export type LaunchRig = (listeners: {
  onMessage(message: unknown): void;
  onExit(detail: string): void;
}) => RigProcess;

/** A failure of a rig request. */
export interface RigError {
  code: 'unavailable' | 'timeout' | 'failed';
  message: string;
}

/** The running rig. */
export interface VirtualRigClient {
  /** Where the twins are. */
  readonly ready: RigReady;
  request<M extends RigMethod>(
    method: M,
    params: z.input<(typeof rigMethods)[M]['params']>,
  ): Promise<Result<z.output<(typeof rigMethods)[M]['result']>, RigError>>;
  /** Asks it to stop (killing it if it does not) and resolves once it is gone. */
  stop(): Promise<void>;
}

/** Starts the rig and resolves once it is ready; rejects when it ends or stays silent first. */
export function startVirtualRig(
  launch: LaunchRig,
  options: { readyTimeoutMs?: number; requestTimeoutMs?: number; log?: (line: string) => void } = {},
): Promise<VirtualRigClient> {
  const requestTimeoutMs = options.requestTimeoutMs ?? 5_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  const pending = new Map<number, (result: Result<unknown, RigError>) => void>();
  let nextId = 1;
  let gone = false;
  let markGone = (): void => {};
  const exited = new Promise<void>((resolve) => (markGone = resolve));

  return new Promise((resolve, reject) => {
    const readyTimer = setTimeout(() => {
      reject(new Error('the virtual hardware did not start in time'));
      child.kill();
    }, options.readyTimeoutMs ?? 20_000);
    const child = launch({
      onMessage(raw) {
        const parsed = rigServiceMessageSchema.safeParse(raw);
        if (!parsed.success) return log('[virtual] dropped a malformed message from the rig');
        const message = parsed.data;
        if (message.type === 'ready') {
          clearTimeout(readyTimer);
          resolve(client(message));
          return;
        }
        const settle = pending.get(message.id);
        pending.delete(message.id);
        const { result } = message;
        settle?.(
          result.ok ? result : { ok: false, error: { code: 'failed', message: result.error.message } },
        );
      },
      onExit(detail) {
        gone = true;
        markGone();
        clearTimeout(readyTimer);
        reject(new Error(`the virtual hardware ended (${detail})`));
        for (const settle of pending.values()) {
          settle({ ok: false, error: { code: 'unavailable', message: 'The virtual hardware stopped.' } });
        }
        pending.clear();
      },
    });

    function client(ready: RigReady): VirtualRigClient {
      return {
        ready,
        request(method, params) {
          type Answer = Result<z.output<(typeof rigMethods)[typeof method]['result']>, RigError>;
          if (gone) {
            return Promise.resolve({
              ok: false,
              error: { code: 'unavailable', message: 'The virtual hardware is not running.' },
            } as Answer);
          }
          const id = nextId++;
          return new Promise<Answer>((settle) => {
            const timer = setTimeout(() => {
              pending.delete(id);
              settle({
                ok: false,
                error: { code: 'timeout', message: 'The virtual hardware did not answer.' },
              });
            }, requestTimeoutMs);
            pending.set(id, (result) => {
              clearTimeout(timer);
              if (!result.ok) return settle(result);
              const value = rigMethods[method].result.safeParse(result.value);
              settle(
                value.success
                  ? ({ ok: true, value: value.data } as Answer)
                  : { ok: false, error: { code: 'failed', message: 'The virtual hardware answered oddly.' } },
              );
            });
            child.send({ type: 'request', id, method, params });
          });
        },
        async stop() {
          if (gone) return;
          child.send({ type: 'shutdown' });
          const timer = setTimeout(() => child.kill(), 3_000);
          await exited;
          clearTimeout(timer);
        },
      };
    }
  });
}
