// Thermal printers print single-byte code pages, not Unicode. The ticket is
// written in PC850 (Latin-1 letters such as é, ñ, ü) and every character the code
// page lacks is transliterated first, so no citizen sees "?" or mojibake.

export type CodePage = "PC437" | "PC850";

/** ESC t n values for the code pages we know. */
export const CODE_TABLE_NUMBER: Record<CodePage, number> = { PC437: 0, PC850: 2 };
export const CODE_PAGE_BY_NUMBER: Readonly<Record<number, CodePage>> = { 0: "PC437", 2: "PC850" };

/** iconv-lite names, for escpos' text() encoding option. */
export const ICONV_NAME: Record<CodePage, string> = { PC437: "cp437", PC850: "cp850" };

// Bytes 0x80..0xFF of each code page (0x00..0x7F is ASCII).
const HIGH_HALF: Record<CodePage, string> = {
  PC437:
    "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0",
  PC850:
    "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0",
};

const ENCODE_MAPS = new Map<CodePage, Map<string, number>>(
  (Object.keys(HIGH_HALF) as CodePage[]).map((page) => {
    const map = new Map<string, number>();
    [...HIGH_HALF[page]].forEach((char, i) => map.set(char, 0x80 + i));
    return [page, map];
  }),
);

/** The character a printer shows for a byte under the code page. */
export function decodeByte(byte: number, page: CodePage): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  return [...HIGH_HALF[page]][byte - 0x80] ?? "?";
}

// Typography that Indonesian text (and copy-pasted SOP text) commonly carries.
const TYPOGRAPHY: Readonly<Record<string, string>> = {
  "\u2013": "-", // en dash, as in "10–25 menit"
  "\u2014": "-",
  "\u2212": "-",
  "\u2010": "-",
  "\u2011": "-",
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2026": "...",
  "\u2022": "*",
  "\u00a0": " ", // never send NBSP: some firmwares print it as a glyph
  "\u202f": " ",
  "\u2009": " ",
  "\u00ad": "",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
  "\u20ac": "EUR",
  "\u2122": "TM",
  "\t": " ",
  // Latin letters without a Unicode decomposition, so accent stripping misses them.
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
  "\u0152": "OE",
  "\u0153": "oe",
};

function representable(char: string, page: CodePage): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return true;
  return ENCODE_MAPS.get(page)?.has(char) ?? false;
}

/**
 * Rewrites text so every character exists in the code page: typography to ASCII,
 * accented letters kept when the page has them, else stripped of the accent.
 * Control characters are dropped: they would be read as printer commands.
 */
export function transliterate(text: string, page: CodePage): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    if (representable(char, page) && char !== "\u00a0" && char !== "\u00ad") {
      out += char;
      continue;
    }
    const typographic = TYPOGRAPHY[char];
    if (typographic !== undefined) {
      out += typographic;
      continue;
    }
    const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
    if (base.length > 0 && [...base].every((c) => representable(c, page))) {
      out += base;
    } else if (/\p{Cc}/u.test(char)) {
      // dropped
    } else {
      out += "?";
    }
  }
  return out;
}
