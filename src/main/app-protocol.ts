/**
 * The register's page is served from a custom `till://register/` origin instead of `file://`: a real,
 * fixed origin for sender checks and for IndexedDB, and `file://` keeps no extra privileges (the
 * `grantFileProtocolExtraPrivileges` fuse is off in electron-builder.yml).
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveRendererFile } from '../backend/renderer-files';

/** Our page's scheme (without the colon) and host. */
export const appScheme = 'till';
export const appHost = 'register';

/** The URL the main window loads. */
export const appIndexUrl = `${appScheme}://${appHost}/index.html`;

/** Declares the scheme as standard and secure. Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves out/renderer on the scheme. Call once `app` is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    return net.fetch(pathToFileURL(file).toString());
  });
}
