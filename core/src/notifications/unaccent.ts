/**
 * Vietnamese text without diacritics, for SMS: a message in GSM 7-bit letters fits 160 characters a
 * segment, while one with a single accented letter falls back to UCS-2 and 70. NFD splits every
 * accented letter into its base and combining marks (ế = e + ̂ + ́), which are dropped; đ and Đ are
 * letters of their own (not a d with a mark) and need mapping by hand. Typographic punctuation that
 * GSM 7-bit lacks is replaced by its ASCII look-alike.
 */
const PUNCTUATION: Record<string, string> = {
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2026': '...',
  '\u00A0': ' ',
};

export function unaccent(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[\u2013\u2014\u2018\u2019\u201C\u201D\u2026\u00A0]/g, (c) => PUNCTUATION[c] ?? c)
    .normalize('NFC');
}

/** Whether every character is plain ASCII (what an unaccented SMS must be). */
export const isPlainAscii = (text: string) => /^[\x20-\x7E\n]*$/.test(text);
