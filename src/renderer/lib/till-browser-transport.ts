/**
 * `TillApi` over the browser-mode register host's WebSocket (protocol: src/shared/ipc/ws-protocol.ts).
 *
 * Connects on first use. Results stay values: while the host is unreachable every call resolves with
 * `unavailable`. When the connection drops, pending calls get `unavailable` and, if anyone listens to
 * events, the transport reconnects with a capped back-off so events resume when the host is back.
 */
import { ipcErr, ipcEvents, isIpcChannel, isIpcEvent } from '@till/shared/ipc/contract';
import type { IpcEvent, IpcResult, TillApi } from '@till/shared/ipc/contract';
import { wsServerMessageSchema } from '@till/shared/ipc/ws-protocol';
import type { WsInvoke } from '@till/shared/ipc/ws-protocol';

const maxBackoffMs = 10_000;

/** Creates the transport for one WebSocket URL (token included). */
export function createWebSocketTill(url: string): TillApi {
  let socket: Promise<WebSocket> | null = null;
  let nextId = 0;
  let backoffMs = 500;
  const pending = new Map<number, (result: IpcResult<unknown>) => void>();
  const listeners = new Map<IpcEvent, Set<(payload: unknown) => void>>();

  function connect(): Promise<WebSocket> {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => {
        backoffMs = 500;
        resolve(ws);
      });
      ws.addEventListener('message', (event) => receive(event.data));
      ws.addEventListener('close', () => {
        socket = null;
        reject(new Error('closed'));
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle(ipcErr('unavailable', 'The connection to the register host was lost.'));
        }
        if (listeners.size > 0) scheduleReconnect();
      });
    });
    return socket;
  }

  // One timer at a time; a failed attempt closes its socket, whose close handler schedules the next one.
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleReconnect(): void {
    if (reconnectTimer !== undefined) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().catch(() => {});
    }, backoffMs);
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
  }

  function receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let message;
    try {
      message = wsServerMessageSchema.safeParse(JSON.parse(data));
    } catch {
      return;
    }
    if (!message.success) return;
    const msg = message.data;
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result as IpcResult<unknown>);
      pending.delete(msg.id);
    } else if (isIpcEvent(msg.event)) {
      const payload = ipcEvents[msg.event].safeParse(msg.payload);
      if (payload.success) for (const listener of listeners.get(msg.event) ?? []) listener(payload.data);
    }
  }

  return {
    async invoke(channel, ...[payload]) {
      if (!isIpcChannel(channel)) return ipcErr('unknown_channel', `Unknown IPC channel ${String(channel)}.`);
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return ipcErr('unavailable', 'The register host cannot be reached.');
      }
      // The socket may have closed after it was handed out; its close handler has already run by then.
      if (ws.readyState !== WebSocket.OPEN)
        return ipcErr('unavailable', 'The register host cannot be reached.');
      const id = nextId++;
      const message: WsInvoke = { type: 'invoke', id, channel, payload };
      const result = await new Promise<IpcResult<unknown>>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify(message));
      });
      // The host answered with this channel's handler result, whose type the contract fixes.
      return result as IpcResult<never>;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      listeners.set(event, set);
      // A failed connection reconnects by itself while anyone listens (see the close handler).
      connect().catch(() => {});
      return () => {
        set.delete(untyped);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}
