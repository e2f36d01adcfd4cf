import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { petitionFigures } from '../src/modules/petitions/petitions.service.ts';

const clock = fixedClock(new Date('2026-05-04T02:00:00Z')); // Monday 04/05/2026 09:00 in Vietnam
let sys: TestSystem;
const as: Record<string, ApiClient> = {};
let units: { id: string; name: string }[];
const citizen = () => new ApiClient(sys.url);
let n = 0;

before(async () => {
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720', NOTIFY_WORKER: 'off', PETITION_ANSWER_WORKING_DAYS: '10', PUBLIC_BASE_URL: 'https://dichvucong.example.vn' } });
  for (const name of ['admin', 'tiepnhan', 'chuyenvien', 'lanhdao', 'giamsat']) {
    as[name] = new ApiClient(sys.url);
    await as[name].login(name);
  }
  units = (await as.admin!.get('/api/units')).body;
});
after(async () => sys?.close());

const petition = (extra: Record<string, unknown> = {}) => ({
  idempotencyKey: `petition-${++n}-${Date.now()}`,
  subjectKind: 'conduct',
  title: 'Cán bộ hẹn nhiều lần',
  content: 'Tôi nộp hồ sơ đăng ký thường trú, cán bộ yêu cầu bổ sung ba lần, mỗi lần một giấy tờ khác nhau.',
  dossierCode: null,
  petitioner: { fullName: 'Trần Thị Bình', phone: '0987654321', email: null },
  ...extra,
});

async function act(who: string, id: string, body: Record<string, unknown>, status = 200) {
  const current = await as[who]!.get(`/api/petitions/${id}`);
  const res = await as[who]!.post(`/api/petitions/${id}/actions`, { expectedVersion: current.body.version, ...body });
  assert.equal(res.status, status, `${who} ${String(body.type)}: ${JSON.stringify(res.body)}`);
  return res.body;
}

test('a petition end to end: sent without login, classified and routed, answered on time, published, followed and judged', async () => {
  const noContact = await citizen().post('/api/public/petitions', petition({ petitioner: { fullName: 'Ẩn danh' } }));
  assert.equal(noContact.status, 400);
  assert.equal(noContact.body.errors[0].path, 'body.petitioner.phone');
  assert.match(noContact.body.errors[0].message.vi, /số điện thoại hoặc email/);

  const body = petition();
  const sent = await citizen().post('/api/public/petitions', body);
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  assert.match(sent.body.code, /^PAKN-260504-\d{4}$/);
  // 10 working days (configured) from Monday 04/05 09:00 → Monday 18/05 09:00.
  assert.equal(sent.body.answerDueAt, '2026-05-18T02:00:00.000Z');
  const again = await citizen().post('/api/public/petitions', body);
  assert.equal(again.status, 200);
  assert.equal(again.body.code, sent.body.code);

  const list = await as.tiepnhan!.get('/api/petitions?status=received');
  const item = list.body.find((p: { code: string }) => p.code === sent.body.code);
  assert.ok(item);
  // 5 working days to forward what is not ours.
  assert.equal(item.forwardDueAt, '2026-05-11T02:00:00.000Z');
  let detail = (await as.tiepnhan!.get(`/api/petitions/${item.id}`)).body;
  assert.equal(detail.petitioner.phone, '0987654321');
  assert.deepEqual(detail.allowedActions.sort(), ['classify', 'forward', 'note', 'refuse']);
  assert.equal((await as.chuyenvien!.post(`/api/petitions/${item.id}/actions`, { expectedVersion: detail.version, type: 'answer', answer: 'x' })).status, 403);

  const ward = units.find((u) => u.name.includes('Thuận Giao'))!;
  detail = await act('tiepnhan', item.id, { type: 'classify', category: 'conduct', unitId: ward.id });
  assert.equal(detail.status, 'in_progress');
  assert.equal(detail.unit.name, ward.name);
  const stale = await as.chuyenvien!.post(`/api/petitions/${item.id}/actions`, { expectedVersion: 1, type: 'answer', answer: 'x' });
  assert.equal(stale.status, 409);

  clock.advance(3 * 24 * 3600_000);
  for (const [name, api] of Object.entries(as)) await api.login(name);
  detail = await act('chuyenvien', item.id, { type: 'answer', answer: 'Đơn vị đã kiểm điểm cán bộ; từ nay mọi yêu cầu bổ sung được nêu một lần, đầy đủ.' });
  assert.equal(detail.status, 'answered');
  const told = await sys.ctx.db.selectFrom('notification_outbox').select(['channel', 'recipient', 'body']).where('dedupe_key', 'like', 'petition:%').execute();
  assert.deepEqual(told.map((m) => [m.channel, m.recipient]), [['sms', '+84987654321']]);
  assert.match(told[0]!.body, new RegExp(`^MotCua: Phan anh ${sent.body.code} da duoc tra loi\\. Xem cau tra loi: https://dichvucong.example.vn/phan-anh/${sent.body.code}\\?k=${sent.body.secret}$`));
  const followed = await citizen().get(`/api/public/petitions/${sent.body.code}?k=${sent.body.secret}`);
  assert.equal(followed.status, 200);
  assert.match(followed.body.answer, /kiểm điểm cán bộ/);
  assert.equal(followed.body.published, false);
  assert.equal((await citizen().get(`/api/public/petitions/${sent.body.code}?k=WRONGWRONG`)).status, 404);

  assert.equal((await as.chuyenvien!.post(`/api/petitions/${item.id}/actions`, { expectedVersion: detail.version, type: 'publish' })).status, 403);
  detail = await act('lanhdao', item.id, { type: 'publish' });
  assert.equal(detail.published, true);
  const published = (await citizen().get('/api/public/petitions')).body;
  const shown = published.find((p: { code: string }) => p.code === sent.body.code);
  assert.ok(shown);
  assert.equal(JSON.stringify(shown).includes('0987654321'), false);
  assert.equal(JSON.stringify(shown).includes('Trần Thị Bình'), false);

  const judged = await citizen().post(`/api/public/petitions/${sent.body.code}/feedback`, { secret: sent.body.secret, satisfied: true, comment: 'Cảm ơn' });
  assert.equal(judged.status, 200);
  assert.equal(judged.body.feedback, 'satisfied');
  const twice = await citizen().post(`/api/public/petitions/${sent.body.code}/feedback`, { secret: sent.body.secret, satisfied: false });
  assert.equal(twice.status, 409);
  assert.deepEqual((await as.chuyenvien!.get(`/api/petitions/${item.id}`)).body.events.map((e: { type: string }) => e.type), ['submitted', 'classify', 'answer', 'publish', 'feedback']);
});

