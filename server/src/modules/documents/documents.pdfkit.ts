import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { TrueTypeSubset } from './documents.subset.ts';

/**
 * pdfkit, loaded so that many papers a second are cheap: pdfkit parses each font anew for every
 * document (fontkit.create) and shapes every word again (its layout cache lives per document). Here the
 * parsed fonts are shared by all documents (fontkit fonts are immutable once parsed) and so are the
 * shaped words; each document still makes its own subset of the glyphs it uses.
 */
const local = createRequire(import.meta.url);
const fromPdfkit = createRequire(local.resolve('pdfkit'));
const fontkitPath = fromPdfkit.resolve('fontkit');
const fontkit = fromPdfkit('fontkit') as { create: (buffer: Uint8Array, family?: string) => object };
const parsed = new Map<Uint8Array, object>();
const cached = fromPdfkit.cache[fontkitPath];
/** Whether pdfkit got the sharing fontkit (false when someone loaded pdfkit before this module). */
let sharing = false;
if (cached && !(cached.exports as { __shared?: boolean }).__shared) {
  cached.exports = {
    ...fontkit,
    __shared: true,
    create(buffer: Uint8Array, family?: string) {
      let font = parsed.get(buffer);
      if (!font) {
        font = fontkit.create(buffer, family);
        knowCharacters(font as { glyphForCodePoint?: (cp: number) => unknown });
        fastSubsets(font);
        parsed.set(buffer, font);
      }
      return font;
    },
  };
}

/**
 * Each PDF's subset of a TrueType font made by `TrueTypeSubset` (bytes copied) rather than fontkit's
 * (every glyph decoded, every table re-encoded): the same tables and glyph programs, several times faster.
 */
type FontkitFont = { stream?: { buffer?: Uint8Array }; directory?: { tables?: Record<string, unknown> }; _variationProcessor?: unknown; createSubset?: () => unknown };
const fast = new WeakSet<object>();
function fastSubsets(font: object) {
  const f = font as FontkitFont;
  const bytes = f.stream?.buffer;
  if (fast.has(font) || !bytes || !f.directory?.tables?.glyf || f._variationProcessor) return;
  fast.add(font);
  f.createSubset = () => new TrueTypeSubset(bytes);
}

/**
 * fontkit caches each glyph with the characters it was first met for. A glyph first reached by
 * decomposing a precomposed letter (Ồ → O + marks) is cached with none, and the PDF's text layer then
 * loses that letter (copy, search and pdftotext read "H ÀN" for "HOÀN"). Meeting every base letter
 * by its own code point first fixes the mapping for good.
 */
const known = new WeakSet<object>();
function knowCharacters(font: { glyphForCodePoint?: (cp: number) => unknown }) {
  if (!font.glyphForCodePoint || known.has(font)) return;
  known.add(font);
  const ranges: [number, number][] = [[0x20, 0x7e], [0xa0, 0x24f], [0x300, 0x323], [0x1ea0, 0x1ef9], [0x2010, 0x2027]];
  for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) font.glyphForCodePoint(cp);
}

const pdfkitWasLoaded = Boolean(local.cache[local.resolve('pdfkit')]);
const PDFDocument = local('pdfkit') as typeof import('pdfkit');
sharing = Boolean(cached && !pdfkitWasLoaded);

type Run = unknown;
const shaped = new WeakMap<object, Map<string, Run>>();
let patched = false;

/**
 * Makes sure each of the document's fonts maps its base letters (even when pdfkit was loaded by
 * someone else before this module and so parses fonts itself), and shares shaped words across documents.
 * Selecting a font makes pdfkit embed it, so with the sharing fontkit in place (fonts prepared once,
 * when parsed) only the first is selected: a paper that never uses bold italic does not carry it.
 */
export function prepareFonts(doc: PDFKit.PDFDocument, names: string[]) {
  const d = doc as unknown as { _font?: { font?: object } };
  for (const name of sharing ? names.slice(0, 1) : names) {
    doc.font(name);
    if (d._font?.font) {
      knowCharacters(d._font.font as { glyphForCodePoint?: (cp: number) => unknown });
      fastSubsets(d._font.font);
    }
  }
  shareLayouts(doc);
  fasterDeflate(doc);
}

/**
 * pdfkit deflates every stream (page content, embedded fonts, ToUnicode maps) at zlib's default
 * level 6, the largest single cost of a receipt once the rest was made cheap. Level 3 (no lazy
 * matching) deflates a receipt's streams in about 1.0 ms instead of 1.4 ms for 3 % more bytes (level 1
 * is no faster on these streams and 5 % larger). The stream is compressed here, in the same format,
 * and pdfkit told not to compress it again.
 */
const DEFLATE_LEVEL = 3;
let deflatePatched = false;
function fasterDeflate(doc: PDFKit.PDFDocument) {
  if (deflatePatched) return;
  const root = (doc as unknown as { _root?: object })._root;
  const proto = root && (Object.getPrototypeOf(root) as { finalize?: () => void });
  if (!proto || typeof proto.finalize !== 'function') return;
  const original = proto.finalize;
  proto.finalize = function (this: { compress?: boolean; buffer: Buffer[] | Buffer; data: { Filter?: string } }) {
    if (this.compress && Array.isArray(this.buffer) && this.buffer.length && this.data.Filter === 'FlateDecode') {
      this.buffer = [zlib.deflateSync(Buffer.concat(this.buffer), { level: DEFLATE_LEVEL })];
      this.compress = false;
    }
    return original.call(this);
  };
  deflatePatched = true;
}

