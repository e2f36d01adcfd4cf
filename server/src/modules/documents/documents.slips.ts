import { formFor, paperName, type RuleVersion, type SlipKind } from '@motcua/core/documents/forms.ts';
import { qrText } from '@motcua/core/documents/qr.ts';
import type { DossierDetail } from '@motcua/core/dossiers/schemas.ts';
import { STATUS_NAMES, type DossierStatus } from '@motcua/core/dossiers/statuses.ts';
import { drawCode128 } from './documents.barcodes.ts';
import { Paper, vnDate, vnDateTime, vnShort } from './documents.paper.ts';

/**
 * The mandated slips (REGULATIONS.md §4), each laid out from a dossier's detail: what was received,
 * what is missing, why it was refused, the apology and new date, the stop notice (Circular 03/2025
 * only), and the control sheet drawn from the dossier's hand-overs. Pure: the caller gathers the data.
 */
export interface ResolvedTemplate {
  superiorName: string;
  unitName: string;
  placeName: string;
  officerTitle: string;
  headTitle: string;
  returnPlace: string;
  footer: string;
}

export interface SlipInput {
  kind: SlipKind;
  dossier: DossierDetail;
  template: ResolvedTemplate;
  issuedAt: number;
  /** The public status page with its secret; null for a dossier that has no code. */
  statusUrl: string | null;
  communeNames: Record<string, string>;
}

/** A slip a dossier cannot have (no such event yet, or no such form under its rules). */
export class SlipUnavailable extends Error {
  constructor(readonly reason: 'not_in_circular' | 'no_such_event') {
    super(reason);
  }
}

type Person = { fullName?: string; idNumber?: string; phone?: string | null; email?: string | null; address?: { communeCode: string; detail: string } | null; authorization?: string };

const DURATION_UNITS: Record<string, string> = { workingDays: 'ngày làm việc', workingHours: 'giờ làm việc', calendarDays: 'ngày', months: 'tháng' };
const RETURN_METHODS: Record<string, string> = { counter: 'Trả trực tiếp tại Bộ phận Một cửa', electronic: 'Trả bản điện tử qua tài khoản dịch vụ công', postal: 'Trả qua dịch vụ bưu chính công ích' };
const TIMELINESS: Record<string, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };
const CHANNEL_NAMES: Record<number, string> = { 1: 'trực tiếp', 2: 'trực tuyến', 3: 'qua dịch vụ bưu chính công ích' };

function addressOf(p: Person, communes: Record<string, string>) {
  if (!p.address) return '';
  const commune = communes[p.address.communeCode];
  return [p.address.detail, commune].filter(Boolean).join(', ');
}

export function durationText(d: { unit: string; value: number } | null) {
  if (!d) return 'theo quyết định của cơ quan có thẩm quyền';
  return `${String(d.value).replace('.', ',')} ${DURATION_UNITS[d.unit] ?? d.unit}`;
}

const lastEvent = (d: DossierDetail, types: string[]) => [...d.events].reverse().find((e) => types.includes(e.type)) ?? null;

/** The serial part of the code ("0001" of 000.00.01.H29-260504-0001), used as the paper's number. */
const serial = (code: string | null) => (code ? (code.split('-').pop() ?? '') : '');

