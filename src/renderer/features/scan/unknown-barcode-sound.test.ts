// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { playUnknownBarcodeSound } from './unknown-barcode-sound';

describe('playUnknownBarcodeSound', () => {
  it('never breaks the sale: no Web Audio, or one that fails, is silence', () => {
    expect(typeof AudioContext).toBe('undefined');
    expect(() => playUnknownBarcodeSound()).not.toThrow();
    const broken = {
      state: 'running',
      currentTime: 0,
      createOscillator: () => {
        throw new Error('no audio device');
      },
    } as unknown as BaseAudioContext;
    expect(() => playUnknownBarcodeSound(broken)).not.toThrow();
  });
});
