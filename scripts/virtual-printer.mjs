// A virtual ESC/POS network printer for demos and manual tests: listens like a printer's raw port 9100,
// prints each receipt's preview and each drawer kick to stdout, and answers status requests for the
// condition set by flags or keys. Run: node --import tsx scripts/virtual-printer.mjs --port 9100
import process from 'node:process';
import { parseArgs } from 'node:util';
import { renderPreview, startEscposEmulator } from '../src/devices/virtual/escpos/index.ts';

const usage = `Usage: node --import tsx scripts/virtual-printer.mjs [options]

  --port <n>      TCP port (default 9100; 0 picks a free one)
  --host <addr>   address to listen on (default 127.0.0.1)
  --columns <n>   paper width in characters for the preview (default 42)
  --paper-out     start with no paper      --near-end   start with the roll nearly out
  --cover-open    start with the cover open --offline   start dead (reads, never answers)
  --help

Keys while running: p paper out, n near end, c cover, o offline, d close the drawer,
x drop every connection, q quit.`;

/** Reads the flags; a bad one prints the usage and exits with 2. */
function readOptions() {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string', default: '9100' },
        host: { type: 'string', default: '127.0.0.1' },
        columns: { type: 'string', default: '42' },
        'paper-out': { type: 'boolean', default: false },
        'near-end': { type: 'boolean', default: false },
        'cover-open': { type: 'boolean', default: false },
        offline: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    const port = Number(values.port);
    const columns = Number(values.columns);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${values.port}`);
    if (!Number.isInteger(columns) || columns < 16 || columns > 96)
      throw new Error(`bad columns: ${values.columns}`);
    return { ...values, port, columns };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

const options = readOptions();
if (options.help) {
  console.log(usage);
  process.exit(0);
}

const printer = await startEscposEmulator({ host: options.host, port: options.port });
printer.setCondition({
  paperOut: options['paper-out'],
  paperNearEnd: options['near-end'],
  coverOpen: options['cover-open'],
  offline: options.offline,
});

/** One line saying what the printer is going through. */
function describeCondition() {
  const c = printer.condition();
  const on = Object.entries(c)
    .filter(([, value]) => value)
    .map(([key]) => key);
  return `condition: ${on.length ? on.join(', ') : 'ready'}`;
}

let discardedSince = 0;
printer.onEvent((event) => {
  if (event.type === 'connection')
    console.log(`connection ${event.connection} ${event.open ? 'opened' : 'closed'}`);
  if (event.type === 'receipt') {
    console.log(
      `\n── receipt ${event.index + 1} ──\n${renderPreview([...event.elements, event.cut], options)}\n`,
    );
  }
  if (event.type === 'kick') {
    console.log(
      `drawer kick ${event.count}: pin ${event.kick.pin}, ${event.kick.onMs} ms on, ${event.kick.offMs} ms off`,
    );
  }
  if (event.type === 'discarded') {
    discardedSince += 1;
    if (discardedSince === 1) console.log(`not printing (${event.reason}): what arrives is discarded`);
  }
});

console.log(`virtual ESC/POS printer on ${printer.url}, ${describeCondition()}`);

function toggle(key) {
  printer.setCondition({ [key]: !printer.condition()[key] });
  discardedSince = 0;
  console.log(describeCondition());
}

async function quit() {
  await printer.close();
  process.exit(0);
}

const keys = {
  p: () => toggle('paperOut'),
  n: () => toggle('paperNearEnd'),
  c: () => toggle('coverOpen'),
  o: () => toggle('offline'),
  d: () => {
    printer.setCondition({ drawerOpen: false });
    console.log('drawer closed');
  },
  x: () => {
    printer.dropConnections();
    console.log('connections dropped');
  },
  q: quit,
  '\u0003': quit,
};

if (process.stdin.isTTY) {
  process.stdin.setRawMode(true);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (key) => keys[key]?.());
}
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
