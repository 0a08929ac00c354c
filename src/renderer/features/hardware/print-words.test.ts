import { describe, expect, it } from 'vitest';
import { printAnswerWords } from './print-words';

describe('printAnswerWords', () => {
  it('says printed only when the printer took the job', () => {
    expect(printAnswerWords({ printed: true, state: 'done', message: 'Printed.' }, undefined)).toBe(
      'Receipt printed.',
    );
    expect(printAnswerWords({ printed: false, state: 'queued', message: '' }, undefined)).toBe(
      'The receipt is on its way to the printer.',
    );
  });

  it('tells a held receipt’s reason in the counter’s words, or the spool’s words when unknown', () => {
    const held = { printed: false, state: 'held' as const, message: 'Not printed yet, kept to print later.' };
    expect(printAnswerWords(held, 'paper_out')).toBe(
      'Printer out of paper — the receipt will print when paper is loaded.',
    );
    expect(printAnswerWords(held, 'cover_open')).toContain('cover');
    expect(printAnswerWords(held, undefined)).toBe(held.message);
  });
});
