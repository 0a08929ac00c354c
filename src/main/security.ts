/**
 * Electron hardening that does not depend on a particular window: permissions and navigation.
 * The window's own settings (sandbox, context isolation…) are in window.ts; the CSP is the response
 * header built by src/backend/csp.ts, served in both modes.
 */
import type { Session, WebContents } from 'electron';

/** Denies every permission the page could ask for: the register's hardware is reached through main. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Keeps a webContents on the register's own page: no navigation or redirect elsewhere, no new windows, no
 * `<webview>`. `isAppUrl` decides what counts as our page.
 */
export function guardNavigation(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      console.warn(`[security] blocked navigation to ${url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
