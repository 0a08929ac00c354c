/**
 * The virtual network receipt printer: a real TCP server (raw port 9100 style) that decodes ESC/POS, answers
 * status requests for the condition a test sets, keeps the receipts it "printed" and counts drawer kicks.
 *
 * One printer, one roll of paper: what arrives on any connection is printed in arrival order, and a cut
 * ends the receipt on the roll whichever connection sent it. Each connection has its own decoder (modes and
 * half-received commands belong to the stream that sent them).
 *
 * While the paper is out or the cover is open, the printer has stopped: status requests are answered (so a
 * driver that asks before sending learns why), and everything else that arrives is decoded and discarded,
 * including cuts and drawer kicks, as a printer that stopped would never print it. While `offline`, the
 * printer is dead: it reads and drops every byte and answers nothing, so a driver's status request times out.
 */
import { createServer, type Socket } from 'node:net';
import { createEscposDecoder } from './decoder';
import {
  isPrintElement,
  type EscposCutElement,
  type EscposDrawerKickElement,
  type EscposElement,
  type EscposPrintElement,
  type EscposStatusRequestElement,
} from './elements';
import { renderPreview } from './preview';
import { dleEotReply, gsRReply, type PrinterCondition } from './status';

/** Why an element was not printed. */
export type DiscardReason = 'paper_out' | 'cover_open' | 'offline';

/** What the emulator reports as it happens (for the CLI, demos and tests that wait). */
export type EscposEmulatorEvent =
  | { type: 'connection'; connection: number; open: boolean }
  | { type: 'element'; connection: number; element: EscposElement }
  | { type: 'discarded'; connection: number; element: EscposElement; reason: DiscardReason }
  | { type: 'status'; connection: number; request: EscposStatusRequestElement; reply: number }
  | { type: 'receipt'; index: number; elements: EscposPrintElement[]; cut: EscposCutElement }
  | { type: 'kick'; kick: EscposDrawerKickElement; count: number };

/** Where to listen: loopback and a free port unless told otherwise. */
export interface EscposEmulatorOptions {
  host?: string;
  port?: number;
}

/** A running virtual printer. */
export interface EscposEmulator {
  /** The port it listens on (the one chosen by the OS when asked for 0). */
  readonly port: number;
  /** `tcp://host:port`, for people and logs. */
  readonly url: string;
  /** Drops every connection and stops listening. */
  close(): Promise<void>;
  /** The finished receipts (the printed elements between cuts), oldest first. */
  receipts(): EscposPrintElement[][];
  /** What is on the paper since the last cut. */
  unfinished(): EscposPrintElement[];
  /** The drawer kicks it carried out, oldest first. */
  kicks(): EscposDrawerKickElement[];
  /** Every element it acted on (printed, cut, kicked, answered), oldest first; discarded ones are not here. */
  elements(): EscposElement[];
  /** The current condition. */
  condition(): PrinterCondition;
  /** Changes the condition; what is not named stays as it is. */
  setCondition(change: Partial<PrinterCondition>): void;
  /** Drops every open connection at once, as a printer that was switched off (new ones are still accepted). */
  dropConnections(): void;
  /** Listens to events; returns an unsubscribe. */
  onEvent(listener: (event: EscposEmulatorEvent) => void): () => void;
  /** A plain-text preview of a finished receipt (the last one by default); '' when there is none. */
  preview(receiptIndex?: number): string;
}

/** Starts a virtual ESC/POS printer on a real TCP socket. */
export async function startEscposEmulator(options: EscposEmulatorOptions = {}): Promise<EscposEmulator> {
  const host = options.host ?? '127.0.0.1';
  const condition: PrinterCondition = {
    paperOut: false,
    paperNearEnd: false,
    coverOpen: false,
    offline: false,
    drawerOpen: false,
  };
  const finished: { elements: EscposPrintElement[]; cut: EscposCutElement }[] = [];
  let paper: EscposPrintElement[] = [];
  const kicked: EscposDrawerKickElement[] = [];
  const acted: EscposElement[] = [];
  const listeners = new Set<(event: EscposEmulatorEvent) => void>();
  const sockets = new Set<Socket>();
  let nextConnection = 1;

  function report(event: EscposEmulatorEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A listener's bug must not stop the printer.
      }
    }
  }

  function discardReason(): DiscardReason | null {
    if (condition.offline) return 'offline';
    if (condition.coverOpen) return 'cover_open';
    if (condition.paperOut) return 'paper_out';
    return null;
  }

  function handle(element: EscposElement, socket: Socket, connection: number): void {
    if (element.kind === 'status-request') {
      if (condition.offline) return report({ type: 'discarded', connection, element, reason: 'offline' });
      const reply =
        element.command === 'DLE EOT' ? dleEotReply(element.n, condition) : gsRReply(element.n, condition);
      if (!socket.destroyed) socket.write(Uint8Array.of(reply));
      acted.push(element);
      return report({ type: 'status', connection, request: element, reply });
    }
    const reason = discardReason();
    if (reason) return report({ type: 'discarded', connection, element, reason });
    acted.push(element);
    report({ type: 'element', connection, element });
    if (isPrintElement(element)) paper.push(element);
    else if (element.kind === 'cut') {
      const receipt = { elements: paper, cut: element };
      paper = [];
      finished.push(receipt);
      report({ type: 'receipt', index: finished.length - 1, ...receipt });
    } else if (element.kind === 'drawer-kick') {
      kicked.push(element);
      condition.drawerOpen = true;
      report({ type: 'kick', kick: element, count: kicked.length });
    }
  }

  const server = createServer((socket) => {
    const connection = nextConnection;
    nextConnection += 1;
    const decoder = createEscposDecoder();
    sockets.add(socket);
    report({ type: 'connection', connection, open: true });
    socket.on('data', (chunk: Buffer) => {
      for (const element of decoder.push(chunk)) handle(element, socket, connection);
    });
    socket.on('error', () => {
      // A peer that resets is a closed connection, nothing more.
    });
    socket.on('close', () => {
      for (const element of decoder.end()) handle(element, socket, connection);
      sockets.delete(socket);
      report({ type: 'connection', connection, open: false });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    port,
    url: `tcp://${host}:${port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
    receipts: () => finished.map((receipt) => [...receipt.elements]),
    unfinished: () => [...paper],
    kicks: () => [...kicked],
    elements: () => [...acted],
    condition: () => ({ ...condition }),
    setCondition(change) {
      for (const key of Object.keys(condition) as (keyof PrinterCondition)[]) {
        const value = change[key];
        if (typeof value === 'boolean') condition[key] = value;
      }
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    preview(receiptIndex) {
      const receipt = finished[receiptIndex ?? finished.length - 1];
      return receipt ? renderPreview([...receipt.elements, receipt.cut]) : '';
    },
  };
}
