/**
 * The receipt printer's role: its slot (an ESC/POS printer over TCP, serial or a USB printer file), the
 * spooler that keeps every job on disk until it printed (or a person discards it), and a status poll whose
 * faults (paper out, cover open, offline) the Hardware screen shows. A print waits a short while for its
 * job to print or be held, so the answer says which — never a pretended success.
 */
import path from 'node:path';
import type { PrinterConfig } from '@till/shared/devices/config';
import { deviceErr, deviceOk } from '@till/shared/devices/protocol';
import type { DeviceParams, DeviceResult } from '@till/shared/devices/protocol';
import type { DeviceFaultCodeName, PrintJob } from '@till/shared/devices/records';
import type { PrinterStatus, Transport } from '../core/contracts';
import { type EncodeResult, encodeReceipt, encodeTestPage } from '../printer/encode';
import { type EscposPrinter, createEscposPrinter } from '../printer/escpos-printer';
import { type SpoolJobInfo, createSpooler } from '../printer/spooler';
import { createSerialTransport } from '../transports/serial';
import { createTcpTransport } from '../transports/tcp';
import { createUsbLpTransport } from '../transports/usblp';
import { type DeviceSlot, type SlotOptions, createDeviceSlot } from './device-slot';
import { toPrintJob } from './jobs';

/** Timings (tests pass short ones). */
export interface PrinterTimings {
  /** How often the printer's status is asked. */
  statusPollMs?: number;
  /** How often the spooler tries a held job again. */
  retryMs?: number;
  /** How long a print waits for its job to print or be held before answering `queued`. */
  printWaitMs?: number;
}

