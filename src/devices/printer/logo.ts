/**
 * The receipt logo (assets/receipt-logo.png: 1-bit, 384 dots wide), decoded once with pngjs into the
 * RGBA pixels the encoder dithers. A missing or broken logo is a coded error; the encoder then prints the
 * receipt without it rather than not at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import type { Result } from '@till/shared/result';

/** Decoded pixels in the plain shape the encoder accepts (`{ data, width, height }`, RGBA). */
export interface LogoImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Why there is no logo. */
export interface LogoError {
  code: 'logo_unavailable';
  message: string;
}

/** The widest logo that fits 58 mm paper at 203 dpi; wider images are refused rather than scaled. */
const maxWidth = 384;
const maxHeight = 480;

const cache = new Map<string, Result<LogoImage, LogoError>>();

/**
 * Finds assets/receipt-logo.png above this module: in the source tree it is three folders up
 * (src/devices/printer), in a build it is above out/main; `TILL_ASSETS_DIR` overrides both (packaged app).
 */
export function defaultLogoPath(): string {
  const fromEnv = process.env.TILL_ASSETS_DIR;
  if (fromEnv) return join(fromEnv, 'receipt-logo.png');
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 5; up += 1) {
    const candidate = join(dir, 'assets', 'receipt-logo.png');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'assets', 'receipt-logo.png');
}

/** Reads and decodes the logo at `path` (default: the project's), once per path. */
export function loadReceiptLogo(path: string = defaultLogoPath()): Result<LogoImage, LogoError> {
  const cached = cache.get(path);
  if (cached) return cached;
  let result: Result<LogoImage, LogoError>;
  try {
    const png = PNG.sync.read(readFileSync(path));
    if (png.width > maxWidth || png.height > maxHeight || png.width % 8 !== 0) {
      throw new Error(
        `${png.width}×${png.height} dots; it must be at most ${maxWidth} wide, a multiple of 8`,
      );
    }
    result = { ok: true, value: { data: new Uint8Array(png.data), width: png.width, height: png.height } };
  } catch (error) {
    result = {
      ok: false,
      error: { code: 'logo_unavailable', message: `receipt logo ${path}: ${(error as Error).message}` },
    };
  }
  cache.set(path, result);
  return result;
}
