import bwipjs from 'bwip-js';
import qrcode from 'qrcode-generator';

/**
 * QR and Code 128 symbols drawn as vector rectangles straight into the PDF: sharp at any print size
 * and no image to encode or compress. The QR matrix comes from qrcode-generator (about four times
 * faster than bwip-js's QR, which decided the receipts-per-second figure); Code 128 bar widths from bwip-js.
 */
type Doc = PDFKit.PDFDocument;

/** The QR symbol (error correction M, quiet zone included in `size`). */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const qr = qrcode(0, 'M');
  // Byte mode holding the UTF-8 bytes (the library takes one character per byte).
  qr.addData(Buffer.from(text.normalize('NFC'), 'utf8').toString('latin1'), 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 2;
  const unit = size / (count + 2 * quiet);
  doc.save();
  for (let row = 0; row < count; row++) {
    // Runs of dark modules on a row become one rectangle.
    let col = 0;
    while (col < count) {
      if (!qr.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.isDark(row, col)) col++;
      doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (col - start) * unit + 0.01, unit + 0.01);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** A Code 128 barcode `width` wide (quiet zones included) and `height` tall. */
export function drawCode128(doc: Doc, text: string, x: number, y: number, width: number, height: number) {
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  if (!symbol) throw new Error('Code 128 encoding failed');
  const quiet = 10;
  const modules = symbol.sbs.reduce((a, b) => a + b, 0) + 2 * quiet;
  const unit = width / modules;
  let at = x + quiet * unit;
  doc.save();
  symbol.sbs.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(at, y, w * unit, height);
    at += w * unit;
  });
  doc.fill('#000000');
  doc.restore();
}
