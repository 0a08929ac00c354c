import { describe, expect, it } from 'vitest';
import { checkUpgrade, loopbackPolicy } from './upgrade-gate';

const policy = loopbackPolicy(5173, 'secret-token');
const good = { url: '/till?token=secret-token', origin: 'http://127.0.0.1:5173', host: '127.0.0.1:5173' };

describe('checkUpgrade', () => {
  it('lets our own page in', () => {
    expect(checkUpgrade(good, policy)).toEqual({ ok: true });
    expect(
      checkUpgrade({ ...good, origin: 'http://localhost:5173', host: 'localhost:5173' }, policy),
    ).toEqual({
      ok: true,
    });
  });

  it('refuses a missing or wrong token with 401', () => {
    expect(checkUpgrade({ ...good, url: '/till' }, policy)).toMatchObject({ ok: false, status: 401 });
    expect(checkUpgrade({ ...good, url: '/till?token=' }, policy)).toMatchObject({ ok: false, status: 401 });
    expect(checkUpgrade({ ...good, url: '/till?token=secret-tokem' }, policy)).toMatchObject({ status: 401 });
    expect(checkUpgrade({ ...good, url: '/till?token=secret' }, policy)).toMatchObject({ status: 401 });
  });

  it('refuses a foreign, missing or other-port origin with 403', () => {
    for (const origin of [
      'http://evil.example',
      'http://127.0.0.1:3000',
      'https://127.0.0.1:5173',
      'null',
      undefined,
    ]) {
      expect(checkUpgrade({ ...good, origin }, policy)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses a foreign Host header (DNS rebinding) with 403', () => {
    expect(checkUpgrade({ ...good, host: 'evil.example:5173' }, policy)).toMatchObject({ status: 403 });
    expect(checkUpgrade({ ...good, host: undefined }, policy)).toMatchObject({ status: 403 });
  });

  it('answers 404 off the WebSocket path', () => {
    expect(checkUpgrade({ ...good, url: '/other?token=secret-token' }, policy)).toMatchObject({
      status: 404,
    });
  });
});
