/**
 * The register's page is served from a custom `till://register/` origin instead of `file://`: a real,
 * fixed origin for sender checks and for IndexedDB, and `file://` keeps no extra privileges (the
 * `grantFileProtocolExtraPrivileges` fuse is off in electron-builder.yml). The page's Content Security
 * Policy goes with its HTML as a header (src/backend/csp.ts), since it names the hub the register is
 * enrolled with.
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

/**
 * Serves out/renderer on the scheme. Call once `app` is ready. `csp` gives the page's policy at the time of
 * the request, so a page loaded after a new enrollment may reach the new hub.
 */
export function serveRenderer(rendererDir: string, csp: () => Promise<string>): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveRendererFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!file.endsWith('.html')) return response;
    const headers = new Headers(response.headers);
    headers.set('content-type', 'text/html; charset=utf-8');
    headers.set('content-security-policy', await csp());
    return new Response(response.body, { status: response.status, headers });
  });
}
