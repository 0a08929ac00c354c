/**
 * Maps a URL path to a file of the built renderer (out/renderer), refusing anything outside it.
 * Used by Electron's app protocol and by the browser-mode host's static server, so both serve the same
 * files by the same rule. Plain Node: no Electron here.
 */
import path from 'node:path';

/** The file a URL path names inside `rootDir`, or null when it would escape it. `/` means index.html. */
export function resolveRendererFile(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}
