import { createRequire } from 'node:module';
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
}

function shareLayouts(doc: PDFKit.PDFDocument) {
  if (patched) return;
  const font = (doc as unknown as { _font?: { font?: object; layoutCached?: unknown } })._font;
  if (!font?.font || typeof font.layoutCached !== 'function') return;
  const proto = Object.getPrototypeOf(font) as { layoutCached: (this: { font: object }, text: string) => Run };
  const original = proto.layoutCached;
  proto.layoutCached = function (text: string) {
    let runs = shaped.get(this.font);
    if (!runs) shaped.set(this.font, (runs = new Map()));
    let run = runs.get(text);
    if (run === undefined) {
      run = original.call(this, text);
      if (runs.size < 50_000) runs.set(text, run);
    }
    return run;
  };
  patched = true;
}

export default PDFDocument;
