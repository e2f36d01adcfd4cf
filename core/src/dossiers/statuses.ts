/**
 * Dossier statuses: the National Public Service Portal's `TrangThaiHoSo` codes 1–10
 * (REGULATIONS.md §3, ../shared/data/dossier/dossier_codes_and_statuses.json).
 */
export const DOSSIER_STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const STATUS_NAMES: Record<DossierStatus, { vi: string; en: string }> = {
  1: { vi: 'Mới đăng ký', en: 'Newly registered' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not received' },
  4: { vi: 'Đang xử lý', en: 'In progress' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Waiting for financial obligation' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawal requested' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Processed' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

/** States after which nothing more happens to the dossier. */
export const TERMINAL_STATUSES: ReadonlySet<DossierStatus> = new Set([3, 8, 10]);

/** Statuses during which the processing clock is stopped. */
export const PAUSED_STATUSES: ReadonlySet<DossierStatus> = new Set([5, 6]);

/** Reporting buckets used by provincial systems (REGULATIONS.md §3, practice). */
export const REPORTING_BUCKETS = {
  inProgress: [2, 4],
  finished: [7, 9, 10],
  paused: [5, 6, 8],
  notReceived: [1, 3],
} as const satisfies Record<string, readonly DossierStatus[]>;

/** Submission channels (`KenhThucHien`): 1 in person, 2 online, 3 public postal service. */
export const CHANNELS = { in_person: 1, online: 2, postal: 3 } as const;
export type Channel = keyof typeof CHANNELS;
