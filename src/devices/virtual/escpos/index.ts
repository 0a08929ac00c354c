/** The virtual ESC/POS network printer: decoder, emulator and previews (see README.md). */
export { createEscposDecoder, decodeEscpos, type EscposDecoder } from './decoder';
export type * from './elements';
export { isPrintElement } from './elements';
export { knownCodePages } from './code-pages';
export {
  startEscposEmulator,
  type DiscardReason,
  type EscposEmulator,
  type EscposEmulatorEvent,
  type EscposEmulatorOptions,
} from './emulator';
export { escposPreviewCss, renderPreview, renderPreviewHtml, type PreviewOptions } from './preview';
export type { PrinterCondition } from './status';
