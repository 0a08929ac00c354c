import { afterEach, describe, expect, it } from 'vitest';
import { createSerialTransport } from '../transports/serial';
import { createDisplayDecoder, openVirtualPoleDisplay } from '../virtual/pole-display';
import { openPtyPair } from '../virtual/pty-pair';
import type { DisplayCommandSet } from './commands';
import { showCommand } from './commands';
import { formatDisplayState } from './format';
import { createPoleDisplay } from './pole-display';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(commandSet: DisplayCommandSet, columns = 20) {
  const pair = await openPtyPair();
  cleanups.push(() => pair.close());
  const display = await openVirtualPoleDisplay({ peerPath: pair.peerPath, commandSet, columns });
  cleanups.push(() => display.close());
  const driver = createPoleDisplay(createSerialTransport({ path: pair.devicePath, baudRate: 9600 }), {
    commandSet,
    columns,
  });
  const lost: string[] = [];
  driver.onLost((reason) => lost.push(reason));
  await driver.open();
  cleanups.push(() => driver.close());
  return { pair, display, driver, lost };
}

describe.each(['epson', 'cd5220'] as const)('the %s pole display over a real pty pair', (commandSet) => {
  it('shows two lines, replaces them, and transliterates what the display cannot show', async () => {
    const { display, driver } = await rig(commandSet);
    const idle = formatDisplayState({ kind: 'idle', storeName: 'Corner Shop' });
    await driver.show(idle);
    await display.waitFor(['      Welcome', '    Corner Shop']);
    await driver.show(['Crème brûlée   4,50 €', 'TOTAL']);
    // Cut to 20 columns after "€" became "EUR".
    await display.waitFor(['Creme brulee   4,50 ', 'TOTAL']);
    expect(display.decoder.unknown).toEqual([]);
    expect(await driver.health()).toEqual([]);
  });

  it('reports the port going away through onLost and rejects a show with offline', async () => {
    const { pair, driver, lost } = await rig(commandSet);
    await pair.close();
    const start = Date.now();
    while (lost.length === 0 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
    expect(lost).toHaveLength(1);
    await expect(driver.show(['a', 'b'])).rejects.toMatchObject({ code: 'offline' });
  });
});

describe('the display decoder', () => {
  it('decodes the command bytes of each set as sent (Epson cursor moves; CD5220 string lines)', () => {
    const epson = createDisplayDecoder('epson');
    epson.push(Uint8Array.of(0x1b, 0x40, 0x1f, 0x01, 0x0c));
    epson.push(showCommand('epson', ['TOTAL', '$9.99'], 20).subarray(0, 7));
    expect(epson.lines()[0]).toBe(`TOTAL${' '.repeat(15)}`.slice(0, 6).padEnd(20));
    epson.push(showCommand('epson', ['TOTAL', '$9.99'], 20).subarray(7));
    expect(epson.lines()).toEqual(['TOTAL'.padEnd(20), '$9.99'.padEnd(20)]);
    const cd5220 = createDisplayDecoder('cd5220');
    cd5220.push(Buffer.from('\u001bQAHello\r\u001bQBWorld\r', 'latin1'));
    expect(cd5220.lines()).toEqual(['Hello'.padEnd(20), 'World'.padEnd(20)]);
    cd5220.push(Uint8Array.of(0x0c, 0x1b, 0x7e));
    expect(cd5220.lines()).toEqual([' '.repeat(20), ' '.repeat(20)]);
    expect(cd5220.unknown).toEqual(['1b 7e']);
  });
});
