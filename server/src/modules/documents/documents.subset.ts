/**
 * TrueType subsetting straight on the font's bytes, for the glyphs one PDF uses. Does what fontkit's
 * TTFSubset does (the tables a PDF's FontFile2 needs: head, hhea, maxp, loca, glyf, hmtx, cvt, fpgm,
 * prep; composite glyphs pull in their components, renumbered) without decoding every glyph's
 * outline and re-encoding every table through restructure, which was the largest cost of a receipt.
 * Glyph programs, hinting tables and metrics are copied byte for byte.
 */
interface Source {
  bytes: Uint8Array;
  view: DataView;
  tables: Map<string, { offset: number; length: number }>;
  glyphOffsets: Uint32Array;
  glyfOffset: number;
  numberOfHMetrics: number;
  hmtxOffset: number;
  numGlyphs: number;
}

const sources = new WeakMap<Uint8Array, Source>();

function sourceOf(bytes: Uint8Array): Source {
  let source = sources.get(bytes);
  if (source) return source;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t;
  };
  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const longLoca = view.getInt16(table('head').offset + 50) === 1;
  const loca = table('loca').offset;
  const glyphOffsets = new Uint32Array(numGlyphs + 1);
  for (let g = 0; g <= numGlyphs; g++) glyphOffsets[g] = longLoca ? view.getUint32(loca + 4 * g) : view.getUint16(loca + 2 * g) * 2;
  source = {
    bytes,
    view,
    tables,
    glyphOffsets,
    glyfOffset: table('glyf').offset,
    numberOfHMetrics: view.getUint16(table('hhea').offset + 34),
    hmtxOffset: table('hmtx').offset,
    numGlyphs,
  };
  sources.set(bytes, source);
  return source;
}

// Composite glyph component flags.
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

const checksum = (bytes: Uint8Array, offset: number, length: number) => {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(offset + i)) >>> 0;
  if (whole < length) {
    let last = 0;
    for (let i = 0; i < 4; i++) last = (last << 8) | (whole + i < length ? bytes[offset + whole + i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
};

/** A subset with fontkit's Subset interface as pdfkit uses it: `includeGlyph(gid)` → new gid, `encode()`. */
export class TrueTypeSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  private readonly source: Source;

  constructor(fontBytes: Uint8Array) {
    this.source = sourceOf(fontBytes);
    this.includeGlyph(0); // .notdef first, always
  }

  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'object' ? glyph.id : glyph;
    let mapped = this.mapping.get(gid);
    if (mapped === undefined) {
      mapped = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, mapped);
    }
    return mapped;
  }

  encode(): Buffer {
    const s = this.source;
    // Glyph programs, copied; composites get their components' new numbers (which may add glyphs,
    // so the list is walked while it grows).
    const parts: Uint8Array[] = [];
    const offsets: number[] = [];
    let glyfLength = 0;
    for (let i = 0; i < this.glyphs.length; i++) {
      const gid = this.glyphs[i]!;
      const start = s.glyphOffsets[gid]!;
      const end = s.glyphOffsets[gid + 1]!;
      let data = s.bytes.subarray(s.glyfOffset + start, s.glyfOffset + end);
      if (data.length >= 10 && s.view.getInt16(s.glyfOffset + start) < 0) {
        data = Uint8Array.from(data);
        const v = new DataView(data.buffer);
        let at = 10;
        let flags: number;
        do {
          flags = v.getUint16(at);
          v.setUint16(at + 2, this.includeGlyph(v.getUint16(at + 2)));
          at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
          if (flags & WE_HAVE_A_SCALE) at += 2;
          else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
          else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
        } while (flags & MORE_COMPONENTS);
      }
      offsets.push(glyfLength);
      parts.push(data);
      glyfLength += data.length;
    }
    offsets.push(glyfLength);
    const n = this.glyphs.length;

    const copy = (tag: string) => {
      const t = s.tables.get(tag);
      return t ? s.bytes.subarray(t.offset, t.offset + t.length) : null;
    };
    const head = Uint8Array.from(copy('head')!);
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set at the end
    headView.setInt16(50, 1); // long loca offsets
    const hhea = Uint8Array.from(copy('hhea')!);
    new DataView(hhea.buffer).setUint16(34, n);
    const maxp = Uint8Array.from(copy('maxp')!);
    new DataView(maxp.buffer).setUint16(4, n);
    const loca = new Uint8Array(4 * (n + 1));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((o, i) => locaView.setUint32(4 * i, o));
    const hmtx = new Uint8Array(4 * n);
    const hmtxView = new DataView(hmtx.buffer);
    const lastAdvance = s.view.getUint16(s.hmtxOffset + 4 * (s.numberOfHMetrics - 1));
    this.glyphs.forEach((gid, i) => {
      const long = gid < s.numberOfHMetrics;
      hmtxView.setUint16(4 * i, long ? s.view.getUint16(s.hmtxOffset + 4 * gid) : lastAdvance);
      hmtxView.setInt16(4 * i + 2, long ? s.view.getInt16(s.hmtxOffset + 4 * gid + 2) : s.view.getInt16(s.hmtxOffset + 4 * s.numberOfHMetrics + 2 * (gid - s.numberOfHMetrics)));
    });

    // Tables in tag order, each on a four-byte boundary.
    const tables: [string, Uint8Array[] | Uint8Array, number][] = [];
    const add = (tag: string, data: Uint8Array[] | Uint8Array | null, length?: number) => {
      if (data) tables.push([tag, data, length ?? (data as Uint8Array).length]);
    };
    add('cvt ', copy('cvt '));
    add('fpgm', copy('fpgm'));
    add('glyf', parts, glyfLength);
    add('head', head);
    add('hhea', hhea);
    add('hmtx', hmtx);
    add('loca', loca);
    add('maxp', maxp);
    add('prep', copy('prep'));
    const count = tables.length;
    const dirLength = 12 + 16 * count;
    let total = dirLength;
    for (const [, , length] of tables) total += (length + 3) & ~3;
    const out = Buffer.alloc(total);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    let power = 1;
    while (power * 2 <= count) power *= 2;
    view.setUint32(0, 0x00010000);
    view.setUint16(4, count);
    view.setUint16(6, power * 16);
    view.setUint16(8, Math.log2(power));
    view.setUint16(10, count * 16 - power * 16);
    let at = dirLength;
    let headAt = 0;
    tables.forEach(([tag, data, length], i) => {
      const start = at;
      if (Array.isArray(data)) for (const part of data) (out.set(part, at), (at += part.length));
      else (out.set(data, at), (at += data.length));
      at = start + ((length + 3) & ~3);
      if (tag === 'head') headAt = start;
      const rec = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
      view.setUint32(rec + 4, checksum(out, start, length));
      view.setUint32(rec + 8, start);
      view.setUint32(rec + 12, length);
    });
    view.setUint32(headAt + 8, (0xb1b0afba - checksum(out, 0, total)) >>> 0);
    return out;
  }
}
