import bwipjs from 'bwip-js';
import { code128Widths } from './documents.code128.ts';
import { encodeQr } from './documents.qr.ts';

/**
 * QR and Code 128 symbols drawn as vector rectangles straight into the PDF: sharp at any print size
 * and no image to encode or compress. The QR matrix comes from our encoder (`documents.qr.ts`, checked
 * module for module against qrcode-generator in the tests, several times faster in choosing the mask);
 * Code 128 bar widths from `documents.code128.ts` (the same bars as bwip-js, which remains for text
 * outside printable ASCII).
 */
type Doc = PDFKit.PDFDocument;

/** The QR symbol (error correction M, quiet zone included in `size`). */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  // Byte mode holding the UTF-8 bytes.
  const qr = encodeQr(Buffer.from(text.normalize('NFC'), 'utf8'));
  const count = qr.size;
  const quiet = 2;
  const unit = size / (count + 2 * quiet);
  // In module units (one content-stream line per run of dark modules on a row: "col row width 1 re"),
  // all in one path filled once, so neighbouring runs join without seams.
  const runs: string[] = [];
  const m = qr.modules;
  for (let row = 0; row < count; row++) {
    const base = row * count;
    let col = 0;
    while (col < count) {
      if (!m[base + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && m[base + col]) col++;
      runs.push(`${start} ${row} ${col - start} 1 re`);
    }
  }
  doc.save();
  doc.transform(unit, 0, 0, unit, x + quiet * unit, y + quiet * unit);
  doc.addContent(runs.join('\n'));
  doc.fill('#000000');
  doc.restore();
}

/** A Code 128 barcode `width` wide (quiet zones included) and `height` tall. */
export function drawCode128(doc: Doc, text: string, x: number, y: number, width: number, height: number) {
  const sbs = code128Widths(text) ?? bwipjs.raw({ bcid: 'code128', text })[0]?.sbs;
  if (!sbs) throw new Error('Code 128 encoding failed');
  const quiet = 10;
  const modules = sbs.reduce((a, b) => a + b, 0) + 2 * quiet;
  const unit = width / modules;
  let at = x + quiet * unit;
  doc.save();
  sbs.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(at, y, w * unit, height);
    at += w * unit;
  });
  doc.fill('#000000');
  doc.restore();
}