export function renderSlip(input: SlipInput): Promise<Buffer> {
  const { dossier: d, kind } = input;
  const rule = d.ruleVersion as RuleVersion;
  const form = formFor(rule, kind);
  if (!form) throw new SlipUnavailable('not_in_circular');
  const applicant = d.applicant as Person;
  const rep = d.representative as Person | null;
  const received = d.events.find((e) => e.type === 'received' || e.type === 'refused' || e.type === 'intake_supplement_requested') ?? d.events[0];
  const name = paperName(rule, kind);
  const event = kind === 'supplement' ? lastEvent(d, ['supplement_requested', 'intake_supplement_requested'])
    : kind === 'refusal' ? lastEvent(d, ['refused'])
    : kind === 'apology' ? lastEvent(d, ['apology_issued'])
    : kind === 'stop' ? lastEvent(d, ['stopped', 'withdrawal_requested'])
    : kind === 'receipt' ? lastEvent(d, ['received'])
    : received;
  if (!event) throw new SlipUnavailable('no_such_event');
  const issuedAt = kind === 'control-sheet' ? input.issuedAt : Date.parse(event.at);
  const t = input.template;
  const paper = new Paper({
    qrText: qrText({ dossierCode: d.code, procedureCode: d.procedureCode, applicantId: applicant.idNumber ?? null, documentName: name, link: input.statusUrl }),
    superiorName: t.superiorName,
    unitName: t.unitName,
    number: `Số: ${serial(d.code) || '……'}${form.numberSuffix}`,
    placeName: t.placeName,
    issuedAt,
    formLabel: `Mẫu số ${form.number} — ${form.circular}`,
    title: form.title,
    subtitle: kind === 'receipt' || kind === 'control-sheet' ? `Mã hồ sơ: ${d.code ?? '—'}` : null,
    footer: t.footer,
    pdfTitle: `${name} — ${d.code ?? d.id}`,
  });
  const who = `Ông/Bà **${applicant.fullName ?? ''}**`;
  const idLine = `Số định danh cá nhân: ${applicant.idNumber ?? ''}`;
  const contact = [addressOf(applicant, input.communeNames) && `Địa chỉ: ${addressOf(applicant, input.communeNames)}`, applicant.phone && `Số điện thoại: ${applicant.phone}`, applicant.email && `Email: ${applicant.email}`].filter(Boolean).join('; ');
  const matter = `Nội dung yêu cầu giải quyết: **${d.procedureName}** (mã thủ tục ${d.procedureCode})`;
  const officer = received?.actor?.fullName ?? null;

  switch (kind) {
    case 'receipt': {
      paper.para(`${t.unitName} tiếp nhận hồ sơ của: ${who}`);
      paper.para(idLine, { indent: 14 });
      if (contact) paper.para(contact, { indent: 14 });
      if (rep) {
        paper.para(`Người được ủy quyền: **${rep.fullName ?? ''}**; số định danh cá nhân: ${rep.idNumber ?? ''}`, { indent: 14 });
        const repContact = [addressOf(rep, input.communeNames), rep.phone, rep.email].filter(Boolean).join('; ');
        if (repContact) paper.para(`Địa chỉ, liên hệ: ${repContact}`, { indent: 14 });
        if (rep.authorization) paper.para(`Giấy ủy quyền: ${rep.authorization}`, { indent: 14 });
      }
      paper.para(matter);
      paper.para('1. Thành phần hồ sơ nộp gồm:');
      const intake = d.documents.filter((x) => x.purpose === 'intake' && x.provided);
      paper.table(
        [{ title: 'STT', width: 6, align: 'center' }, { title: 'Tên giấy tờ', width: 60 }, { title: 'Bản chính', width: 10, align: 'center' }, { title: 'Bản sao', width: 10, align: 'center' }, { title: 'Số hóa', width: 10, align: 'center' }],
        intake.map((x, i) => [String(i + 1), x.name, String(x.originals), String(x.copies), x.digitized ? 'Có' : 'Không']),
      );
      paper.para('2. Số lượng hồ sơ: 01 (bộ)');
      paper.para(`3. Thời gian giải quyết hồ sơ theo quy định là: **${durationText(d.duration)}**`);
      paper.para(`4. Thời gian nhận hồ sơ: **${vnDateTime(d.receivedAt)}**`);
      paper.para(`5. Thời gian trả kết quả giải quyết hồ sơ: **${d.dueAt ? vnDateTime(d.dueAt) : 'sẽ thông báo sau'}**`);
      paper.para(`6. Đăng ký nhận kết quả tại: ${t.returnPlace || t.unitName}. Hình thức: ${RETURN_METHODS[d.returnMethod] ?? d.returnMethod}.`);
      paper.para(`7. Vào Sổ theo dõi hồ sơ, Quyển số: ${vnDate(d.receivedAt).slice(6)}, Số thứ tự: ${serial(d.code)}`);
      paper.para(`Tra cứu tình trạng hồ sơ: quét mã QR ở góc trên bên trái, hoặc nhập mã hồ sơ và mã tra cứu **${d.lookupSecret}** tại cổng dịch vụ công.`, { size: 11, italic: true });
      paper.ensureSpace(50);
      const y = paper.doc.y + 2;
      drawCode128(paper.doc, d.code ?? d.id, paper.width / 2 - 130, y, 260, 34);
      paper.doc.font('regular').fontSize(10).text(d.code ?? d.id, 0, y + 36, { width: paper.width, align: 'center' });
      paper.doc.x = 50;
      paper.signatures([{ title: 'Người nộp hồ sơ', name: rep?.fullName ?? applicant.fullName ?? '' }, { title: t.officerTitle || 'Người tiếp nhận hồ sơ', name: officer }]);
      break;
    }
    case 'supplement': {
      const missing = ((event.data as { missing?: string[] }).missing ?? []) as string[];
      paper.para(`Hồ sơ của: ${who}`);
      paper.para(matter);
      if (contact) paper.para(contact);
      if (d.code) paper.para(`Mã hồ sơ: **${d.code}**`);
      paper.para(`Sau khi xem xét, đối chiếu với quy định, ${t.unitName} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`);
      missing.forEach((m, i) => paper.para(`${i + 1}. ${m}`, { indent: 14 }));
      paper.para(`Lý do: ${event.reason ?? ''}`);
      paper.para(`Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ${event.actor?.fullName ?? 'cán bộ tiếp nhận'} tại ${t.unitName} để được hướng dẫn.`);
      paper.signatures([{ title: 'Người hướng dẫn', name: event.actor?.fullName ?? null }]);
      break;
    }
    case 'refusal': {
      paper.para(`${t.unitName} tiếp nhận hồ sơ của: ${who}`);
      paper.para(idLine, { indent: 14 });
      if (contact) paper.para(contact, { indent: 14 });
      if (d.code) paper.para(`Mã hồ sơ: **${d.code}**`);
      paper.para(matter);
      paper.para('Qua xem xét, đối chiếu với quy định, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
      paper.para(event.reason ?? '', { indent: 14 });
      paper.para('Xin thông báo để Ông/Bà được biết và thực hiện.');
      paper.signatures([{ title: 'Người nộp hồ sơ', name: applicant.fullName ?? '' }, { title: t.officerTitle || 'Người tiếp nhận hồ sơ', name: event.actor?.fullName ?? null }]);
      break;
    }
    case 'apology': {
      const data = event.data as { newDueAt?: number; previousDueAt?: number };
      paper.para(`Kính gửi: Ông/Bà ${applicant.fullName ?? ''}`, { align: 'center' });
      paper.para(`Ngày ${vnDate(d.receivedAt)}, ${t.unitName} tiếp nhận giải quyết hồ sơ của Ông/Bà ${applicant.fullName ?? ''}, số định danh cá nhân ${applicant.idNumber ?? ''}, mã hồ sơ **${d.code ?? ''}**, về việc: ${d.procedureName}.`);
      paper.para(`Thời gian hẹn trả kết quả giải quyết hồ sơ: **${vnDateTime(data.previousDueAt ?? null)}**.`);
      paper.para(`Tuy nhiên, đến nay ${d.competentUnit.name} chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hẹn. Lý do: ${event.reason ?? ''}`);
      paper.para(
        rule === 'nd61_2018'
          ? `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${t.unitName} xin lỗi Ông/Bà và hẹn lại ngày trả kết quả là: **${vnDateTime(data.newDueAt ?? null)}**.`
          : `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${t.unitName} xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết, trả kết quả vào: **${vnDateTime(data.newDueAt ?? null)}**.`,
      );
      paper.para('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà.');
      paper.signatures([{ title: '', note: ' ' }, { title: t.headTitle || 'Thủ trưởng cơ quan', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: event.actor?.fullName ?? null }]);
      break;
    }
    case 'stop': {
      const requested = lastEvent(d, ['withdrawal_requested']);
      paper.para(`Kính gửi: Ông/Bà ${applicant.fullName ?? ''}`, { align: 'center' });
      paper.para(`Mã hồ sơ: **${d.code ?? ''}**; ${idLine}.`);
      paper.para(matter);
      paper.para(`Ngày tiếp nhận: ${vnDate(d.receivedAt)}, hình thức nộp: ${CHANNEL_NAMES[d.channel] ?? ''}.`);
      if (requested) paper.para(`Ngày Ông/Bà đề nghị dừng giải quyết: ${vnDate(requested.at)}.`);
      paper.para(`Tình trạng hồ sơ: ${STATUS_NAMES[d.status as DossierStatus]?.vi ?? d.status}.`);
      paper.para(`${t.unitName} thông báo dừng giải quyết hồ sơ nêu trên. Lý do: ${event.reason ?? ''}`);
      paper.para('Phí, lệ phí đã nộp (nếu có) được xử lý theo quy định của pháp luật.');
      paper.signatures([{ title: '', note: ' ' }, { title: t.headTitle || 'Thủ trưởng cơ quan', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: event.actor?.fullName ?? null }]);
      break;
    }
    case 'control-sheet': {
      paper.para(`Cơ quan, đơn vị tiếp nhận: ${d.receivingUnit.name}. Cơ quan giải quyết: ${d.competentUnit.name}.`);
      paper.para(`Người nộp: ${who}. ${matter}`);
      paper.para(`Thời gian nhận hồ sơ: ${vnDateTime(d.receivedAt)}. Thời gian hẹn trả kết quả: ${d.effectiveDueAt ? vnDateTime(d.effectiveDueAt) : ''}.`);
      paper.gap(0.2);
      paper.table(
        [
          { title: 'Tên cơ quan, đơn vị, bước xử lý', width: 30 },
          { title: 'Nhận hồ sơ', width: 15, align: 'center' },
          { title: 'Giao hồ sơ', width: 15, align: 'center' },
          { title: 'Hạn của bước', width: 15, align: 'center' },
          { title: 'Kết quả (trước / đúng / quá hạn)', width: 14, align: 'center' },
          { title: 'Ghi chú', width: 11 },
        ],
        d.controlSheet.map((h) => [
          [h.unit?.name, h.stepName].filter(Boolean).join(' — '),
          vnShort(h.receivedAt),
          vnShort(h.handedOverAt),
          vnShort(h.dueAt),
          h.timeliness ? (TIMELINESS[h.timeliness] ?? h.timeliness) : '',
          '',
        ]),
        { size: 10 },
      );
      paper.para('Phiếu được lập tự động từ nhật ký xử lý hồ sơ; mỗi lần giao, nhận ghi thời điểm và đơn vị.', { size: 10, italic: true });
      break;
    }
  }
  return paper.finish();
}