function shareLayouts(doc: PDFKit.PDFDocument) {
  if (patched) return;
  const font = (doc as unknown as { _font?: { font?: object; layoutCached?: unknown } })._font;
  if (!font?.font || typeof font.layoutCached !== 'function') return;
  const proto = Object.getPrototypeOf(font) as { layoutCached: (this: EmbeddedFont, text: string) => Run };
  const original = proto.layoutCached;
  proto.layoutCached = function (text: string) {
    let runs = shaped.get(this.font);
    if (!runs) shaped.set(this.font, (runs = new Map()));
    let run = runs.get(text);
    if (run === undefined) {
      run = shapeAscii(this, text) ?? original.call(this, text);
      if (runs.size < 50_000) runs.set(text, run);
    }
    return run;
  };
  patched = true;
}

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
type Glyph = { id: number; advanceWidth: number; codePoints: number[] };
type FontkitRun = { glyphs: Glyph[]; positions: Position[] };
type EmbeddedFont = { font: { layout(text: string): FontkitRun }; scale: number };
type Pair = { left: Position; right: Position } | null;
const pairs = new WeakMap<object, { single: Map<number, FontkitRun | null>; pair: Map<number, Pair> }>();

/**
 * A word of printable ASCII (the varying part of most papers: codes, numbers, dates) shaped from
 * its letters and the pairs they form, each shaped once by fontkit and kept, instead of running
 * fontkit's whole shaping pipeline (about 0.2 ms for a dossier code) for every new word. Exact for
 * fonts whose only effect on ASCII is pair kerning: a pair that fontkit shapes into other glyphs
 * (a ligature) sends the word back to fontkit, and the tests compare both ways on many words.
 * Returns the run as pdfkit's own `layoutRun` makes it (positions scaled to 1000 units per em).
 */
function shapeAscii(font: EmbeddedFont, text: string): Run | null {
  const n = text.length;
  if (n < 2 || n > 64) return null;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return null;
  }
  let known = pairs.get(font.font);
  if (!known) pairs.set(font.font, (known = { single: new Map(), pair: new Map() }));
  const single = (c: number) => {
    let run = known.single.get(c);
    if (run === undefined) {
      run = font.font.layout(String.fromCharCode(c));
      if (run.glyphs.length !== 1) run = null;
      known.single.set(c, run);
    }
    return run;
  };
  const pair = (a: number, b: number): Pair => {
    const key = (a << 8) | b;
    let p = known.pair.get(key);
    if (p === undefined) {
      const run = font.font.layout(String.fromCharCode(a, b));
      const ga = single(a)?.glyphs[0];
      const gb = single(b)?.glyphs[0];
      p = run.glyphs.length === 2 && run.glyphs[0]!.id === ga?.id && run.glyphs[1]!.id === gb?.id ? { left: run.positions[0]!, right: run.positions[1]! } : null;
      known.pair.set(key, p);
    }
    return p;
  };
  const glyphs: Glyph[] = [];
  const positions: (Position & { advanceWidth: number })[] = [];
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const base = single(c);
    if (!base) return null;
    const own = base.positions[0]!;
    let { xAdvance, yAdvance, xOffset, yOffset } = own;
    if (i > 0) {
      const p = pair(text.charCodeAt(i - 1), c);
      if (!p) return null;
      xAdvance += p.right.xAdvance - own.xAdvance;
      yAdvance += p.right.yAdvance - own.yAdvance;
      xOffset += p.right.xOffset - own.xOffset;
      yOffset += p.right.yOffset - own.yOffset;
    }
    if (i < n - 1) {
      const p = pair(c, text.charCodeAt(i + 1));
      if (!p) return null;
      xAdvance += p.left.xAdvance - own.xAdvance;
      yAdvance += p.left.yAdvance - own.yAdvance;
      xOffset += p.left.xOffset - own.xOffset;
      yOffset += p.left.yOffset - own.yOffset;
    }
    const glyph = base.glyphs[0]!;
    glyphs.push(glyph);
    const s = font.scale;
    positions.push({ xAdvance: xAdvance * s, yAdvance: yAdvance * s, xOffset: xOffset * s, yOffset: yOffset * s, advanceWidth: glyph.advanceWidth * s });
  }
  let advanceWidth = 0;
  for (const p of positions) advanceWidth += p.xAdvance;
  return { glyphs, positions, advanceWidth };
}

/** For the tests: the ASCII shortcut and pdfkit's own shaping of the same word, side by side. */
export function shapeBothWays(doc: PDFKit.PDFDocument, text: string): { fast: Run | null; fontkit: Run } {
  const font = (doc as unknown as { _font: EmbeddedFont & { layoutRun(text: string): Run } })._font;
  return { fast: shapeAscii(font, text), fontkit: font.layoutRun(text) };
}

export default PDFDocument;
