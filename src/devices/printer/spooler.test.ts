import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually';
import { createTcpTransport } from '../transports/tcp';
import type { EscposPrinter } from './escpos-printer';
import { createEscposPrinter } from './escpos-printer';
import { writeJob } from './spool-store';
import type { Spooler, SpoolJobInfo } from './spooler';
import { createSpooler } from './spooler';
import type { TestingPrinter } from './testing-printer';
import { startTestingPrinter } from './testing-printer';

/** A tiny job: its name, a line feed and a cut, so the stand-in counts it as one receipt. */
const job = (id: string) => ({
  id,
  title: `Receipt ${id}`,
  bytes: Uint8Array.from([...Buffer.from(`receipt ${id}\n`), 0x1d, 0x56, 0x01]),
});
const printedIds = (device: TestingPrinter) =>
  device.state.receipts.map((bytes) => /receipt (\S+)/.exec(Buffer.from(bytes).toString('latin1'))?.[1]);
const stateOf = async (spooler: Spooler, id: string) => (await spooler.list()).find((j) => j.id === id);

let dir: string;
let device: TestingPrinter;
let printer: EscposPrinter;
const spoolers: Spooler[] = [];

function startSpooler(extra: { keepDone?: number; onChange?: (jobs: SpoolJobInfo[]) => void } = {}) {
  const spooler = createSpooler({ dir, printer: () => printer, retryMs: 30, ...extra });
  spoolers.push(spooler);
  return spooler;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'till-spool-'));
  device = await startTestingPrinter();
  printer = createEscposPrinter({
    transport: createTcpTransport({ host: '127.0.0.1', port: device.port }),
    columns: 32,
    language: 'esc-pos',
    statusTimeoutMs: 300,
  });
  await printer.open();
});

afterEach(async () => {
  for (const spooler of spoolers.splice(0)) await spooler.close();
  await printer.close();
  await device.close();
  await rm(dir, { recursive: true, force: true });
});

