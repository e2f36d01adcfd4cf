import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument, { prepareFonts } from './documents.pdfkit.ts';
import { drawQr } from './documents.barcodes.ts';

/**
 * The page furniture every paper shares (A4, Times-compatible Tinos with full Vietnamese coverage,
 * SIL Open Font Licence, from @expo-google-fonts/tinos): the QR in the top-left corner, the unit's
 * header and number on the left, the national header with place and date on the right, the form
 * number, the title, numbered lines, tables and signature blocks. Every string is NFC before pdfkit sees it.
 */
const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
const fontFile = (style: string) => fs.readFileSync(path.join(fontDir, style, `Tinos_${style}.ttf`));

let fonts: Record<'regular' | 'bold' | 'italic' | 'boldItalic', Buffer> | null = null;
function loadFonts() {
  fonts ??= { regular: fontFile('400Regular'), bold: fontFile('700Bold'), italic: fontFile('400Regular_Italic'), boldItalic: fontFile('700Bold_Italic') };
  return fonts;
}

export const nfc = (s: string | null | undefined) => (s ?? '').normalize('NFC');

const VN_OFFSET = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');
function vn(ms: number) {
  const d = new Date(ms + VN_OFFSET);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() };
}
/** 04/05/2026 */
export const vnDate = (ms: number | string | Date | null | undefined) => {
  if (ms === null || ms === undefined) return '';
  const p = vn(new Date(ms).getTime());
  return `${two(p.d)}/${two(p.m)}/${p.y}`;
};
/** 08 giờ 00 phút, ngày 04/05/2026 */
export const vnDateTime = (ms: number | string | Date | null | undefined) => {
  if (ms === null || ms === undefined) return '';
  const p = vn(new Date(ms).getTime());
  return `${two(p.h)} giờ ${two(p.min)} phút, ngày ${two(p.d)}/${two(p.m)}/${p.y}`;
};
/** 08:00 04/05/2026 */
export const vnShort = (ms: number | string | Date | null | undefined) => {
  if (ms === null || ms === undefined) return '';
  const p = vn(new Date(ms).getTime());
  return `${two(p.h)}:${two(p.min)} ${two(p.d)}/${two(p.m)}/${p.y}`;
};
/** Thành phố Hồ Chí Minh, ngày 04 tháng 5 năm 2026 */
export const placeAndDate = (place: string, ms: number) => {
  const p = vn(ms);
  return `${place ? `${place}, ` : ''}ngày ${two(p.d)} tháng ${p.m < 3 ? two(p.m) : p.m} năm ${p.y}`;
};

export interface PaperHeader {
  qrText: string;
  superiorName: string;
  unitName: string;
  /** "Số: ……/TTPVHCC" */
  number: string;
  placeName: string;
  issuedAt: number;
  formLabel: string | null;
  title: string;
  subtitle?: string | null;
  footer: string;
  landscape?: boolean;
  pdfTitle: string;
  /** The info dictionary's Keywords (signed results carry their verification token there). */
  keywords?: string;
}

export const MARGIN = 50;

