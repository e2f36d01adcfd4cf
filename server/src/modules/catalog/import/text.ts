import { normalizeName } from '@motcua/core/units/name-key.ts';

/**
 * Text from the portal, stored in Unicode NFC (the source mixes NFC and NFD). Prose keeps its line
 * breaks; empty strings become null.
 */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return text === '' ? null : text;
}

/** Names and labels: NFC with every run of white space (no-break spaces and line breaks too) as one space. */
export function cleanName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const name = normalizeName(value);
  return name === '' ? null : name;
}

export function cleanNames(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  const out: string[] = [];
  for (const v of values) {
    const name = cleanName(v);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Top-level keys of a record holding some string that is not NFC (what `non_nfc` reports). */
export function nonNfcKeys(record: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const walk = (value: unknown): boolean => {
    if (typeof value === 'string') return value !== value.normalize('NFC');
    if (Array.isArray(value)) return value.some(walk);
    if (value && typeof value === 'object') return Object.values(value).some(walk);
    return false;
  };
  for (const [key, value] of Object.entries(record)) if (walk(value)) keys.push(key);
  return keys;
}

/** The date (Vietnam time) of an epoch-milliseconds instant, as the portal stores decision dates. */
export function vietnamDate(epochMs: unknown): string | null {
  if (typeof epochMs !== 'number' || !Number.isFinite(epochMs)) return null;
  return new Date(epochMs + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Text as compared when looking for names inside it: NFC, lower case, single spaces, and the old and
 * new tone placements made one ("hoà" = "hòa", "thuỷ" = "thủy"), as core/src/units/name-key.ts does.
 */
export function comparable(text: string): string {
  return normalizeName(text)
    .toLocaleLowerCase('vi')
    .replace(/oà/g, 'òa').replace(/oá/g, 'óa').replace(/oả/g, 'ỏa').replace(/oã/g, 'õa').replace(/oạ/g, 'ọa')
    .replace(/uỳ/g, 'ùy').replace(/uý/g, 'úy').replace(/uỷ/g, 'ủy').replace(/uỹ/g, 'ũy').replace(/uỵ/g, 'ụy');
}
