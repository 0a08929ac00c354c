/**
 * Electron main entry: app lifecycle, the register window (and the customer display's), IPC, the device
 * service. Kept to wiring; each concern is its own file.
 */
import { app, powerMonitor, safeStorage, screen, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { appHost, appScheme, registerAppScheme, serveRenderer } from './app-protocol';
import { noticeDeviceStatus } from '../backend/devices/status-notice';
import { currentRendererCsp } from '../backend/csp';
import { demoEnrollmentFromEnv } from '../backend/enrollment/demo-enrollment';
import { createIpcHandlers } from '../backend/ipc/handlers';
import { forwardDeviceEvents } from '../backend/hardware/forward-events';
import type { VirtualRigClient } from '../backend/hardware/virtual-rig';
import { createUtilityDeviceHost, startUtilityVirtualRig } from './device-host';
import { registerIpc } from './ipc/register-ipc';
import { denyAllPermissions, guardNavigation } from './security';
import { createDisplayWindow, createMainWindow } from './window';

const outDir = path.resolve(import.meta.dirname, '..');
const isAppUrl = (url: string): boolean => url.startsWith(`${appScheme}://${appHost}/`);

registerAppScheme();
app.enableSandbox();
// TILL_DATA_DIR moves the register's data (enrollment, replica, keys) elsewhere, as it does for the
// browser-mode host: tests and a second register on one machine each get a folder of their own. It must be
// set before the single-instance lock, which is held per data folder.
const dataDirOverride = process.env.TILL_DATA_DIR?.trim();
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

// One register per machine account: the window owns the local database (RxDB `multiInstance: false`).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, isAppUrl));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => start());
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  // The device service's data (devices.json, the print spool) lives in the app's user data folder. With
  // TILL_VIRTUAL_HARDWARE=1 (npm start) the virtual twins start first, so their configuration is in place.
  const deviceDataDir = path.join(app.getPath('userData'), 'devices');
  const virtualRig = await startVirtualHardware(deviceDataDir);
  const devices = createUtilityDeviceHost(path.join(outDir, 'main', 'device-service.js'), {
    dataDir: deviceDataDir,
  });
  const register = {
    dataDir: app.getPath('userData'),
    // `npm start` sets TILL_HUB_URL and TILL_ENROLL_CODE so a fresh register enrolls with its demo hub.
    demoEnrollment: demoEnrollmentFromEnv(process.env),
  };
  serveRenderer(path.join(outDir, 'renderer'), () => currentRendererCsp(register));

  const preloadPath = path.join(outDir, 'preload', 'index.cjs');
  const window = createMainWindow(preloadPath);
  // Our windows: the register and, once opened, the customer display (both may call the contract).
  const trustedIds = new Set([window.webContents.id]);
  let displayWindow: BrowserWindow | null = null;
  const openDisplay = (): void => {
    if (displayWindow && !displayWindow.isDestroyed()) {
      displayWindow.show();
      return;
    }
    // A second screen, when there is one, is the customer's; otherwise the display opens as a window.
    const primary = screen.getPrimaryDisplay();
    const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
    const opened = createDisplayWindow(preloadPath, second ? second.bounds : null);
    const id = opened.webContents.id;
    trustedIds.add(id);
    opened.on('closed', () => {
      trustedIds.delete(id);
      if (displayWindow === opened) displayWindow = null;
    });
    displayWindow = opened;
  };
  const ipc = registerIpc(
    createIpcHandlers({
      version: app.getVersion(),
      mode: 'electron',
      platform: process.platform,
      ...register,
      // The store's staff key is sealed by the OS (Keychain, DPAPI, a Linux keyring) where it can be.
      keyEncryptor: safeStorage,
      onEnrollmentChanged: (enrollment) =>
        ipc.send(window.webContents, 'register:enrollment-changed', enrollment),
      onNotice: (notice) => ipc.send(window.webContents, 'app:notice', notice),
      openDisplay,
      onDisplayUpdate: (state) => {
        if (displayWindow) ipc.send(displayWindow.webContents, 'display:update', state);
      },
      devices,
      virtualRig: () => virtualRig,
    }),
    { webContentsIds: trustedIds, protocol: `${appScheme}:`, host: appHost },
  );
  if (screen.getAllDisplays().length > 1) openDisplay();
  // The display lives only as long as the register's window.
  window.on('closed', () => displayWindow?.destroy());

  // The device service is the second entry of the main build (electron.vite.config.ts), beside index.js.
  noticeDeviceStatus(devices, (notice) => ipc.send(window.webContents, 'app:notice', notice));
  forwardDeviceEvents(devices, (event, payload) => ipc.send(window.webContents, event, payload));
  void devices.start();
  app.on('will-quit', () => {
    void devices.stop();
    void virtualRig?.stop();
  });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // After sleep the hub may have moved on; the notice lets the page (and later sync) react.
  powerMonitor.on('resume', () =>
    ipc.send(window.webContents, 'app:notice', {
      level: 'info',
      code: 'system_resumed',
      message: 'The register woke from sleep.',
    }),
  );
}

/** The virtual hardware when TILL_VIRTUAL_HARDWARE=1 and the build has its entry; otherwise none. */
async function startVirtualHardware(dataDir: string): Promise<VirtualRigClient | null> {
  if (process.env.TILL_VIRTUAL_HARDWARE !== '1') return null;
  const rigPath = path.join(outDir, 'main', 'virtual-rig.js');
  if (!existsSync(rigPath)) {
    console.warn(`[devices] virtual hardware asked for, but this build has no ${rigPath}`);
    return null;
  }
  try {
    return await startUtilityVirtualRig(rigPath, dataDir);
  } catch (error) {
    console.warn(`[devices] the virtual hardware could not start: ${String(error)}`);
    return null;
  }
}