export class Paper {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(readonly header: PaperHeader) {
    const f = loadFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      layout: header.landscape ? 'landscape' : 'portrait',
      margins: { top: 40, bottom: 50, left: MARGIN, right: MARGIN },
      info: { Title: nfc(header.pdfTitle), Producer: 'MotCua', Creator: 'MotCua', ...(header.keywords ? { Keywords: header.keywords } : {}) },
      bufferPages: false,
      // No default font: pdfkit would otherwise parse Helvetica's metrics (or compare our font's whole
      // name table with itself) for every paper; ours are registered just below.
      font: false as unknown as string,
    });
    this.doc.registerFont('regular', f.regular);
    this.doc.registerFont('bold', f.bold);
    this.doc.registerFont('italic', f.italic);
    this.doc.registerFont('boldItalic', f.boldItalic);
    prepareFonts(this.doc, ['regular', 'bold', 'italic', 'boldItalic']);
    this.doc.font('regular').fontSize(13);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.on('pageAdded', () => this.drawFooter());
    this.drawHeader();
    this.drawFooter();
  }

  get width() {
    return this.doc.page.width;
  }
  get contentWidth() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private drawFooter() {
    if (!this.header.footer) return;
    const { doc } = this;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.y;
    doc.font('italic').fontSize(9).fillColor('#333333').text(nfc(this.header.footer), MARGIN, doc.page.height - 32, { width: this.contentWidth, align: 'center', lineBreak: false });
    doc.fillColor('#000000').font('regular').fontSize(13);
    doc.page.margins.bottom = bottom;
    doc.y = y;
    doc.x = MARGIN;
  }

  private drawHeader() {
    const { doc, header } = this;
    const top = 28;
    const qrSize = 74;
    drawQr(doc, header.qrText, 18, 14, qrSize);
    const leftX = 18 + qrSize + 4;
    const centreOfRight = this.width * 0.68;
    const leftWidth = centreOfRight - 150 - leftX - 6;
    // Left block: superior body, unit (bold), a short rule, the paper's number.
    doc.font('regular').fontSize(10.5);
    let y = top;
    if (header.superiorName) {
      doc.text(nfc(header.superiorName).toLocaleUpperCase('vi'), leftX, y, { width: leftWidth, align: 'center' });
      y = doc.y;
    }
    doc.font('bold').fontSize(10.5).text(nfc(header.unitName).toLocaleUpperCase('vi'), leftX, y, { width: leftWidth, align: 'center' });
    y = doc.y + 2;
    doc.moveTo(leftX + leftWidth / 2 - 30, y + 1).lineTo(leftX + leftWidth / 2 + 30, y + 1).lineWidth(0.6).stroke();
    doc.font('regular').fontSize(11).text(nfc(header.number), leftX, y + 5, { width: leftWidth, align: 'center' });
    const leftBottom = doc.y;
    // Right block: the national header, underlined motto, place and date.
    const rightX = centreOfRight - 150;
    doc.font('bold').fontSize(11).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightX, top, { width: 300, align: 'center' });
    doc.fontSize(12).text('Độc lập - Tự do - Hạnh phúc', rightX, doc.y, { width: 300, align: 'center' });
    const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
    const ruleY = doc.y + 1;
    doc.moveTo(centreOfRight - mottoWidth / 2, ruleY).lineTo(centreOfRight + mottoWidth / 2, ruleY).lineWidth(0.6).stroke();
    doc.font('italic').fontSize(12).text(nfc(placeAndDate(header.placeName, header.issuedAt)), rightX, ruleY + 6, { width: 300, align: 'center' });
    const rightBottom = doc.y;
    if (header.formLabel) doc.font('italic').fontSize(9).text(nfc(header.formLabel), this.width - MARGIN - 220, 10, { width: 220, align: 'right' });
    y = Math.max(leftBottom, rightBottom, 14 + qrSize) + 18;
    doc.font('bold').fontSize(14).text(nfc(header.title), MARGIN, y, { width: this.contentWidth, align: 'center' });
    if (header.subtitle) doc.font('italic').fontSize(12).text(nfc(header.subtitle), MARGIN, doc.y + 2, { width: this.contentWidth, align: 'center' });
    doc.moveDown(0.8);
    doc.font('regular').fontSize(13);
    doc.x = MARGIN;
  }

  /** A paragraph; `bold` parts are given as `**…**`. */
  para(text: string, options: { indent?: number; align?: 'left' | 'justify' | 'center'; size?: number; italic?: boolean } = {}) {
    const { doc } = this;
    const parts = nfc(text).split('**');
    while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    const x = MARGIN + (options.indent ?? 0);
    const width = this.contentWidth - (options.indent ?? 0);
    doc.fontSize(options.size ?? 13);
    parts.forEach((part, i) => {
      const bold = i % 2 === 1;
      doc.font(bold ? 'bold' : options.italic ? 'italic' : 'regular');
      // pdfkit justifies a continued part's first line on its own, spreading its few words across the
      // rest of the line ("Ông/Bà Nguyễn          Thị"): paragraphs with bold parts are set flush left.
      const align = options.align ?? (parts.length > 1 ? 'left' : 'justify');
      if (i === 0) doc.text(part, x, doc.y, { width, align, continued: i < parts.length - 1, lineGap: 1.5 });
      else doc.text(part, { continued: i < parts.length - 1, lineGap: 1.5 });
    });
    doc.font('regular').fontSize(13);
    doc.x = MARGIN;
    return this;
  }

  gap(lines = 0.3) {
    this.doc.moveDown(lines);
    return this;
  }

  ensureSpace(height: number) {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  /** A ruled table; column widths are fractions of the content width. */
  table(columns: { title: string; width: number; align?: 'left' | 'center' | 'right' }[], rows: string[][], options: { size?: number } = {}) {
    const { doc } = this;
    const size = options.size ?? 11;
    const total = columns.reduce((a, c) => a + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const pad = 3;
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'regular').fontSize(size);
      const heights = cells.map((c, i) => doc.heightOfString(nfc(c), { width: widths[i]! - 2 * pad }));
      const h = Math.max(...heights, size) + 2 * pad;
      this.ensureSpace(h);
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.rect(x, y, widths[i]!, h).lineWidth(0.5).stroke();
        doc.text(nfc(c), x + pad, y + pad, { width: widths[i]! - 2 * pad, align: bold ? 'center' : (columns[i]!.align ?? 'left') });
        x += widths[i]!;
      });
      doc.y = y + h;
    };
    drawRow(columns.map((c) => c.title), true);
    for (const r of rows) drawRow(r, false);
    doc.font('regular').fontSize(13);
    doc.x = MARGIN;
    doc.moveDown(0.4);
    return this;
  }

  /** Signature blocks side by side: a title, "(Ký và ghi rõ họ tên)", room to sign, the name. */
  signatures(blocks: { title: string; note?: string; name?: string | null }[]) {
    const { doc } = this;
    this.ensureSpace(120);
    doc.moveDown(0.6);
    const y = doc.y;
    const width = this.contentWidth / blocks.length;
    let bottom = y;
    blocks.forEach((b, i) => {
      const x = MARGIN + i * width;
      doc.font('bold').fontSize(12).text(nfc(b.title).toLocaleUpperCase('vi'), x, y, { width, align: 'center' });
      doc.font('italic').fontSize(11).text(nfc(b.note ?? '(Ký và ghi rõ họ tên)'), x, doc.y, { width, align: 'center' });
      if (b.name) doc.font('bold').fontSize(12).text(nfc(b.name), x, doc.y + 58, { width, align: 'center' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 10;
    doc.x = MARGIN;
    doc.font('regular').fontSize(13);
    return this;
  }

  async finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
