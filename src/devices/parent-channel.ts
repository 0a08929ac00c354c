/**
 * The device service's line to its process host. The same service runs in two kinds of child: an Electron
 * utility process (messages on `process.parentPort`) and a Node child process made by `child_process.fork`
 * (`process.send` and `process.on('message')`). Both are reached through this one small interface, so the
 * service never imports Electron.
 */

/** How the service talks to its process host. */
export interface ParentChannel {
  /** Sends one message to the host. */
  send(message: unknown): void;
  /** Calls `listener` with each message from the host. */
  onMessage(listener: (message: unknown) => void): void;
  /** Calls `listener` once the host is gone (its end of the channel closed), so the service can exit. */
  onDisconnect(listener: () => void): void;
}

/** The part of Electron's `process.parentPort` the service uses (typed here: no Electron types in Node). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The channel of the process this runs in, or null when it was started without one (e.g. by hand). */
export function openParentChannel(): ParentChannel | null {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      // Electron ends a utility process itself when its parent goes away.
      onDisconnect: () => {},
    };
  }
  if (process.send && process.connected) {
    return {
      send: (message) => {
        if (process.connected) process.send?.(message);
      },
      onMessage: (listener) => process.on('message', listener),
      onDisconnect: (listener) => process.once('disconnect', listener),
    };
  }
  return null;
}