/** The running printer role. */
export interface PrinterRole {
  readonly slot: DeviceSlot<EscposPrinter>;
  readonly config: PrinterConfig;
  print(params: DeviceParams<'print'>): Promise<DeviceResult<PrintJob>>;
  /** A test print (`print`: a few lines) or the test page (`page`). */
  test(kind: 'print' | 'page'): Promise<DeviceResult<{ message: string }>>;
  jobs(): Promise<PrintJob[]>;
  resume(): Promise<PrintJob[]>;
  reprint(id: string): Promise<DeviceResult<PrintJob>>;
  discard(id: string): Promise<DeviceResult<PrintJob[]>>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The faults a printer status shows. */
export function statusFaults(status: PrinterStatus): DeviceFaultCodeName[] {
  const faults: DeviceFaultCodeName[] = [];
  if (status.coverOpen) faults.push('cover_open');
  if (status.paperOut) faults.push('paper_out');
  else if (status.paperNearEnd) faults.push('paper_low');
  if (!status.online && faults.length === 0) faults.push('printer_error');
  return faults;
}

function transportFor(config: PrinterConfig): Transport {
  const { connection } = config;
  if (connection.type === 'tcp') return createTcpTransport({ host: connection.host, port: connection.port });
  if (connection.type === 'serial') {
    return createSerialTransport({ path: connection.path, baudRate: connection.baudRate });
  }
  return createUsbLpTransport({ path: connection.path });
}

function describe(config: PrinterConfig): string {
  const { connection } = config;
  if (connection.type === 'tcp') return `tcp ${connection.host}:${connection.port}`;
  if (connection.type === 'serial') return `serial ${connection.path} ${connection.baudRate} 8N1`;
  return `usb ${connection.path}`;
}

/** Builds the printer role; `dataDir` holds its spool folder. */
export function createPrinterRole(
  config: PrinterConfig,
  dataDir: string,
  common: Pick<SlotOptions<EscposPrinter>, 'onStatus' | 'recorder' | 'reconnectDelaysMs'>,
  onJobs: (jobs: PrintJob[]) => void,
  timings: PrinterTimings = {},
): PrinterRole {
  const id = config.virtual ? 'printer:virtual' : `printer:${config.connection.type}`;
  const waiters = new Set<(jobs: SpoolJobInfo[]) => void>();
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  const slot = createDeviceSlot<EscposPrinter>({
    ...common,
    id,
    role: 'printer',
    name: config.virtual ? 'Virtual receipt printer (ESC/POS)' : 'Receipt printer',
    virtual: config.virtual,
    connection: describe(config),
    create: () =>
      createEscposPrinter({
        transport: transportFor(config),
        columns: config.columns,
        language: config.language,
      }),
    // A printer that comes back gets its waiting jobs at once, not at the spooler's next poll.
    attach: () => {
      void pollStatus();
      return () => {};
    },
  });
  const spooler = createSpooler({
    dir: path.join(dataDir, 'spool'),
    printer: () => slot.driver(),
    retryMs: timings.retryMs,
    onChange: (jobs) => {
      onJobs(jobs.map(toPrintJob));
      for (const waiter of [...waiters]) waiter(jobs);
    },
  });

  async function pollStatus(): Promise<void> {
    const driver = slot.driver();
    if (!driver) return;
    try {
      const faults = statusFaults(await driver.status());
      slot.setFaults(faults);
      if (!faults.some((f) => f !== 'paper_low')) await spooler.resume();
    } catch {
      slot.setFaults(['offline']);
    }
  }

  /** Submits a job and waits (briefly) for it to print or be held. */
  async function submit(
    jobId: string,
    title: string,
    encoded: EncodeResult,
  ): Promise<DeviceResult<PrintJob>> {
    if (!encoded.ok)
      return deviceErr('invalid_request', `The receipt cannot be printed: ${encoded.error.message}`);
    let settle: (job: SpoolJobInfo | null) => void = () => {};
    const settled = new Promise<SpoolJobInfo | null>((resolve) => (settle = resolve));
    const waiter = (jobs: SpoolJobInfo[]): void => {
      const job = jobs.find((j) => j.id === jobId);
      if (job && (job.state === 'done' || job.state === 'held')) settle(job);
    };
    waiters.add(waiter);
    const timer = setTimeout(() => settle(null), timings.printWaitMs ?? 8_000);
    try {
      const submitted = await spooler.submit({ id: jobId, bytes: encoded.value, title });
      if (!submitted.ok) {
        const code = submitted.error.code === 'invalid_job' ? 'invalid_request' : 'internal';
        return deviceErr(code, submitted.error.message.slice(0, 500));
      }
      if (submitted.value.state === 'done' || submitted.value.state === 'held') settle(submitted.value);
      const job = (await settled) ?? (await spooler.list()).find((j) => j.id === jobId) ?? submitted.value;
      return deviceOk(toPrintJob(job));
    } finally {
      clearTimeout(timer);
      waiters.delete(waiter);
    }
  }

  const encodeOptions = {
    language: config.language,
    printerModel: config.profile || undefined,
    codepage: config.codepage === 'auto' ? undefined : config.codepage,
    logo: config.logo,
  };

  return {
    slot,
    config,
    print(params) {
      if (params.columns > config.columns) {
        return Promise.resolve(
          deviceErr(
            'invalid_request',
            `The receipt is ${params.columns} columns wide; the printer has ${config.columns}.`,
          ),
        );
      }
      return submit(
        params.jobId,
        params.title,
        encodeReceipt(params.lines, { ...encodeOptions, columns: params.columns }),
      );
    },
    async test(kind) {
      const jobId = `test-${Date.now()}`;
      const encoded =
        kind === 'page'
          ? encodeTestPage(config.columns, config.language)
          : encodeReceipt(
              [
                { text: 'Till test print'.padEnd(config.columns) },
                { text: new Date().toISOString().slice(0, 19).padEnd(config.columns) },
                { text: ' '.repeat(config.columns), kind: 'cut' },
              ],
              { ...encodeOptions, logo: false, columns: config.columns },
            );
      const result = await submit(jobId, kind === 'page' ? 'Test page' : 'Test print', encoded);
      if (!result.ok) return result;
      if (result.value.state !== 'done') return deviceErr('device_fault', result.value.message);
      return deviceOk({ message: kind === 'page' ? 'The test page printed.' : 'The test print printed.' });
    },
    jobs: async () => (await spooler.list()).map(toPrintJob),
    async resume() {
      await spooler.resume();
      return (await spooler.list()).map(toPrintJob);
    },
    async reprint(jobId) {
      const result = await spooler.reprint(jobId);
      if (result.ok) return deviceOk(toPrintJob(result.value));
      return result.error.code === 'not_found'
        ? deviceErr('unknown_job', `No print job has the id ${jobId}.`)
        : deviceErr('device_fault', result.error.message.slice(0, 500));
    },
    async discard(jobId) {
      const result = await spooler.discard(jobId);
      if (!result.ok) {
        return result.error.code === 'not_found'
          ? deviceErr('unknown_job', `No print job has the id ${jobId}.`)
          : deviceErr('device_fault', result.error.message.slice(0, 500));
      }
      return deviceOk((await spooler.list()).map(toPrintJob));
    },
    async start() {
      await slot.start();
      pollTimer = setInterval(() => void pollStatus(), timings.statusPollMs ?? 3_000);
    },
    async stop() {
      clearInterval(pollTimer);
      await spooler.close();
      await slot.stop();
    },
  };
}
