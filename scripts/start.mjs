// `npm start`: build the register if needed, start the hub if it exists, then the register itself —
// in Electron when its binary is installed, otherwise in browser mode (the register host on 127.0.0.1 and
// Chromium in app mode, or the URL printed when there is no display). The register is started with the demo
// hub's address and its reusable code (TILL_HUB_URL, TILL_ENROLL_CODE), so a fresh register enrolls itself
// and replicates the demo store, and with virtual hardware (TILL_VIRTUAL_HARDWARE=1). Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const children = new Set();
let stopping = false;

/** Starts a child in its own process group, so that stopping it also stops what it started (npm → node). */
function run(name, command, args, { onExit, pipeStdout = false, logFile, env } = {}) {
  const log = logFile ? openSync(logFile, 'a') : undefined;
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    detached: process.platform !== 'win32',
    stdio: ['ignore', log ?? (pipeStdout ? 'pipe' : 'inherit'), log ?? 'inherit'],
  });
  children.add(child);
  child.on('error', (error) => console.error(`${name} could not start: ${error.message}`));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) onExit?.(code, signal);
  });
  return child;
}

function signal(child, name) {
  try {
    if (process.platform === 'win32') child.kill();
    else process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}

/** Stops every child (SIGTERM, then SIGKILL after 5 s) and exits. */
function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children) {
    signal(child, 'SIGTERM');
    child.on('exit', () => children.size === 0 && process.exit(exitCode));
  }
  setTimeout(() => {
    for (const child of children) signal(child, 'SIGKILL');
    process.exit(exitCode);
  }, 5000).unref();
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

/** The Electron executable, or null when its postinstall download did not run (or could not). */
function electronBinary() {
  const dir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function chromiumBinary() {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'chromium'))) return path.join(dir, 'chromium');
  }
  return null;
}

// The demo hub's address (npm run hub listens on PORT, default 4000) and its reusable enrollment code; a
// register already enrolled keeps its enrollment, and either may be overridden from the environment.
const registerEnv = {
  TILL_HUB_URL: process.env.TILL_HUB_URL || `http://localhost:${process.env.PORT || 4000}`,
  TILL_ENROLL_CODE: process.env.TILL_ENROLL_CODE || 'DEMO-S1-R1',
  // Virtual hardware (a network receipt printer, a serial scanner, a pole display) so the demo prints and
  // scans without devices; TILL_VIRTUAL_HARDWARE=0 runs the register with its real devices.json only.
  TILL_VIRTUAL_HARDWARE: process.env.TILL_VIRTUAL_HARDWARE || '1',
};

// Chromium (and so Electron) refuses to start as root unless its OS sandbox is off; containers often run as root.
const rootOnlyArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

function startHub() {
  if (!existsSync(path.join(root, 'hub/src/server.ts'))) {
    console.log('Hub: not built yet (hub/src/server.ts is absent); the register starts without it.');
    return;
  }
  const npm = process.env.npm_execpath;
  const [command, args] = npm ? [process.execPath, [npm, 'run', 'hub']] : ['npm', ['run', 'hub']];
  // The register is offline-first: it keeps running when the hub stops.
  run('hub', command, args, {
    onExit: (code) => console.log(`Hub exited (code ${code}); the register keeps running.`),
  });
}

function startElectron(binary) {
  run('Electron', binary, [...rootOnlyArgs, '.'], { env: registerEnv, onExit: (code) => stopAll(code ?? 0) });
}

function startBrowserMode() {
  console.log(
    "Electron's binary is missing (its download could not run here); `npm run electron:fetch` downloads it " +
      'where the network allows. Starting the register in browser mode.',
  );
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const host = run('register host', process.execPath, [tsx, 'src/host/main.ts'], {
    env: registerEnv,
    pipeStdout: true,
    onExit: (code) => {
      console.log(`The register host exited (code ${code}).`);
      stopAll(code || 1);
    },
  });
  let buffered = '';
  let opened = false;
  host.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffered += chunk.toString();
    const url = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(buffered)?.[0];
    if (url && !opened) {
      opened = true;
      openRegisterWindow(url);
    }
  });
}

function openRegisterWindow(url) {
  const chromium = chromiumBinary();
  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!chromium || !display) {
    const why = chromium ? 'no display' : 'Chromium not found';
    console.log(`Open the register in Chromium (${why}): ${url}`);
    return;
  }
  // Its own profile: the page's IndexedDB replica lives there, and Chromium must not hand the window to a
  // browser that is already running (that would exit at once and take no part in Ctrl-C).
  const profile = path.join(root, 'data/register-browser');
  mkdirSync(profile, { recursive: true });
  // Chromium logs a lot that is not ours (D-Bus, GPU); it goes to a file so that the terminal stays readable.
  const logFile = path.join(root, 'data/register-browser.log');
  const args = [
    ...rootOnlyArgs,
    `--app=${url}`,
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
  ];
  console.log(`Opening the register in Chromium (its log: ${path.relative(root, logFile)}).`);
  run('Chromium', chromium, args, {
    logFile,
    onExit: () => {
      console.log('The register window was closed.');
      stopAll(0);
    },
  });
}

try {
  ensureBuild(root);
} catch (error) {
  console.error(`${error.message}; fix the build and run npm start again.`);
  process.exit(1);
}
startHub();
const electron = electronBinary();
if (electron) startElectron(electron);
else startBrowserMode();
