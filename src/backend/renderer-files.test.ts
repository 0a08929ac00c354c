import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from './renderer-files';

const root = path.resolve('/srv/renderer');

describe('resolveRendererFile', () => {
  it('maps / to index.html and paths to files under the root', () => {
    expect(resolveRendererFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
  });

  it('refuses anything that escapes the root', () => {
    for (const p of ['/..', '/../package.json', '/%2e%2e/x', '/assets/../../x', '/a%00b', '/%E0%A4%A']) {
      expect(resolveRendererFile(root, p)).toBeNull();
    }
  });
});
