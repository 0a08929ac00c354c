/**
 * A short, low "error" beep for a barcode the register does not know (or a misread), made with the Web
 * Audio API so no sound file ships. The clerk is usually looking at the goods, not the screen: the sound
 * is what tells them to look up.
 *
 * ```ts
 * if (!product) playUnknownBarcodeSound();
 * ```
 */

/** One context for the page: browsers limit how many may exist. */
let shared: AudioContext | null = null;

/** Seconds of each of the two falling tones. */
const toneSeconds = 0.12;

/**
 * Plays two falling square-wave tones (880 Hz then 440 Hz, about a quarter second). Pass a context to
 * render elsewhere (e.g. an `OfflineAudioContext` in a test); by default the page's shared one. Never
 * throws: a missing or blocked audio device must not break the sale.
 */
export function playUnknownBarcodeSound(context?: BaseAudioContext): void {
  try {
    const audio = context ?? sharedContext();
    if (!audio) return;
    // Autoplay rules suspend a context created before a gesture; a scan is a keypress, which allows resume.
    if (audio.state === 'suspended' && 'resume' in audio) void (audio as AudioContext).resume();
    const start = audio.currentTime;
    const end = start + 2 * toneSeconds;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'square';
    oscillator.frequency.setValueAtTime(880, start);
    oscillator.frequency.setValueAtTime(440, start + toneSeconds);
    // Short ramps at both ends: a square wave switched on and off abruptly clicks.
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.01);
    gain.gain.setValueAtTime(0.2, end - 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, end);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(end);
  } catch {
    // No audio (headless, no device, policy): the on-screen message still says what happened.
  }
}

/** The page's context, created on first use; `null` where the Web Audio API is absent. */
function sharedContext(): AudioContext | null {
  if (shared) return shared;
  if (typeof AudioContext === 'undefined') return null;
  shared = new AudioContext();
  return shared;
}
