/**
 * A receipt printer over any transport (raw TCP 9100, /dev/usb/lp*, serial) that answers ESC/POS
 * real-time status requests (DLE EOT, see status.ts).
 *
 * Before a job is sent the printer is asked whether it can print: a job is never pushed into a printer
 * that is out of paper, open or offline (it would be lost in its buffer or printed half). After the bytes
 * are handed over it is asked again, so paper that runs out during the job is noticed and the spooler
 * can hold the job and print it again once paper is loaded. One thing happens at a time: status requests
 * and jobs are queued, so a reply is never matched to the wrong request.
 */
import type { DeviceFaultCode, PrinterDriver, PrinterStatus, Transport } from '../core/contracts';
import { deviceFault, faultCodeOf } from '../core/fault';
import type { PrinterLanguage } from './encode';
import type { StatusKind, StatusReplies } from './status';
import { combineStatus, isStatusByte, parseStatusByte, statusFaults, statusRequest } from './status';

/** How to drive one printer. */
export interface EscposPrinterOptions {
  transport: Transport;
  /** The paper's width in characters. */
  columns: 32 | 42 | 48;
  /** Its command set (the encoder's business; kept for callers that encode for this printer). */
  language: PrinterLanguage;
  /** How long to wait for each status reply before calling the printer `offline` (default 1000 ms). */
  statusTimeoutMs?: number;
}

/** A printer driver that can also send bytes without the paper check (a drawer kick, a status reset). */
export interface EscposPrinter extends PrinterDriver {
  readonly language: PrinterLanguage;
  /** Sends `bytes` whatever the paper and cover say (the printer must still be connected). */
  sendRaw(bytes: Uint8Array): Promise<void>;
}

/** The largest job taken at once (a long receipt with a logo is ~20 kB). */
const maxJobBytes = 4 * 1024 * 1024;

/** Creates the driver; nothing is opened until `open()`. */
export function createEscposPrinter(options: EscposPrinterOptions): EscposPrinter {
  const { transport, columns, language } = options;
  const statusTimeoutMs = options.statusTimeoutMs ?? 1000;
  const lostListeners = new Set<(reason: string) => void>();
  let unsubscribe: (() => void)[] = [];
  /** Takes the next byte that looks like a status reply, while a request is waiting for one. */
  let waiter: ((byte: number) => void) | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `task` after everything queued before it; a failure does not stop the queue. */
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const onBytes = (chunk: Uint8Array) => {
    for (const byte of chunk) {
      // Anything without the fixed status bits (noise, Star ASB bytes) is never taken as a reply.
      if (waiter && isStatusByte(byte)) waiter(byte);
    }
  };

  /** Sends DLE EOT n and waits for its reply. */
  const ask = async <N extends StatusKind>(n: N): Promise<StatusReplies[N]> => {
    if (!transport.isOpen) throw deviceFault('offline', `${transport.description} is not open`);
    const reply = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiter = null;
        reject(deviceFault('offline', `${transport.description} did not answer DLE EOT ${n}`));
      }, statusTimeoutMs);
      waiter = (byte) => {
        clearTimeout(timer);
        waiter = null;
        resolve(byte);
      };
    });
    try {
      await transport.write(statusRequest(n));
    } catch (error) {
      waiter = null;
      void reply.catch(() => undefined);
      throw error;
    }
    const parsed = parseStatusByte(n, await reply);
    // isStatusByte let the byte through, so parsing cannot fail; keep the check for the type system.
    if (!parsed.ok) throw deviceFault('offline', parsed.error.message);
    return parsed.value;
  };

  const readStatus = async (): Promise<PrinterStatus> => {
    const printer = await ask(1);
    const cause = await ask(2);
    const paper = await ask(4);
    return combineStatus(printer, cause, paper);
  };

  /** Rejects with the first fault that keeps the printer from printing. */
  const ensureReady = async (when: string) => {
    const [fault] = statusFaults(await readStatus());
    if (fault) throw deviceFault(fault, `${transport.description}: ${fault.replace('_', ' ')} ${when}`);
  };

  const checkJob = (bytes: Uint8Array) => {
    if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length > maxJobBytes) {
      throw deviceFault('misconfigured', `a print job must be 1 byte to ${maxJobBytes} bytes`);
    }
  };

  return {
    category: 'printer',
    columns,
    language,

    async open() {
      await transport.open();
      for (const off of unsubscribe) off();
      unsubscribe = [
        transport.onData(onBytes),
        transport.onClose((reason) => {
          for (const listener of lostListeners) listener(reason);
        }),
      ];
    },

    async close() {
      for (const off of unsubscribe) off();
      unsubscribe = [];
      await transport.close();
    },

    status: () => exclusive(readStatus),

    send(bytes) {
      return exclusive(async () => {
        checkJob(bytes);
        await ensureReady('before printing');
        await transport.write(bytes);
        await ensureReady('while printing');
      });
    },

    sendRaw(bytes) {
      return exclusive(async () => {
        checkJob(bytes);
        await transport.write(bytes);
      });
    },

    async health(): Promise<DeviceFaultCode[]> {
      try {
        return statusFaults(await exclusive(readStatus));
      } catch (error) {
        return [faultCodeOf(error)];
      }
    },

    onLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
  };
}
