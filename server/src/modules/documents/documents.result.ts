import { formFor, paperName, type RuleVersion } from '@motcua/core/documents/forms.ts';
import { qrText } from '@motcua/core/documents/qr.ts';
import type { DossierDetail } from '@motcua/core/dossiers/schemas.ts';
import { drawQr } from './documents.barcodes.ts';
import { MARGIN, nfc, Paper, vnDate, vnShort } from './documents.paper.ts';
import type { ResolvedTemplate } from './documents.slips.ts';

/**
 * The result as issued electronically: one page stating the result (its code, the dossier, the
 * applicant, what was decided), the result file handed in by the processing unit (a scan shown on
 * the next page; a PDF carried inside as an attachment, so the signature covers it), and the visible
 * signature stamp with the signer, the time and the verification QR.
 */
export interface ResultInput {
  dossier: DossierDetail;
  resultCode: string;
  resultName: string;
  summary: string | null;
  template: ResolvedTemplate;
  signer: { name: string; title: string; unitName: string };
  signedAt: number;
  token: string;
  verificationUrl: string;
  file: { bytes: Buffer; mediaType: string; name: string } | null;
}

export function renderResult(input: ResultInput): Promise<Buffer> {
  const d = input.dossier;
  const rule = d.ruleVersion as RuleVersion;
  const form = formFor(rule, 'result')!;
  const applicant = d.applicant as { fullName?: string; idNumber?: string };
  const t = input.template;
  const paper = new Paper({
    qrText: qrText({ dossierCode: d.code, procedureCode: d.procedureCode, applicantId: applicant.idNumber ?? null, documentName: paperName(rule, 'result'), number: input.resultCode, link: input.verificationUrl }),
    superiorName: t.superiorName,
    unitName: t.unitName,
    number: `Số: ${input.resultCode}`,
    placeName: t.placeName,
    issuedAt: input.signedAt,
    formLabel: null,
    title: form.title,
    subtitle: input.resultName,
    footer: t.footer,
    pdfTitle: `${input.resultName} — ${input.resultCode}`,
    keywords: `motcua-verify:${input.token}`,
  });
  paper.para(`Mã kết quả: **${input.resultCode}**`);
  paper.para(`Mã hồ sơ: **${d.code ?? ''}**, tiếp nhận ngày ${vnDate(d.receivedAt)}`);
  paper.para(`Thủ tục: **${d.procedureName}** (mã thủ tục ${d.procedureCode})`);
  paper.para(`Người nộp: Ông/Bà **${applicant.fullName ?? ''}**, số định danh cá nhân ${applicant.idNumber ?? ''}`);
  paper.para(`Cơ quan giải quyết: ${d.competentUnit.name}`);
  if (input.summary) {
    paper.gap(0.3);
    paper.para(input.summary);
  }
  if (input.file) {
    paper.gap(0.3);
    if (input.file.mediaType === 'application/pdf') {
      paper.doc.file(input.file.bytes, { name: nfc(input.file.name), type: 'application/pdf', description: nfc(input.resultName) });
      paper.para(`Văn bản kết quả kèm theo (tệp đính kèm trong tài liệu này, được bảo vệ bởi chữ ký số): ${input.file.name}`, { italic: true, size: 11 });
    } else paper.para(`Bản quét văn bản kết quả ở trang sau: ${input.file.name}`, { italic: true, size: 11 });
  }
  // The visible signature stamp: who signed, when, and where anyone can check it.
  const { doc } = paper;
  paper.ensureSpace(130);
  doc.moveDown(0.8);
  const boxW = 300;
  const x = doc.page.width - MARGIN - boxW;
  const y = doc.y;
  doc.font('bold').fontSize(12).text(nfc(t.headTitle || 'Thủ trưởng cơ quan').toLocaleUpperCase('vi'), x, y, { width: boxW, align: 'center' });
  const boxY = doc.y + 4;
  doc.rect(x, boxY, boxW, 92).lineWidth(1).strokeColor('#b00000').stroke().strokeColor('#000000');
  drawQr(doc, input.verificationUrl, x + 4, boxY + 4, 84);
  doc.fillColor('#b00000').font('bold').fontSize(10).text('ĐÃ KÝ SỐ', x + 94, boxY + 6, { width: boxW - 100 });
  doc.font('regular').fontSize(9.5)
    .text(nfc(`Ký bởi: ${input.signer.name}`), { width: boxW - 100 })
    .text(nfc(`Chức vụ: ${input.signer.title}`), { width: boxW - 100 })
    .text(nfc(`Cơ quan: ${input.signer.unitName}`), { width: boxW - 100 })
    .text(nfc(`Thời gian ký: ${vnShort(input.signedAt)}`), { width: boxW - 100 })
    .text(nfc(`Xác minh: quét mã QR`), { width: boxW - 100 });
  doc.fillColor('#000000');
  doc.y = boxY + 100;
  doc.x = MARGIN;
  doc.font('italic').fontSize(9).text(nfc(`Xác minh tại: ${input.verificationUrl}`), MARGIN, doc.y, { width: paper.contentWidth, align: 'right' });
  if (input.file && input.file.mediaType !== 'application/pdf') {
    doc.addPage();
    doc.image(input.file.bytes, MARGIN, 60, { fit: [paper.contentWidth, doc.page.height - 140], align: 'center' });
  }
  return paper.finish();
}
