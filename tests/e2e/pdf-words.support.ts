/**
 * A printed PDF read back with poppler (`pdftotext -bbox-layout`): its words
 * per page with their boxes, and the pairs that overlap, which is how the
 * printed reports are checked for text drawn over text.
 */
export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Words per page from `pdftotext -bbox-layout` (XHTML with one <word> per word). */
export function wordsByPage(xhtml: string): Word[][] {
  return xhtml
    .split(/<page [^>]*>/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }),
      ),
    );
}

/** Pairs of words whose boxes intersect by more than a hair (adjacent glyph boxes may touch). */
export function overlaps(words: Word[]): [string, string][] {
  const e = 0.6;
  const out: [string, string][] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (a.x0 + e < b.x1 && b.x0 + e < a.x1 && a.y0 + e < b.y1 && b.y0 + e < a.y1) out.push([a.text, b.text]);
    }
  }
  return out;
}
