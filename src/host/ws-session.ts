/**
 * One page's WebSocket session: each `invoke` message is dispatched to the shared IPC handlers (the same ones
 * Electron main uses) and answered with a `result`. A message that is not a well-formed `invoke` closes the
 * connection: only our own page talks here, so a malformed message means a bug or an intruder.
 */
import type { WebSocket } from 'ws';
import { dispatchIpc } from '../backend/ipc/dispatch';
import type { IpcHandlers } from '../backend/ipc/handler-types';
import { wsInvokeSchema } from '@till/shared/ipc/ws-protocol';
import type { WsServerMessage } from '@till/shared/ipc/ws-protocol';

/** WebSocket close code for a protocol violation (RFC 6455 §7.4.1, "policy violation"). */
export const closePolicyViolation = 1008;

/** Serves IPC requests arriving on one socket. */
export function attachSession(socket: WebSocket, handlers: IpcHandlers): void {
  socket.on('message', (data, isBinary) => {
    const invoke = isBinary ? undefined : parseInvoke(data.toString());
    if (!invoke) {
      socket.close(closePolicyViolation, 'malformed message');
      return;
    }
    void dispatchIpc(handlers, invoke.channel, invoke.payload).then((result) => {
      send(socket, { type: 'result', id: invoke.id, result });
    });
  });
}

/** Sends one host → page message if the socket is still open. */
export function send(socket: WebSocket, message: WsServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function parseInvoke(text: string) {
  try {
    const parsed = wsInvokeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