test('forwarded outside within 5 working days, answered late, figures per unit: answered on time', async () => {
  clock.set(new Date('2026-05-04T02:00:00Z'));
  for (const [name, api] of Object.entries(as)) await api.login(name);
  const outside = (await citizen().post('/api/public/petitions', petition({ subjectKind: 'regulation', title: 'Quy định về cư trú' }))).body;
  const late = (await citizen().post('/api/public/petitions', petition({ subjectKind: 'procedure', title: 'Thủ tục rườm rà' }))).body;
  const open = (await citizen().post('/api/public/petitions', petition({ subjectKind: 'other', title: 'Chỗ để xe' }))).body;
  const idOf = async (code: string) => (await as.tiepnhan!.get('/api/petitions')).body.find((p: { code: string }) => p.code === code).id;
  clock.advance(2 * 24 * 3600_000);
  for (const [name, api] of Object.entries(as)) await api.login(name);
  const forwarded = await act('tiepnhan', await idOf(outside.code), { type: 'forward', forwardedTo: 'Bộ Công an (Cục Cảnh sát quản lý hành chính về trật tự xã hội)' });
  assert.equal(forwarded.status, 'forwarded');
  const ward = units.find((u) => u.name.includes('Thuận Giao'))!;
  const lateId = await idOf(late.code);
  await act('tiepnhan', lateId, { type: 'classify', category: 'procedure', unitId: ward.id });
  await act('tiepnhan', await idOf(open.code), { type: 'classify', category: 'other', unitId: ward.id });
  clock.set(new Date('2026-05-25T02:00:00Z')); // past the 10 working days
  for (const [name, api] of Object.entries(as)) await api.login(name);
  await act('chuyenvien', lateId, { type: 'answer', answer: 'Đã rút gọn thành phần hồ sơ.' });
  assert.equal((await citizen().get(`/api/public/petitions/${outside.code}?k=${outside.secret}`)).body.forwardedTo, 'Bộ Công an (Cục Cảnh sát quản lý hành chính về trật tự xã hội)');

  const figures = await as.giamsat!.get('/api/petitions/figures?from=2026-05-01&to=2026-05-31');
  assert.equal(figures.status, 200, JSON.stringify(figures.body));
  const row = figures.body.find((r: { unitId: string | null }) => r.unitId === ward.id);
  assert.deepEqual(
    { received: row.received, answered: row.answered, answeredOnTime: row.answeredOnTime, onTimeShare: row.onTimeShare, openOverdue: row.openOverdue, satisfied: row.satisfied },
    { received: 3, answered: 2, answeredOnTime: 1, onTimeShare: 0.5, openOverdue: 1, satisfied: 1 },
  );
  const unrouted = figures.body.find((r: { unitId: string | null }) => r.unitId === null);
  assert.equal(unrouted.forwarded, 1);
  assert.equal(unrouted.forwardedOnTime, 1);
  assert.equal((await as.tiepnhan!.get('/api/petitions/figures?from=2026-05-01&to=2026-05-31')).status, 403);
  const direct = await petitionFigures(sys.ctx.db, { from: '2026-05-01', to: '2026-05-31' }, clock.now());
  assert.equal(direct.find((r) => r.unitId === ward.id)!.answeredOnTime, 1);
});
