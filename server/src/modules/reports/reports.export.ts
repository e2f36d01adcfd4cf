/** The periodic report table as Excel (exceljs) and CSV, with Vietnamese and English column headings. */
import ExcelJS from 'exceljs';

type Table = { period: { label: string }; unit: string; rows: Record<string, string | number | null>[] };

const COLUMNS: { key: string; vi: string; en: string }[] = [
  { key: 'unit', vi: 'Đơn vị', en: 'Unit' },
  { key: 'received', vi: 'Tổng số hồ sơ tiếp nhận', en: 'Dossiers received' },
  { key: 'inPerson', vi: 'Trực tiếp', en: 'In person' },
  { key: 'online', vi: 'Trực tuyến', en: 'Online' },
  { key: 'postal', vi: 'Bưu chính công ích', en: 'Public post' },
  { key: 'processed', vi: 'Đã giải quyết', en: 'Processed' },
  { key: 'early', vi: 'Trước hạn', en: 'Early' },
  { key: 'onTime', vi: 'Đúng hạn', en: 'On time' },
  { key: 'late', vi: 'Quá hạn', en: 'Late' },
  { key: 'openOnTime', vi: 'Đang giải quyết trong hạn', en: 'Open, within time' },
  { key: 'openOverdue', vi: 'Đang giải quyết quá hạn', en: 'Open, overdue' },
  { key: 'onTimeRate', vi: 'Tỷ lệ đúng hạn (%)', en: 'On-time rate (%)' },
  { key: 'supplements', vi: 'Yêu cầu bổ sung', en: 'Supplement requests' },
  { key: 'refusals', vi: 'Từ chối', en: 'Refusals' },
  { key: 'withdrawals', vi: 'Rút hồ sơ', en: 'Withdrawals' },
  { key: 'avgDays', vi: 'Thời gian TB (ngày làm việc)', en: 'Average time (working days)' },
];

export async function reportXlsx(table: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MộtCửa';
  const ws = wb.addWorksheet('Bao cao');
  ws.addRow([`TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH — ${table.unit}`]).font = { bold: true, size: 13 };
  ws.addRow([`Kỳ báo cáo / Period: ${table.period.label}`]);
  ws.addRow([]);
  ws.addRow(COLUMNS.map((c) => c.vi)).font = { bold: true };
  ws.addRow(COLUMNS.map((c) => c.en)).font = { italic: true };
  for (const r of table.rows) ws.addRow(COLUMNS.map((c) => r[c.key] ?? ''));
  ws.getColumn(1).width = 48;
  for (let i = 2; i <= COLUMNS.length; i++) ws.getColumn(i).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function reportCsv(table: Table): string {
  const lines = [COLUMNS.map((c) => csvCell(`${c.vi} / ${c.en}`)).join(',')];
  for (const r of table.rows) lines.push(COLUMNS.map((c) => csvCell(r[c.key])).join(','));
  // A byte-order mark so spreadsheet programs read the Vietnamese letters as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
