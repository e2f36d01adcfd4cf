/**
 * The figures of the supervisor's dashboard and the periodic report: what each one counts, as a formula
 * in Vietnamese and English. Each figure names its source; sources other than the dossiers (ratings,
 * petitions, documents) plug in on the server with one registration each (reports.registry.ts).
 */
export type FigureSource = 'dossiers' | 'documents' | 'payments' | 'ratings' | 'petitions';
export type FigureUnit = 'count' | 'percent' | 'working_days';

export interface FigureDefinition {
  id: string;
  source: FigureSource;
  unit: FigureUnit;
  label: { vi: string; en: string };
  formula: { vi: string; en: string };
  /** Snapshot figures describe now (open dossiers), not the period. */
  snapshot?: boolean;
}

const f = (id: string, source: FigureSource, unit: FigureUnit, labelVi: string, labelEn: string, formulaVi: string, formulaEn: string, snapshot = false): FigureDefinition => ({
  id,
  source,
  unit,
  label: { vi: labelVi, en: labelEn },
  formula: { vi: formulaVi, en: formulaEn },
  ...(snapshot ? { snapshot } : {}),
});

export const FIGURES: readonly FigureDefinition[] = [
  f('received', 'dossiers', 'count', 'Hồ sơ tiếp nhận', 'Dossiers received', 'Số hồ sơ được tiếp nhận (có mã) trong kỳ, theo ngày tiếp nhận', 'Dossiers received (given a code) in the period, by reception day'),
  f('received_in_person', 'dossiers', 'count', 'Tiếp nhận trực tiếp', 'Received in person', 'Hồ sơ tiếp nhận trong kỳ có kênh = 1 (trực tiếp)', 'Dossiers received in the period with channel = 1 (in person)'),
  f('received_online', 'dossiers', 'count', 'Tiếp nhận trực tuyến', 'Received online', 'Hồ sơ tiếp nhận trong kỳ có kênh = 2 (trực tuyến)', 'Dossiers received in the period with channel = 2 (online)'),
  f('received_postal', 'dossiers', 'count', 'Tiếp nhận qua bưu chính', 'Received by post', 'Hồ sơ tiếp nhận trong kỳ có kênh = 3 (bưu chính công ích)', 'Dossiers received in the period with channel = 3 (public postal service)'),
  f('online_share', 'dossiers', 'percent', 'Tỷ lệ trực tuyến', 'Online share', 'Hồ sơ trực tuyến ÷ hồ sơ tiếp nhận trong kỳ × 100', 'Online dossiers ÷ dossiers received in the period × 100'),
  f('processed', 'dossiers', 'count', 'Đã giải quyết', 'Processed', 'Hồ sơ có kết quả trong kỳ (theo ngày ký kết quả)', 'Dossiers whose result was issued in the period (by the result day)'),
  f('processed_early', 'dossiers', 'count', 'Giải quyết trước hạn', 'Processed early', 'Kết quả trong kỳ, vào một ngày trước ngày hẹn trả', 'Results issued in the period on a day before the appointment day'),
  f('processed_on_time', 'dossiers', 'count', 'Giải quyết đúng hạn', 'Processed on time', 'Kết quả trong kỳ, vào ngày hẹn trả và không muộn hơn giờ hẹn', 'Results issued in the period on the appointment day, not after it'),
  f('processed_late', 'dossiers', 'count', 'Giải quyết quá hạn', 'Processed late', 'Kết quả trong kỳ, sau thời điểm hẹn trả (đã trừ thời gian tạm dừng)', 'Results issued in the period after the appointment (clock pauses subtracted)'),
  f('on_time_rate', 'dossiers', 'percent', 'Tỷ lệ đúng hạn', 'On-time rate', '(trước hạn + đúng hạn) ÷ đã giải quyết trong kỳ × 100', '(early + on time) ÷ processed in the period × 100'),
  f('open_on_time', 'dossiers', 'count', 'Đang giải quyết trong hạn', 'Open, within time', 'Hồ sơ đã tiếp nhận, chưa có kết quả, hạn trả chưa qua (hoặc đang tạm dừng) tại thời điểm xem', 'Received dossiers without a result whose appointment has not passed (or paused), now', true),
  f('open_overdue', 'dossiers', 'count', 'Đang giải quyết quá hạn', 'Open, overdue', 'Hồ sơ đã tiếp nhận, chưa có kết quả, hạn trả đã qua tại thời điểm xem', 'Received dossiers without a result whose appointment has passed, now', true),
  f('supplement_requests', 'dossiers', 'count', 'Yêu cầu bổ sung', 'Supplement requests', 'Hồ sơ tiếp nhận trong kỳ có ít nhất một yêu cầu bổ sung khi đang xử lý', 'Dossiers received in the period with at least one supplement request during processing'),
  f('refusals', 'dossiers', 'count', 'Từ chối', 'Refusals', 'Từ chối tiếp nhận (Mẫu 03) trong kỳ + dừng xử lý không do công dân rút trong kỳ', 'Refused at intake (form 03) in the period + stopped, other than withdrawn, in the period'),
  f('withdrawals', 'dossiers', 'count', 'Rút hồ sơ', 'Withdrawals', 'Hồ sơ dừng xử lý trong kỳ theo yêu cầu rút của công dân', 'Dossiers stopped in the period at the applicant’s request to withdraw'),
  f('avg_days', 'dossiers', 'working_days', 'Thời gian giải quyết trung bình', 'Average processing time', 'Σ ngày làm việc từ tiếp nhận đến kết quả (trừ thời gian tạm dừng) ÷ số kết quả trong kỳ; 1 ngày = 8 giờ làm việc', 'Σ working days from reception to result (pauses excluded) ÷ results in the period; 1 day = 8 working hours'),
  f('p90_days', 'dossiers', 'working_days', 'Thời gian giải quyết p90', 'Processing time p90', '90% kết quả trong kỳ có thời gian giải quyết không quá giá trị này (làm tròn lên nửa ngày làm việc)', '90% of the results in the period took at most this long (rounded up to half a working day)'),
  f('digitized', 'dossiers', 'percent', 'Hồ sơ được số hóa', 'Dossiers digitized', 'Hồ sơ tiếp nhận trong kỳ có mọi thành phần được số hóa ÷ hồ sơ tiếp nhận × 100', 'Dossiers received in the period with every document digitized ÷ received × 100'),
  f('results_digitized', 'dossiers', 'percent', 'Kết quả được số hóa', 'Results digitized', 'Kết quả trong kỳ có tệp điện tử ÷ kết quả trong kỳ mà thủ tục có kết quả là giấy tờ × 100', 'Results in the period with an electronic file ÷ results in the period whose procedure yields a document × 100'),
  f('online_payments', 'payments', 'percent', 'Thanh toán trực tuyến', 'Online payments', 'Hồ sơ thanh toán trực tuyến ÷ hồ sơ có phí, lệ phí × 100', 'Dossiers paid online ÷ fee-bearing dossiers × 100'),
  f('satisfaction', 'ratings', 'percent', 'Mức độ hài lòng', 'Satisfaction', 'Đánh giá hài lòng hoặc rất hài lòng ÷ tổng số đánh giá trong kỳ × 100', 'Satisfied or very satisfied ratings ÷ all ratings in the period × 100'),
  f('petitions_on_time', 'petitions', 'percent', 'Phản ánh kiến nghị xử lý đúng hạn', 'Petitions answered on time', 'Phản ánh kiến nghị xử lý trong 15 ngày làm việc ÷ đã xử lý trong kỳ × 100', 'Petitions handled within 15 working days ÷ handled in the period × 100'),
];

export const FIGURE_IDS = FIGURES.map((x) => x.id);
export const figureById = (id: string) => FIGURES.find((x) => x.id === id);
