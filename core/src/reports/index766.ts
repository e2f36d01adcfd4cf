/**
 * The service index of QĐ 766/QĐ-TTg (REGULATIONS.md §9): five groups, their indicators, the formula of
 * each, and how a rate becomes points. Only the group maxima and the points of 1.2, 2.1 and 5.4 are
 * verified; every other weight is practice (S) or unknown (U), so weights are configurable and the page
 * says which are verified.
 */
export const INDEX_GROUPS = [
  { id: '1', max: 18, label: { vi: 'Công khai, minh bạch', en: 'Openness and transparency' } },
  { id: '2', max: 20, label: { vi: 'Tiến độ giải quyết', en: 'Progress' } },
  { id: '3', max: 22, label: { vi: 'Dịch vụ trực tuyến và thanh toán', en: 'Online services and payment' } },
  { id: '4', max: 22, label: { vi: 'Số hóa hồ sơ', en: 'Digitisation' } },
  { id: '5', max: 18, label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' } },
] as const;
export type IndexGroupId = (typeof INDEX_GROUPS)[number]['id'];

export type Confidence = 'V' | 'S' | 'U';

export interface IndicatorDefinition {
  id: string;
  group: IndexGroupId;
  label: { vi: string; en: string };
  formula: { vi: string; en: string };
  points: number;
  /** Confidence of the points (REGULATIONS.md §9): only V is confirmed in the official text. */
  pointsConfidence: Confidence;
  /** The rate (0–1) at which full marks start; below it points = rate × points ÷ threshold. */
  threshold: number | null;
  /** What the indicator needs; 'dossiers' and 'catalog' are computed now, others once their module lands. */
  source: 'dossiers' | 'catalog' | 'sync' | 'payments' | 'documents' | 'ratings' | 'petitions';
}

const i = (id: string, group: IndexGroupId, points: number, pointsConfidence: Confidence, threshold: number | null, source: IndicatorDefinition['source'], labelVi: string, labelEn: string, formulaVi: string, formulaEn: string): IndicatorDefinition => ({
  id,
  group,
  points,
  pointsConfidence,
  threshold,
  source,
  label: { vi: labelVi, en: labelEn },
  formula: { vi: formulaVi, en: formulaEn },
});

export const INDICATORS: readonly IndicatorDefinition[] = [
  i('1.1', '1', 4, 'U', null, 'catalog', 'Công bố TTHC đúng hạn', 'Procedures published on time', 'Quyết định công bố ≤ ngày hiệu lực − 5 ngày làm việc (tỉnh) ÷ số quyết định công bố', 'Decisions published ≤ effective date − 5 working days (province) ÷ decisions published'),
  i('1.2', '1', 4, 'V', null, 'catalog', 'Công khai TTHC đúng hạn', 'Procedures made public on time', 'TTHC công khai ≤ 5 ngày làm việc sau quyết định ÷ số phải công khai', 'Procedures made public ≤ 5 working days after the decision ÷ those due'),
  i('1.3', '1', 4, 'U', null, 'catalog', 'TTHC công khai đủ 7 bộ phận', 'Procedures with all 7 components', 'TTHC có đủ 7 bộ phận (NĐ 63/2010 Đ.8(2)) ÷ TTHC công bố', 'Procedures with all 7 components (NĐ 63/2010 Art. 8(2)) ÷ published'),
  i('1.4', '1', 6, 'S', null, 'sync', 'Đồng bộ hồ sơ lên Cổng DVCQG', 'Dossiers synced to the national portal', 'Hồ sơ đồng bộ ÷ max(hồ sơ tiếp nhận theo BCQG, theo DVCQG)', 'Dossiers synced ÷ max(received per BCQG, per DVCQG)'),
  i('2.1', '2', 20, 'V', null, 'dossiers', 'Giải quyết đúng hạn', 'Processed on time', 'Hồ sơ đúng hạn (kết thúc ≤ ngày hẹn trả, đã trừ thời gian bổ sung; yêu cầu bổ sung lần 2 tính quá hạn) ÷ (hồ sơ có kết quả trong kỳ + hồ sơ đang xử lý đã quá hạn)', 'On time (end ≤ appointment, supplement time subtracted; a second supplement request counts as late) ÷ (results in the period + open dossiers already overdue)'),
  i('2.2', '2', 0, 'U', null, 'dossiers', 'Thời gian giải quyết trung bình', 'Average processing time', 'Σ ngày làm việc giải quyết ÷ số kết quả (chỉ hiển thị, 0 điểm)', 'Σ working days to result ÷ results (shown only, 0 points)'),
  i('3.1', '3', 2, 'S', 0.8, 'catalog', 'TTHC có dịch vụ công trực tuyến', 'Procedures with an online service', 'TTHC có DVC trực tuyến (một phần hoặc toàn trình) ÷ TTHC; đủ điểm từ 80%', 'Procedures with an online service (partly or fully) ÷ procedures; full marks from 80%'),
  i('3.2', '3', 4, 'S', null, 'dossiers', 'DVC trực tuyến có phát sinh hồ sơ', 'Online services used', 'TTHC có ≥ 1 hồ sơ trực tuyến trong kỳ ÷ TTHC có DVC trực tuyến', 'Procedures with ≥ 1 online dossier in the period ÷ procedures with an online service'),
  i('3.3', '3', 6, 'S', 0.5, 'dossiers', 'Tỷ lệ hồ sơ trực tuyến', 'Online dossier share', 'Hồ sơ trực tuyến (có kết quả điện tử nếu kết quả là giấy tờ) ÷ hồ sơ tiếp nhận; đủ điểm từ 50% (chưa nhân tỷ lệ đồng bộ: chưa có đồng bộ DVCQG)', 'Online dossiers (with an electronic result where the result is a document) ÷ received; full marks from 50% (not yet × sync rate: no national portal sync yet)'),
  i('3.4', '3', 2, 'S', null, 'payments', 'TTHC có thanh toán trực tuyến', 'Procedures with online payment', 'TTHC có phát sinh thanh toán trực tuyến ÷ TTHC có phí', 'Procedures with online payments ÷ fee-bearing procedures'),
  i('3.5', '3', 2, 'S', 0.8, 'payments', 'Đồng bộ phí, lệ phí', 'Fees synced', 'TTHC có phí được đồng bộ ÷ TTHC có phí; đủ điểm từ 80%', 'Procedures with synced fees ÷ fee-bearing procedures; full marks from 80%'),
  i('3.6', '3', 6, 'S', 0.3, 'payments', 'Hồ sơ thanh toán trực tuyến', 'Dossiers paid online', 'Hồ sơ DuocThanhToanTrucTuyen ∈ {1, 2} ÷ hồ sơ có phí; đủ điểm từ 30%', 'Dossiers with DuocThanhToanTrucTuyen ∈ {1, 2} ÷ fee-bearing dossiers; full marks from 30%'),
  i('4.1', '4', 6, 'S', null, 'dossiers', 'Số hóa kết quả', 'Results digitised', 'Kết quả có tệp điện tử ÷ hồ sơ có kết quả là giấy tờ', 'Results with an electronic file ÷ dossiers whose result is a document'),
  i('4.2', '4', 4, 'S', 0.8, 'dossiers', 'Số hóa hồ sơ', 'Dossiers digitised', 'Hồ sơ được số hóa ÷ hồ sơ tiếp nhận thuộc thẩm quyền; đủ điểm từ 80%', 'Dossiers digitised ÷ dossiers received under own authority; full marks from 80%'),
  i('4.3', '4', 2, 'S', 0.8, 'documents', 'Tái sử dụng dữ liệu số hóa', 'Digitised data reused', 'Hồ sơ có thành phần tái sử dụng ÷ hồ sơ tiếp nhận; đủ điểm từ 80%', 'Dossiers reusing digitised documents ÷ received; full marks from 80%'),
  i('4.4', '4', 0, 'U', null, 'documents', 'Khai thác kho dữ liệu', 'Data store used', 'Hồ sơ lấy từ kho DMQG hoặc kết quả đưa vào kho ÷ hồ sơ tiếp nhận', 'Dossiers taken from the national store or results sent to it ÷ received'),
  i('4.5', '4', 0, 'U', null, 'documents', 'Khai thác VNeID, CSDL dân cư', 'VNeID and population data used', 'Hồ sơ có cờ VNeID, kho hoặc CSDL dân cư ÷ hồ sơ của công dân', 'Dossiers flagged VNeID, store or population DB ÷ citizens’ dossiers'),
  i('5.1', '5', 0, 'U', null, 'petitions', 'Phân loại phản ánh kiến nghị', 'Petitions classified', 'PAKN theo loại ÷ tổng PAKN', 'Petitions by class ÷ all'),
  i('5.2', '5', 6, 'U', null, 'petitions', 'Xử lý PAKN đúng hạn', 'Petitions handled on time', 'PAKN xử lý đúng hạn ÷ PAKN đã xử lý', 'Petitions handled on time ÷ handled'),
  i('5.3', '5', 6, 'U', null, 'petitions', 'PAKN được xử lý tốt', 'Petitions handled well', 'PAKN không bị không hài lòng, quá hạn hoặc lặp lại ÷ tổng PAKN', 'Petitions not unsatisfied, late or repeated ÷ all'),
  i('5.4', '5', 6, 'V', 0.9, 'ratings', 'Mức độ hài lòng chung', 'Overall satisfaction', '100% − (tỷ lệ quá hạn + tỷ lệ PAKN hoặc không hài lòng); đủ điểm từ 90%', '100% − (overdue % + petitions-or-dislike %); full marks from 90%'),
];

export interface Weight {
  points: number;
  threshold: number | null;
}

/**
 * Points for a rate (REGULATIONS.md §9): full marks at or above the threshold, else rate × max ÷
 * threshold (rate × max without one); a zero denominator gives N/A (null); rounded to 2 decimals.
 */
export function indicatorPoints(numerator: number, denominator: number, weight: Weight): { rate: number | null; points: number | null } {
  if (denominator <= 0) return { rate: null, points: null };
  const rate = Math.min(1, numerator / denominator);
  const raw = weight.threshold !== null && weight.threshold > 0 ? (rate >= weight.threshold ? weight.points : (rate * weight.points) / weight.threshold) : rate * weight.points;
  return { rate: Math.round(rate * 10000) / 10000, points: Math.round(raw * 100) / 100 };
}

export const round2 = (x: number) => Math.round(x * 100) / 100;