describe('print spooler', () => {
  it('prints jobs in order and marks them done', async () => {
    const spooler = startSpooler();
    for (const id of ['a', 'b', 'c']) expect((await spooler.submit(job(id))).ok).toBe(true);
    await eventually(async () => (await spooler.list()).every((j) => j.state === 'done'), 5000, 'done');
    expect(printedIds(device)).toEqual(['a', 'b', 'c']);
    expect((await spooler.list()).map((j) => [j.id, j.attempts])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
  });

  it('holds a job when the paper runs out mid-job and prints it once after paper is loaded', async () => {
    const changes: SpoolJobInfo[][] = [];
    const spooler = startSpooler({ onChange: (jobs) => changes.push(jobs) });
    device.state.paperRunsOutAfterBytes = 4;
    await spooler.submit(job('first'));
    await spooler.submit(job('second'));
    await eventually(async () => (await stateOf(spooler, 'first'))?.reason === 'paper_out', 5000, 'held');
    expect(await stateOf(spooler, 'first')).toMatchObject({
      state: 'held',
      reason: 'paper_out',
      attempts: 1,
    });
    // The second waits behind the first: one at a time, in order.
    expect(await stateOf(spooler, 'second')).toMatchObject({ state: 'queued' });
    // Polls while the paper is still out do not count as attempts and print nothing.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await stateOf(spooler, 'first')).toMatchObject({ state: 'held', attempts: 1 });
    expect(device.state.receipts).toHaveLength(0);
    expect(device.state.lost).toBe(1); // the spoiled half

    device.state.paper = true;
    await eventually(async () => (await spooler.list()).every((j) => j.state === 'done'), 5000, 'done');
    expect(printedIds(device)).toEqual(['first', 'second']);
    expect(await stateOf(spooler, 'first')).toMatchObject({ attempts: 2 });
    expect(changes.some((jobs) => jobs.some((j) => j.reason === 'paper_out'))).toBe(true);
  });

  it('retries a job held offline once the printer answers again', async () => {
    device.state.mute = true;
    const spooler = startSpooler();
    await spooler.submit(job('x'));
    await eventually(async () => (await stateOf(spooler, 'x'))?.reason === 'offline', 5000, 'offline');
    device.state.mute = false;
    await spooler.resume();
    await eventually(() => device.state.receipts.length === 1, 5000, 'printed');
  });

  it('holds a job that was being sent when the process died until the clerk reprints it', async () => {
    await writeJob(dir, {
      id: 'S1-R1-000042',
      title: 'Receipt S1-R1-000042',
      state: 'sending',
      reason: null,
      createdAt: new Date().toISOString(),
      attempts: 1,
      seq: 0,
      bytes: Buffer.from(job('S1-R1-000042').bytes).toString('base64'),
    });
    const spooler = startSpooler();
    expect(await stateOf(spooler, 'S1-R1-000042')).toMatchObject({
      state: 'held',
      reason: 'unknown_outcome',
    });
    // Later jobs are not blocked by it, and it is not printed by retries or resume.
    await spooler.submit(job('next'));
    await eventually(async () => (await stateOf(spooler, 'next'))?.state === 'done', 5000, 'next');
    await spooler.resume();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(printedIds(device)).toEqual(['next']);
    // Also not after another restart.
    await spooler.close();
    const again = startSpooler();
    expect(await stateOf(again, 'S1-R1-000042')).toMatchObject({ state: 'held', reason: 'unknown_outcome' });

    expect((await again.reprint('S1-R1-000042')).ok).toBe(true);
    await eventually(async () => (await stateOf(again, 'S1-R1-000042'))?.state === 'done', 5000, 'reprinted');
    expect(printedIds(device)).toEqual(['next', 'S1-R1-000042']);
    expect(await again.reprint('S1-R1-000042')).toMatchObject({ ok: false, error: { code: 'not_held' } });
    expect(await again.reprint('nope')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('drops a held job on discard', async () => {
    device.state.coverOpen = true;
    const spooler = startSpooler();
    await spooler.submit(job('gone'));
    await eventually(async () => (await stateOf(spooler, 'gone'))?.reason === 'cover_open', 5000, 'held');
    expect(await spooler.discard('gone')).toEqual({ ok: true, value: null });
    expect(await spooler.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
    device.state.coverOpen = false;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(device.state.receipts).toHaveLength(0);
  });

  it('prints the same id once however often it is submitted', async () => {
    const spooler = startSpooler();
    const results = await Promise.all([spooler.submit(job('dup')), spooler.submit(job('dup'))]);
    expect(results.every((r) => r.ok)).toBe(true);
    await eventually(async () => (await stateOf(spooler, 'dup'))?.state === 'done', 5000, 'done');
    expect((await spooler.submit(job('dup'))).ok).toBe(true);
    await spooler.close();
    const again = startSpooler();
    expect(await again.submit(job('dup'))).toMatchObject({ ok: true, value: { state: 'done' } });
    await again.resume();
    expect(printedIds(device)).toEqual(['dup']);
  });

  it('writes the job to disk before sending it, and ignores crash leftovers', async () => {
    // A temp file half written when the power went, and a job file that is not JSON.
    await writeFile(join(dir, '.job-half.1a2b3c.tmp'), '{"id":"half","title":"Rec');
    await writeFile(join(dir, 'job-broken.json'), '{"id":"brok');
    device.state.mute = true; // nothing gets printed: what is on disk is what submit wrote
    const spooler = startSpooler();
    await spooler.submit(job('kept'));
    expect((await spooler.list()).map((j) => j.id)).toEqual(['kept']);
    await eventually(async () => (await stateOf(spooler, 'kept'))?.reason === 'offline', 5000, 'held');
    await spooler.close(); // no more writes
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['job-broken.json.corrupt', 'job-kept.json']);
    const stored = JSON.parse(await readFile(join(dir, 'job-kept.json'), 'utf8')) as { bytes: string };
    expect(Buffer.from(stored.bytes, 'base64')).toEqual(Buffer.from(job('kept').bytes));
  });

  it('keeps only the last finished jobs', async () => {
    const spooler = startSpooler({ keepDone: 2 });
    for (const id of ['j1', 'j2', 'j3', 'j4']) await spooler.submit(job(id));
    await eventually(async () => device.state.receipts.length === 4, 5000, 'printed');
    await eventually(async () => (await spooler.list()).length === 2, 5000, 'pruned');
    expect((await spooler.list()).map((j) => j.id)).toEqual(['j3', 'j4']);
    expect((await readdir(dir)).sort()).toEqual(['job-j3.json', 'job-j4.json']);
  });

  it.each([
    ['a bad id', { id: '../etc/passwd', title: 't', bytes: Uint8Array.of(1) }],
    ['an empty job', { id: 'ok', title: 't', bytes: new Uint8Array() }],
    ['a long title', { id: 'ok', title: 'x'.repeat(201), bytes: Uint8Array.of(1) }],
  ])('refuses %s and writes nothing', async (_name, bad) => {
    const spooler = startSpooler();
    expect(await spooler.submit(bad)).toMatchObject({ ok: false, error: { code: 'invalid_job' } });
    expect(await readdir(dir)).toEqual([]);
  });

  it('holds jobs as offline while there is no printer', async () => {
    const spooler = createSpooler({ dir, printer: () => null, retryMs: 30 });
    spoolers.push(spooler);
    await spooler.submit(job('wait'));
    await eventually(async () => (await stateOf(spooler, 'wait'))?.reason === 'offline', 5000, 'offline');
  });
});
