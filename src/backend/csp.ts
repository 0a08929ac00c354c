/**
 * The register page's Content Security Policy, sent as a response header by both of its servers (Electron's
 * app protocol and the browser-mode host) rather than written in index.html, because it names the hub the
 * register is enrolled with, which only the process host knows. Scripts, styles and the rest only from the
 * page's own origin, no inline code, no eval; connections to the page's own origin (the browser-mode host's
 * WebSocket) and to the hub's, so the replica can pull, push and hold the event stream open.
 */
import { enrollmentFile } from './enrollment/enrollment-file';
import type { DemoEnrollment } from './enrollment/register-handlers';

/** What the policy depends on. */
export interface RendererCspOptions {
  /** Hub URLs (or origins) the page may connect to; anything that is not an http(s) URL is left out. */
  hubOrigins: readonly string[];
}

/** The policy, as one header value. */
export function rendererCsp(options: RendererCspOptions): string {
  const hubs = [...new Set(options.hubOrigins.map(httpOrigin).filter((o): o is string => o !== null))];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ['connect-src', "'self'", ...hubs].join(' '),
    "media-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    // A header can say what a meta tag cannot: no one may frame the register page.
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy for the page now: the enrolled hub (if any) and the demo hub the process was started with. */
export async function currentRendererCsp(context: {
  dataDir: string;
  demoEnrollment: DemoEnrollment | null;
}): Promise<string> {
  // A page must still be served when the enrollment cannot be read; it then reaches no hub.
  const stored = await enrollmentFile(context.dataDir)
    .load()
    .catch(() => null);
  const hubOrigins = [stored?.hubUrl, context.demoEnrollment?.hubUrl].filter(
    (url): url is string => url !== undefined,
  );
  return rendererCsp({ hubOrigins });
}

function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}
