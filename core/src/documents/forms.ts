/**
 * The papers a one-stop shop issues (REGULATIONS.md §4): Circular 01/2018/TT-VPCP for dossiers received
 * before 1 July 2025 (forms 01–06), Circular 03/2025/TT-VPCP after (forms 01–07, with the stop notice).
 * A dossier's papers follow the rule version it was received under.
 */
export type RuleVersion = 'nd61_2018' | 'nd118_2025';

export const SLIP_KINDS = ['receipt', 'supplement', 'refusal', 'apology', 'stop', 'control-sheet'] as const;
export type SlipKind = (typeof SLIP_KINDS)[number];
export type PaperKind = SlipKind | 'register' | 'result';

export interface FormInfo {
  /** "Mẫu số 01" … ; null when the circular has no such form. */
  number: string | null;
  /** The title printed in capitals on the paper. */
  title: string;
  /** The suffix of the paper's number, e.g. `/TTPVHCC`, `/PBS-TTPVHCC`. */
  numberSuffix: string;
  circular: string;
}

const TT01 = 'Thông tư số 01/2018/TT-VPCP';
const TT03 = 'Thông tư số 03/2025/TT-VPCP';

const FORMS: Record<RuleVersion, Partial<Record<PaperKind, FormInfo>>> = {
  nd61_2018: {
    receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', numberSuffix: '/TTPVHCC', circular: TT01 },
    supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', numberSuffix: '/PBS-TTPVHCC', circular: TT01 },
    refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', numberSuffix: '/PTC-TTPVHCC', circular: TT01 },
    apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', numberSuffix: '/PXL', circular: TT01 },
    'control-sheet': { number: '05', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', numberSuffix: '/PKS-TTPVHCC', circular: TT01 },
    register: { number: '06', title: 'SỔ THEO DÕI HỒ SƠ', numberSuffix: '', circular: TT01 },
  },
  nd118_2025: {
    receipt: { number: '01', title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', numberSuffix: '/TTPVHCC', circular: TT03 },
    supplement: { number: '02', title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', numberSuffix: '/PBS-TTPVHCC', circular: TT03 },
    refusal: { number: '03', title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', numberSuffix: '/PTC-TTPVHCC', circular: TT03 },
    apology: { number: '04', title: 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', numberSuffix: '/PXL', circular: TT03 },
    stop: { number: '05', title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', numberSuffix: '/TB-DGQ', circular: TT03 },
    'control-sheet': { number: '06', title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', numberSuffix: '/PKS-TTPVHCC', circular: TT03 },
    register: { number: '07', title: 'SỔ THEO DÕI HỒ SƠ', numberSuffix: '', circular: TT03 },
  },
};

/** The form for a paper under a rule version, or null when that circular has none (the stop notice before 2025). */
export function formFor(rule: RuleVersion, kind: PaperKind): FormInfo | null {
  if (kind === 'result') return { number: null, title: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', numberSuffix: '', circular: rule === 'nd61_2018' ? TT01 : TT03 };
  return FORMS[rule][kind] ?? null;
}

/** The name of each paper as the QR code carries it ("document name", TT 03/2025 Art. 13). */
export function paperName(rule: RuleVersion, kind: PaperKind): string {
  const form = formFor(rule, kind);
  if (!form) return kind;
  const lower = form.title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}
