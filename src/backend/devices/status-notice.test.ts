import { describe, expect, it } from 'vitest';
import { deviceStatusNotice } from './status-notice';

describe('deviceStatusNotice', () => {
  it('warns once when devices go down, and says when they are back', () => {
    expect(deviceStatusNotice('running', { state: 'restarting', restarts: 1 })).toMatchObject({
      level: 'warning',
      code: 'devices_reconnecting',
    });
    expect(deviceStatusNotice('restarting', { state: 'restarting', restarts: 2 })).toBeNull();
    expect(deviceStatusNotice('restarting', { state: 'running', restarts: 2, pid: 10 })).toMatchObject({
      level: 'info',
      code: 'devices_reconnected',
    });
  });

  it('says nothing about a normal start or stop', () => {
    expect(deviceStatusNotice('stopped', { state: 'starting', restarts: 0 })).toBeNull();
    expect(deviceStatusNotice('starting', { state: 'running', restarts: 0, pid: 10 })).toBeNull();
    expect(deviceStatusNotice('running', { state: 'stopped', restarts: 0 })).toBeNull();
  });
});
