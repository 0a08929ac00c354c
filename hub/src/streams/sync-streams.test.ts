/**
 * A register's stream, on a real hub database: its RESYNC (which makes the register pull) is sent only
 * once the stream's cursors are fixed, so a sale committed after that pull always reaches it as an
 * event. The cursors' first read is held back here to open the window a busy database opens by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../../test/support/eventually';
import { DATABASES, type TestHub, auth, pushBody, startHub } from '../../../test/support/hub';
import { makeSale } from '../../../test/support/sales';
import { FeedsRepository } from '../repositories/feeds';
import { ChangeBus } from './change-bus';
import type { SseConnection } from './sse';
import { SyncStreams } from './sync-streams';

const DEADLINE_MS = 5_000;

/** A connection that records what it was sent. */
function recordingConnection() {
  const sent: string[] = [];
  const closeFns: (() => void)[] = [];
  let closed = false;
  const conn: SseConnection = {
    send: (data) => conn.sendFrame(`data: ${data}\n\n`),
    sendFrame: (text) => {
      if (!closed) sent.push(text);
    },
    onKeepalive: () => undefined,
    get closed() {
      return closed;
    },
    registerId: 'register-under-test',
    onClose: (fn) => closeFns.push(fn),
    close() {
      if (closed) return;
      closed = true;
      for (const fn of closeFns) fn();
    },
  };
  return { conn, sent };
}

/** Feeds whose cursors' first read waits until `release()`. */
function heldFeeds(hub: TestHub) {
  const real = new FeedsRepository(hub.db);
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let waiting = 0;
  const feeds = Object.create(real) as FeedsRepository;
  feeds.frontier = async (...args) => {
    waiting += 1;
    await gate;
    return real.frontier(...args);
  };
  return { feeds, release, waiting: () => waiting };
}

describe.each(DATABASES)('a register stream on %s', (kind) => {
  let hub: TestHub;
  let token: string;
  let bus: ChangeBus;

  beforeAll(async () => {
    hub = await startHub(kind);
    token = (await hub.enroll('DEMO-S1-R1')).token;
    bus = await ChangeBus.start(hub.db);
  });
  afterAll(async () => {
    await bus.close();
    await hub.close();
  });

  const push = async (sale: unknown) => {
    const res = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/sync/sales/push',
      headers: auth(token),
      payload: pushBody([sale]),
    });
    expect(res.statusCode).toBe(200);
  };

  it('sends RESYNC only once its cursors are fixed, then streams a sale committed after it', async () => {
    const held = heldFeeds(hub);
    const streams = new SyncStreams(held.feeds, bus);
    const { conn, sent } = recordingConnection();
    try {
      streams.add('store-1', conn);
      expect(held.waiting()).toBeGreaterThan(0);
      // A sale lands while the cursors are still being read: no RESYNC yet, so the register has not pulled.
      await push(makeSale('store-1', [{ sku: 'SKU-00024', qty: 1 }]));
      expect(sent).toEqual([]);
      held.release();
      await eventually(() => sent.includes('data: RESYNC\n\n'), DEADLINE_MS, 'the RESYNC');
      // The register pulls now; the next sale is after that pull and must arrive as an event.
      const after = makeSale('store-1', [{ sku: 'SKU-00025', qty: 1 }]);
      await push(after);
      await eventually(() => sent.some((f) => f.includes(after.id)), DEADLINE_MS, "the later sale's event");
      expect(sent[0]).toBe('data: RESYNC\n\n');
    } finally {
      streams.close();
    }
  });

  it('sends nothing to a stream that closed before its cursors were fixed', async () => {
    const held = heldFeeds(hub);
    const streams = new SyncStreams(held.feeds, bus);
    const { conn, sent } = recordingConnection();
    try {
      streams.add('store-1', conn);
      conn.close();
      held.release();
      await push(makeSale('store-1', [{ sku: 'SKU-00026', qty: 1 }]));
      // A second, open stream of the same store hears the next sale; the closed one heard nothing.
      const other = recordingConnection();
      streams.add('store-1', other.conn);
      await eventually(() => other.sent.includes('data: RESYNC\n\n'), DEADLINE_MS, 'the open stream');
      const next = makeSale('store-1', [{ sku: 'SKU-00027', qty: 1 }]);
      await push(next);
      await eventually(() => other.sent.some((f) => f.includes(next.id)), DEADLINE_MS, 'the next sale');
      expect(sent).toEqual([]);
    } finally {
      streams.close();
    }
  });
});
