/**
 * The register's main window and the customer display window, with the Electron security settings of
 * docs/architecture.md, "Processes".
 */
import { BrowserWindow } from 'electron';
import type { WebPreferences } from 'electron';
import { appIndexUrl } from './app-protocol';

/** Creates the window, loads the register page and shows it once painted. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Till',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f4f5f7',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appIndexUrl);
  return window;
}

/** The settings every window of ours runs with (docs/architecture.md, Processes: Electron security). */
function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/**
 * Creates the customer display window: the same page at `#display` (it follows `display:update` events
 * and never opens the replica), full screen on `bounds` when a second screen is there, else a window.
 */
export function createDisplayWindow(
  preloadPath: string,
  bounds: { x: number; y: number; width: number; height: number } | null,
): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Till — customer display',
    ...(bounds ?? { width: 1024, height: 768 }),
    fullscreen: bounds !== null,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#1b2430',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appIndexUrl}#display`);
  return window;
}
