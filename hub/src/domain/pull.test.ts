/**
 * The pull checkpoint as a register sends it: absent, empty or JSON null is the start; anything else must
 * be `{"xid":"<digits>","seq":<int>}`, and each way of getting it wrong is refused as `invalid_checkpoint`
 * with a message that shows the expected form.
 */
import { describe, expect, it } from 'vitest';
import { START_CHECKPOINT } from '@till/shared/sync/protocol';
import { DomainError } from './errors';
import { pageJson, parseCheckpoint } from './pull';

/** The error parseCheckpoint throws for `raw`. */
function refusal(raw: string): DomainError {
  try {
    parseCheckpoint(raw);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error(`${raw} was accepted`);
}

describe('parseCheckpoint', () => {
  it.each([undefined, '', 'null', ' null '])('reads %j as the start', (raw) => {
    expect(parseCheckpoint(raw)).toEqual(START_CHECKPOINT);
  });

  it('reads a checkpoint the hub gave out', () => {
    expect(parseCheckpoint('{"xid":"123","seq":4}')).toEqual({ xid: '123', seq: 4 });
  });

  it('refuses text that is not JSON, showing the form it wants', () => {
    const err = refusal('{xid:1');
    expect(err.code).toBe('invalid_checkpoint');
    expect(err.message).toContain('must be JSON like {"xid":"123","seq":4}');
  });

  it.each(['{"xid":"12a","seq":1}', '{"xid":"-1","seq":1}', '{"xid":"1"}', '[]', '"start"'])(
    'refuses JSON %s that is not a checkpoint, naming the fields',
    (raw) => {
      const err = refusal(raw);
      expect(err.code).toBe('invalid_checkpoint');
      expect(err.message).toContain('{"xid":"<digits>","seq":<int>}');
    },
  );
});

describe('pageJson', () => {
  it('passes the documents through as the database gave them and adds the checkpoint', () => {
    const text = pageJson({ documentsJson: '[{"id":"a"}]', count: 1, checkpoint: { xid: '9', seq: 2 } });
    expect(JSON.parse(text)).toEqual({ documents: [{ id: 'a' }], checkpoint: { xid: '9', seq: 2 } });
  });
});
