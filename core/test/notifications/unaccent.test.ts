import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPlainAscii, unaccent } from '../../src/notifications/unaccent.ts';
import { render, smsSegments, smsText, unknownPlaceholders } from '../../src/notifications/templates.ts';
import { backoffMs } from '../../src/notifications/backoff.ts';

test('diacritics are stripped correctly, đ and Đ included, in NFC and NFD input alike', () => {
  assert.equal(unaccent('Đăng ký thường trú tại phường Thuận Giao'), 'Dang ky thuong tru tai phuong Thuan Giao');
  assert.equal(unaccent('ĐƯỜNG ĐT743, Ấp Bình Đức, Lái Thiêu'), 'DUONG DT743, Ap Binh Duc, Lai Thieu');
  assert.equal(unaccent('Nguyễn Thị Ngọc Ánh'.normalize('NFD')), 'Nguyen Thi Ngoc Anh');
  assert.equal(unaccent('ỹ ỵ ử ữ ự ờ ở ỡ ợ ẩ ẫ ậ ằ ẳ ẵ ặ'), 'y y u u u o o o o a a a a a a a');
  assert.equal(unaccent('“Hồ sơ” – hẹn trả…'), '"Ho so" - hen tra...');
  assert.ok(isPlainAscii(unaccent('Ủy ban nhân dân phường Phước Hòa: đã có kết quả')));
});

test('templates: placeholders filled, unknown ones found, SMS text without diacritics', () => {
  assert.equal(render('Hồ sơ {{code}} hẹn {{ dueAt }}{{missing}}', { code: 'A-1', dueAt: '08:00 13/05/2026' }), 'Hồ sơ A-1 hẹn 08:00 13/05/2026');
  assert.deepEqual(unknownPlaceholders('dossier_received', '{{code}} {{reason}} {{x}}'), ['reason', 'x']);
  assert.equal(smsText('Hồ sơ {{code}} của {{applicant}}', null, { code: 'A-1', applicant: 'Trần Đức' }), 'Ho so A-1 cua Tran Duc');
  assert.equal(smsText('Hồ sơ {{code}}', 'HS {{code}} san sang', { code: 'A-1' }), 'HS A-1 san sang');
  assert.equal(smsSegments('x'.repeat(160)), 1);
  assert.equal(smsSegments('x'.repeat(161)), 2);
});

test('backoff doubles per attempt up to the cap, jittered between half and all of it', () => {
  assert.equal(backoffMs(1, 5000, 60_000, () => 1), 5000);
  assert.equal(backoffMs(1, 5000, 60_000, () => 0), 2500);
  assert.equal(backoffMs(3, 5000, 60_000, () => 1), 20_000);
  assert.equal(backoffMs(10, 5000, 60_000, () => 1), 60_000);
});
