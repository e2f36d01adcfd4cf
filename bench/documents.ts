/**
 * Receipts per second (PDF with embedded Vietnamese font, QR code and Code 128 barcode) on one core:
 * the slip renderer alone, on a receipt of a real procedure with a long name. Prints numbers; never
 * asserts (tests never check speed). Also a signed result, for scale.
 *
 *   npx tsx bench/documents.ts [--seconds 5]
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { renderSlip } from '../server/src/modules/documents/documents.slips.ts';
import { KeyStore } from '../server/src/modules/documents/documents.keys.ts';
import { signPdf } from '../server/src/modules/documents/documents.signing.ts';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;

const NAME =
  'Đăng ký biến động đối với trường hợp thay đổi quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất theo thỏa thuận của các thành viên hộ gia đình hoặc của vợ và chồng; quyền sử dụng đất xây dựng công trình trên mặt đất phục vụ cho việc vận hành, khai thác sử dụng công trình ngầm, quyền sở hữu công trình ngầm';

function dossier(i: number) {
  const code = `000.00.01.H29-260504-${String(i + 1).padStart(4, '0')}`;
  return {
    id: '5b0c7f0e-0000-4000-8000-000000000001', code, status: 4, channel: 1, procedureCode: '1.013980', procedureName: NAME, applicantName: 'Nguyễn Thị Hồng Nhung',
    receivedAt: '2026-05-04T01:00:00Z', dueAt: '2026-05-18T01:00:00Z', effectiveDueAt: '2026-05-18T01:00:00Z', lookupSecret: `ABCDEFGH${String(i % 100).padStart(2, '2')}`,
    ruleVersion: 'nd118_2025', duration: { unit: 'workingDays', value: 10 },
    receivingUnit: { id: 'x', code: '000.00.01.H29', name: 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh' },
    competentUnit: { id: 'y', code: '000.20.01.H29', name: 'Ủy ban nhân dân phường Thuận Giao' },
    applicant: { fullName: 'Nguyễn Thị Hồng Nhung', idNumber: '079185001234', phone: '0912345678', address: { communeCode: '25969', detail: '12 đường ĐT743' } },
    representative: null, returnMethod: 'counter', controlSheet: [],
    documents: [
      { purpose: 'intake', provided: true, name: 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)', originals: 1, copies: 0, digitized: true },
      { purpose: 'intake', provided: true, name: 'Giấy chứng nhận quyền sử dụng đất đã cấp', originals: 1, copies: 1, digitized: false },
    ],
    events: [{ seq: 1, type: 'received', at: '2026-05-04T01:00:00Z', actor: { id: 'a', fullName: 'Nguyễn Thị Tiếp Nhận' }, unit: null, fromStatus: null, toStatus: 2, reason: null, data: {} }],
  } as never;
}
const template = { superiorName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', unitName: 'Trung tâm Phục vụ hành chính công Thành phố Hồ Chí Minh', placeName: 'Thành phố Hồ Chí Minh', officerTitle: 'Người tiếp nhận hồ sơ', headTitle: 'Thủ trưởng cơ quan', returnPlace: '', footer: 'Đường dây nóng 1022' };
const receipt = (i: number) =>
  renderSlip({ kind: 'receipt', dossier: dossier(i), template, issuedAt: Date.parse('2026-05-04T01:00:00Z'), statusUrl: `https://dichvucong.example.vn/tra-cuu/000.00.01.H29-260504-${String(i + 1).padStart(4, '0')}?k=ABCDEFGH23`, communeNames: { '25969': 'Phường Thuận Giao' } });

for (let i = 0; i < 30; i++) await receipt(i); // warm-up: fonts parsed, code compiled
// CPU time of this process as well as wall time: on a shared machine the wall clock counts other
// people's work, the CPU time only ours (one thread renders; the figure is per core). Measured in
// rounds of one second, as the machine's other load comes and goes: the median round is the figure,
// the best round what the code does with the core to itself.
let n = 0;
let bytes = 0;
const rates: number[] = [];
const started = performance.now();
const cpuStart = process.cpuUsage();
while (performance.now() - started < seconds * 1000) {
  const roundCpu = process.cpuUsage();
  const roundStart = performance.now();
  let m = 0;
  while (performance.now() - roundStart < 1000) {
    bytes += (await receipt(n++)).length;
    m++;
  }
  const used = process.cpuUsage(roundCpu);
  rates.push(m / ((used.user + used.system) / 1e6));
}
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)]!;
console.log(
  `receipts (A4 PDF, Tinos embedded, QR + Code 128): ${(n / cpuSeconds).toFixed(1)} per CPU-second on one core ` +
    `(rounds of 1 s: median ${median.toFixed(1)}, best ${rates[rates.length - 1]!.toFixed(1)}, worst ${rates[0]!.toFixed(1)}); ` +
    `${(n / elapsed).toFixed(1)} /s wall (${n} in ${elapsed.toFixed(1)} s, ${Math.round(bytes / n / 1024)} KiB each); target: over 100 per CPU-second`,
);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-keys-'));
const key = new KeyStore(dir, 'MotCua').signerKey('5b0c7f0e-0000-4000-8000-000000000002', 'Lê Minh Lãnh Đạo', 'UBND');
const pdf = await receipt(0);
let s = 0;
const signStart = performance.now();
while (performance.now() - signStart < 2000) {
  await signPdf(pdf, key, { reason: 'bench', name: 'bench', location: 'HCM', signingTime: new Date() });
  s++;
}
console.log(`signatures (PAdES, RSA 2048, node-forge): ${(s / ((performance.now() - signStart) / 1000)).toFixed(1)} /s`);
fs.rmSync(dir, { recursive: true, force: true });
console.log(`load average when measured: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
