/**
 * The fast paths behind receipts per second, each held to the library it replaced: our Code 128 against bwip-js (the
 * same bars), our TrueType subsets against fontkit's (the same glyph outlines and advances), and the
 * ASCII word shaping against fontkit's full shaping (the same glyphs and positions). No database.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import bwipjs from 'bwip-js';
import { code128Widths } from '../src/modules/documents/documents.code128.ts';
import { TrueTypeSubset } from '../src/modules/documents/documents.subset.ts';
import PDFDocument, { shapeBothWays } from '../src/modules/documents/documents.pdfkit.ts';

const require = createRequire(import.meta.url);
// pdfkit's fontkit as an ES module: an instance of its own, untouched by documents.pdfkit.ts's sharing.
const fontkitDist = path.dirname(createRequire(require.resolve('pdfkit')).resolve('fontkit'));
const fontkit = (await import(pathToFileURL(path.join(fontkitDist, 'module.mjs')).href)) as {
  create(buffer: Buffer): {
    numGlyphs: number;
    layout(text: string): { glyphs: { id: number }[] };
    createSubset(): { includeGlyph(gid: number): number; encode(): Buffer };
    getGlyph(gid: number): { advanceWidth: number; path: { toSVG(): string } };
  };
};
const fontDir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const STYLES = ['400Regular', '700Bold', '400Regular_Italic', '700Bold_Italic'];
const fontBytes = (style: string) => fs.readFileSync(path.join(fontDir, style, `Tinos_${style}.ttf`));

/** A repeatable stream of pseudo-random numbers in [0, 1). */
function random(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

describe('Code 128', () => {
  test('gives the bars bwip-js gives, for dossier codes and mixed text', () => {
    const next = random(11);
    const samples = ['000.00.01.H29-260504-0001', '12', '123', '1234', 'ab12345cd', 'X1234Y', '0001.22', '5b0c7f0e-0000-4000-8000-000000000001', '~', ' '];
    for (let k = 0; k < 1500; k++) {
      let s = '';
      const length = 1 + Math.floor(next() * 30);
      for (let i = 0; i < length; i++) s += next() < 0.6 ? String.fromCharCode(48 + Math.floor(next() * 10)) : String.fromCharCode(32 + Math.floor(next() * 95));
      samples.push(s);
    }
    for (const text of samples) assert.deepEqual(code128Widths(text), bwipjs.raw({ bcid: 'code128', text })[0]!.sbs, JSON.stringify(text));
  });

  test('leaves text outside printable ASCII to bwip-js', () => {
    assert.equal(code128Widths('Hồ sơ'), null);
  });
});

describe('fonts', () => {
  test("a TrueType subset has fontkit's glyphs, outlines and advances, composites included", () => {
    for (const style of STYLES) {
      const bytes = fontBytes(style);
      const font = fontkit.create(bytes);
      const glyphs = font.layout('Đăng ký biến động HOÀN Thành phố Hồ Chí Minh ỷ ữ ặ Ǻ 0123456789 “½” —').glyphs.map((g) => g.id);
      const theirs = font.createSubset();
      const ours = new TrueTypeSubset(bytes);
      for (const gid of glyphs) assert.equal(ours.includeGlyph(gid), theirs.includeGlyph(gid));
      const a = fontkit.create(theirs.encode());
      const b = fontkit.create(ours.encode());
      assert.equal(b.numGlyphs, a.numGlyphs, style);
      for (let gid = 0; gid < a.numGlyphs; gid++) {
        assert.equal(b.getGlyph(gid).path.toSVG(), a.getGlyph(gid).path.toSVG(), `${style} glyph ${gid}`);
        assert.equal(b.getGlyph(gid).advanceWidth, a.getGlyph(gid).advanceWidth, `${style} glyph ${gid}`);
      }
    }
  });

  test('ASCII words are shaped as fontkit shapes them, kerning included', () => {
    const next = random(5);
    const doc = new PDFDocument({ font: false as unknown as string });
    const words = ['000.00.01.H29-260504-0001', '0031/TTPVHCC', 'ABCDEFGH23', 'AVATAR', 'Type', 'WAVE.', "L'T", 'fi', 'ffl', 'T.V.A.'];
    for (let k = 0; k < 400; k++) {
      let s = '';
      const length = 2 + Math.floor(next() * 20);
      for (let i = 0; i < length; i++) s += String.fromCharCode(32 + Math.floor(next() * 95));
      words.push(s);
    }
    let shortcuts = 0;
    for (const style of STYLES) {
      doc.registerFont(style, fontBytes(style));
      doc.font(style);
      for (const word of words) {
        const { fast, fontkit: reference } = shapeBothWays(doc, word);
        if (!fast) continue;
        shortcuts++;
        const r = reference as { glyphs: { id: number }[]; positions: object[]; advanceWidth: number };
        const f = fast as typeof r;
        assert.deepEqual(f.glyphs.map((g) => g.id), r.glyphs.map((g) => g.id), `${style} ${JSON.stringify(word)}`);
        assert.deepEqual(f.positions.map((p) => ({ ...p })), r.positions.map((p) => ({ ...p })), `${style} ${JSON.stringify(word)}`);
        assert.equal(f.advanceWidth, r.advanceWidth);
      }
    }
    assert.ok(shortcuts > words.length * 3, `the shortcut served only ${shortcuts} words`);
  });
});
