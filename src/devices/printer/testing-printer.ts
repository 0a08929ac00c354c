/**
 * A stand-in ESC/POS printer for tests and for trying Till without hardware: it answers DLE EOT 1, 2 and
 * 4 like a real printer, counts the receipts it would have printed (the bytes up to each cut) and the
 * drawer kicks it received, and lets a test take the paper out, open the cover or let the paper run out
 * in the middle of a job. Receipts that arrive while it cannot print are lost, as on a real printer.
 *
 * `createPrinterBrain` is the byte logic on any stream; `startTestingPrinter` serves it on raw TCP.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';

/** What the stand-in printer is doing and has done. */
export interface PrinterBrainState {
  paper: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** The level of the drawer connector's pin 3. */
  drawerPin3High: boolean;
  /** Stop answering status requests (a printer that hangs or a wrong port). */
  mute: boolean;
  /** Send this byte (not a status) before each status reply, like line noise. */
  noise: number | null;
  /** Runs out of paper once this many bytes of the current job have arrived. */
  paperRunsOutAfterBytes: number | null;
  /** The receipts printed: the bytes of each job, up to its cut. */
  readonly receipts: Uint8Array[];
  /** Jobs that arrived while it could not print. */
  lost: number;
  /** Drawer kicks received: `[m, t1, t2]` of `ESC p m t1 t2`. */
  readonly kicks: [number, number, number][];
}

/** The byte logic: feed it what the host sends, it calls `reply` with what a printer would answer. */
export interface PrinterBrain {
  readonly state: PrinterBrainState;
  receive(chunk: Uint8Array): void;
}

/** The status byte a printer answers to DLE EOT `n`, with the fixed bits (0x12) set. */
export function statusByteFor(state: PrinterBrainState, n: number): number {
  const canPrint = state.paper && !state.coverOpen;
  if (n === 1) return 0x12 | (canPrint ? 0 : 0x08) | (state.drawerPin3High ? 0x04 : 0);
  if (n === 2) return 0x12 | (state.coverOpen ? 0x04 : 0) | (state.paper ? 0 : 0x20);
  if (n === 4) return 0x12 | (state.paperNearEnd ? 0x0c : 0) | (state.paper ? 0 : 0x60);
  return 0x12;
}

/** A printer with paper, cover shut, drawer pin low, nothing printed. */
export function newPrinterState(): PrinterBrainState {
  return {
    paper: true,
    paperNearEnd: false,
    coverOpen: false,
    drawerPin3High: false,
    mute: false,
    noise: null,
    paperRunsOutAfterBytes: null,
    receipts: [],
    lost: 0,
    kicks: [],
  };
}

/** Creates the byte logic of one connection to the printer whose state is `state`. */
export function createPrinterBrain(
  reply: (bytes: Uint8Array) => void,
  state: PrinterBrainState = newPrinterState(),
): PrinterBrain {
  let job: number[] = [];
  let spoiled = false;
  let carry: number[] = [];

  const cut = () => {
    if (state.paper && !state.coverOpen && !spoiled) state.receipts.push(Uint8Array.from(job));
    else state.lost += 1;
    job = [];
    spoiled = false;
  };

  const receive = (chunk: Uint8Array) => {
    const bytes = [...carry, ...chunk];
    carry = [];
    for (let i = 0; i < bytes.length; i += 1) {
      const byte = bytes[i] ?? 0;
      // Commands this printer acts on; wait for the rest of one split across chunks.
      const needs = byte === 0x10 || byte === 0x1d ? 3 : byte === 0x1b ? 5 : 1;
      if (i + needs > bytes.length && needs > 1) {
        carry = bytes.slice(i);
        return;
      }
      if (byte === 0x10 && bytes[i + 1] === 0x04) {
        const n = bytes[i + 2] ?? 0;
        if (!state.mute) {
          reply(Uint8Array.of(...(state.noise === null ? [] : [state.noise]), statusByteFor(state, n)));
        }
        i += 2;
        continue;
      }
      if (byte === 0x1d && bytes[i + 1] === 0x56) {
        job.push(0x1d, 0x56, bytes[i + 2] ?? 0);
        i += 2;
        cut();
        continue;
      }
      if (byte === 0x1b && bytes[i + 1] === 0x70) {
        state.kicks.push([bytes[i + 2] ?? 0, bytes[i + 3] ?? 0, bytes[i + 4] ?? 0]);
        i += 4;
        continue;
      }
      job.push(byte);
      if (!state.paper || state.coverOpen) spoiled = true;
      if (state.paperRunsOutAfterBytes !== null && job.length >= state.paperRunsOutAfterBytes) {
        state.paper = false;
        state.paperRunsOutAfterBytes = null;
      }
    }
  };

  return { state, receive };
}

/** A stand-in printer listening on 127.0.0.1. */
export interface TestingPrinter {
  readonly port: number;
  readonly state: PrinterBrainState;
  /** Closes every connection, as a printer switched off does; it keeps listening. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Starts a stand-in printer on 127.0.0.1 at a free port (or `port`). */
export async function startTestingPrinter(port = 0): Promise<TestingPrinter> {
  const sockets = new Set<Socket>();
  // One printer, whoever is connected: the state outlives a connection, the parser does not.
  const state = newPrinterState();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const brain = createPrinterBrain((bytes) => socket.write(bytes), state);
    socket.on('data', (chunk: Buffer) => brain.receive(new Uint8Array(chunk)));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    state,
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
