/** The register page's CSP: today's strict policy, with the enrolled hub and the demo hub in connect-src. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentRendererCsp, rendererCsp } from './csp';
import { enrollmentFile } from './enrollment/enrollment-file';

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );

describe('rendererCsp', () => {
  it('allows only its own origin, and connections to the hubs named', () => {
    const policy = directives(
      rendererCsp({
        hubOrigins: ['http://localhost:4000/', 'https://hub.example:8443/base', 'http://localhost:4000'],
      }),
    );
    expect(policy).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'self' http://localhost:4000 https://hub.example:8443",
      'media-src': "'self'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('leaves out anything that is not an http(s) origin', () => {
    const policy = directives(
      rendererCsp({
        hubOrigins: ['*', "'unsafe-inline'", 'javascript:alert(1)', 'ws://x', 'x; script-src *'],
      }),
    );
    expect(policy['connect-src']).toBe("'self'");
    expect(policy['script-src']).toBe("'self'");
  });
});

describe('currentRendererCsp', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'till-csp-'));
  });
  afterEach(async () => rm(dataDir, { recursive: true, force: true }));

  it('names the demo hub, then the enrolled one too', async () => {
    const demoEnrollment = { hubUrl: 'http://localhost:4000', code: 'DEMO-S1-R1' };
    expect(directives(await currentRendererCsp({ dataDir, demoEnrollment: null }))['connect-src']).toBe(
      "'self'",
    );
    expect(directives(await currentRendererCsp({ dataDir, demoEnrollment }))['connect-src']).toBe(
      "'self' http://localhost:4000",
    );
    await enrollmentFile(dataDir).save({
      hubUrl: 'http://10.0.0.5:4000',
      registerId: 'reg-1',
      storeId: 'store-1',
      token: 'tok_0123456789abcdef',
      name: 'Till 1',
      enrolledAt: '2026-11-27T10:00:00.000Z',
    });
    expect(directives(await currentRendererCsp({ dataDir, demoEnrollment }))['connect-src']).toBe(
      "'self' http://10.0.0.5:4000 http://localhost:4000",
    );
  });
});
