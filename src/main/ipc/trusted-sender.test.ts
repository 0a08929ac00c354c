import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender';

const trusted = { webContentsIds: new Set([1]), protocol: 'till:', host: 'register' };
const ours = { webContentsId: 1, frameUrl: 'till://register/index.html', isMainFrame: true };

describe('isTrustedSender', () => {
  it("accepts our window's main frame on our origin", () => {
    expect(isTrustedSender(ours, trusted)).toBe(true);
    expect(isTrustedSender({ ...ours, frameUrl: 'till://register/index.html#x' }, trusted)).toBe(true);
  });

  it('refuses subframes, other windows, other origins and detached frames', () => {
    expect(isTrustedSender({ ...ours, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, webContentsId: 2 }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'https://evil.example/' }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'till://other/index.html' }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'file:///tmp/index.html' }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: undefined }, trusted)).toBe(false);
    expect(isTrustedSender({ ...ours, frameUrl: 'not a url' }, trusted)).toBe(false);
  });
});
