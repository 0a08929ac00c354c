/**
 * Character tables for the code pages a receipt printer is switched to with `ESC t n` (Epson's numbering,
 * which the receipt encoder also uses). Bytes below 0x80 are ASCII on every page; the tables hold the upper
 * half. Pages the emulator does not know are read as CP437, the printer's power-on page.
 */

/** CP437 (PC USA), `ESC t 0`: the page the encoder starts every receipt with. */
const CP437 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** CP850 (Multilingual Latin 1), `ESC t 2`. */
const CP850 =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐' +
  '└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

/** CP858, `ESC t 19`: CP850 with the euro sign where CP850 has the dotless i. */
const CP858 = CP850.slice(0, 0x55) + '€' + CP850.slice(0x56);

/**
 * Windows-1252, `ESC t 16`: Latin-1 with printable characters in 0x80–0x9F. Written out because Node's
 * `TextDecoder('windows-1252')` reads those bytes as Latin-1 control codes. Bytes it leaves undefined stay
 * the C1 code point.
 */
const WINDOWS1252 =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ' +
  String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i));

/** ISO 8859-15 (Latin 9), `ESC t 40`. */
const ISO885915 = new TextDecoder('iso-8859-15').decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));

const upperHalves = new Map<number, string>([
  [0, CP437],
  [2, CP850],
  [16, WINDOWS1252],
  [19, CP858],
  [40, ISO885915],
]);

/** The `ESC t` numbers with a table of their own; any other page is read as CP437. */
export const knownCodePages: readonly number[] = [...upperHalves.keys()];

/** Decodes one printable byte (0x20…0xFF) in the code page selected with `ESC t page`. */
export function decodeByte(byte: number, page: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  const table = upperHalves.get(page) ?? CP437;
  return table.charAt(byte - 0x80);
}
