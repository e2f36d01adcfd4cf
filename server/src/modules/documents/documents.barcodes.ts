import bwipjs from 'bwip-js';
import { code128Widths } from './documents.code128.ts';
import encodeQR from 'qr';

/**
 * QR and Code 128 symbols drawn as vector rectangles straight into the PDF: sharp at any print size
 * and no image to encode or compress. The QR matrix comes from `qr` (paulmillr/qr: byte mode, level M,
 * best of eight masks, about 0.5 ms a receipt where qrcode-generator took 5–9 ms choosing its mask);
 * Code 128 bar widths from `documents.code128.ts` (the same bars as bwip-js, which remains for text
 * outside printable ASCII).
 */
type Doc = PDFKit.PDFDocument;

/** The QR symbol (error correction M, quiet zone included in `size`). */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  // Byte mode holding the UTF-8 bytes; the matrix comes with its quiet zone of two modules.
  const m = encodeQR(text.normalize('NFC'), 'raw', { ecc: 'medium', encoding: 'byte', border: 2 });
  const count = m.length;
  const unit = size / count;
  // In module units (one content-stream line per run of dark modules on a row: "col row width 1 re"),
  // all in one path filled once, so neighbouring runs join without seams.
  const runs: string[] = [];
  for (let row = 0; row < count; row++) {
    const line = m[row]!;
    let col = 0;
    while (col < count) {
      if (!line[col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && line[col]) col++;
      runs.push(`${start} ${row} ${col - start} 1 re`);
    }
  }
  doc.save();
  doc.transform(unit, 0, 0, unit, x, y);
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
