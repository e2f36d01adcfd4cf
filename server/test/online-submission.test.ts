import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { CitizenClient } from '../src/testing/citizen-client.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { execFileSync } from 'node:child_process';

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

// Monday 04/05/2026 08:00 in Vietnam.
const clock = fixedClock(new Date('2026-05-04T01:00:00Z'));
let sys: TestSystem;
let citizen: CitizenClient;
const staff: Record<string, ApiClient> = {};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let eform: { id: string; schema: any };
let fileSha: string;

const count = async (table: 'dossier' | 'eform_draft' | 'online_submission') => Number((await sys.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function validData(extra: Record<string, unknown> = {}) {
  return {
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '079090001234', birthDate: '1990-04-12', phone: '0901234567', address: { communeCode: '25969', detail: 'Số 12 đường Thuận Giao 21' } },
    relation: 'Cha',
    child: { fullName: 'Nguyễn Minh Khang', sex: 'Nam', birthDate: '2026-04-20', birthPlace: 'Bệnh viện đa khoa Thuận An', ethnicity: 'Kinh' },
    copies: 1,
    ...extra,
  };
}

const submission = (key: string, data: Record<string, unknown> = validData()) => ({
  idempotencyKey: key,
  procedureCode: '1.001193',
  eformId: eform.id,
  data,
  documents: [{ requirementIndex: 0, name: 'Giấy chứng sinh', fileSha256: fileSha, fileName: 'giay-chung-sinh.pdf' }],
  returnMethod: 'postal',
  returnAddress: { communeCode: '25969', detail: 'Số 12 đường Thuận Giao 21' },
});

before(async () => {
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720', CITIZEN_SESSION_HOURS: '168' } });
  citizen = new CitizenClient(sys.url);
  await citizen.signInWithEid('vneid-demo-0001');
  for (const name of ['tiepnhan', 'giamsat', 'lanhdao', 'admin']) {
    staff[name] = new ApiClient(sys.url);
    await staff[name].login(name);
  }
  const form = await citizen.get('/api/procedures/1.001193/eform');
  assert.equal(form.status, 200);
  eform = form.body;
  const up = await citizen.upload(PDF);
  assert.equal(up.status, 201);
  fileSha = up.body.sha256;
});
after(async () => sys?.close());

describe('e-forms and online submission', () => {
  test('uploads: a file lying about its type and an oversized file are refused, nothing stored', async () => {
    const files = await count('dossier');
    const lying = await citizen.upload(Buffer.from('MZ\x90\x00 this is an executable, not a PDF'), 'application/pdf', 'don.pdf');
    assert.equal(lying.status, 400);
    assert.equal(lying.body.code, 'unsupported_file_type');
    assert.ok(lying.body.message.vi && lying.body.message.en);
    const big = Buffer.alloc(21 * 1024 * 1024, 0);
    PDF.copy(big);
    const oversized = await citizen.upload(big);
    assert.equal(oversized.status, 413);
    const mine = await sys.ctx.db.selectFrom('citizen_file').select('sha256').execute();
    assert.equal(mine.length, 1);
    assert.equal(await count('dossier'), files);
    // Without a citizen session there is no upload.
    assert.equal((await new CitizenClient(sys.url).upload(PDF)).status, 401);
  });

  test('drafts save on the server and resume on another device', async () => {
    const put = await citizen.put('/api/citizen/drafts/1.001193', { data: { relation: 'Mẹ', child: { fullName: 'Bé Na' } }, documents: [{ requirementIndex: 0, name: 'Giấy chứng sinh', fileSha256: fileSha, fileName: 'a.pdf' }] });
    assert.equal(put.status, 200);
    const phone = new CitizenClient(sys.url);
    await phone.signInWithEid('vneid-demo-0001');
    const draft = await phone.get('/api/citizen/drafts/1.001193');
    assert.equal(draft.status, 200);
    assert.equal(draft.body.data.child.fullName, 'Bé Na');
    assert.equal(draft.body.documents[0].fileSha256, fileSha);
    // Another citizen's draft is their own.
    const other = new CitizenClient(sys.url);
    await other.signInWithEid('vneid-demo-0002');
    assert.equal((await other.get('/api/citizen/drafts/1.001193')).body, null);
  });

  test('an e-form that fails its schema is refused with field paths in Vietnamese and English; nothing is stored', async () => {
    const before = { dossiers: await count('dossier'), submissions: await count('online_submission') };
    const bad = validData({ relation: 'Người khác', child: { sex: 'Không rõ', birthDate: '2026-02-30', birthPlace: 'X' } });
    (bad.applicant as { idNumber: string }).idNumber = '12345';
    const res = await citizen.post('/api/citizen/submissions', submission('bad-submission-0001', bad));
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    for (const p of ['body.data.applicant.idNumber', 'body.data.child.fullName', 'body.data.child.sex', 'body.data.child.birthDate', 'body.data.child.birthPlace', 'body.data.relationOther'])
      assert.ok(paths.includes(p), `${p} in ${paths.join(', ')}`);
    for (const e of res.body.errors) assert.ok(e.message.vi && e.message.en);
    assert.equal(res.body.errors.find((e: { path: string }) => e.path === 'body.data.child.fullName').message.vi, 'Bắt buộc phải có');
    assert.equal(await count('dossier'), before.dossiers);
    assert.equal(await count('online_submission'), before.submissions);
    // A file that is not the citizen's own is refused too.
    const foreign = submission('bad-submission-0002');
    foreign.documents[0]!.fileSha256 = 'a'.repeat(64);
    const refused = await citizen.post('/api/citizen/submissions', foreign);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.errors[0].path, 'body.documents[0].fileSha256');
    assert.equal(await count('dossier'), before.dossiers);
  });

  let dossierId: string;
  test('submission is idempotent and waits in status 1 for the counter, without a code (set at reception)', async () => {
    const first = await citizen.post('/api/citizen/submissions', submission('birth-2026-0001'));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 1);
    assert.equal(first.body.code, null);
    dossierId = first.body.id;
    const n = await count('dossier');
    const again = await citizen.post('/api/citizen/submissions', submission('birth-2026-0001'));
    assert.equal(again.status, 200);
    assert.equal(again.body.id, dossierId);
    assert.equal(await count('dossier'), n);
    // The draft is gone once submitted.
    assert.equal((await citizen.get('/api/citizen/drafts/1.001193')).body, null);
    const mine = await citizen.get('/api/citizen/dossiers');
    assert.equal(mine.body.length, 1);
    assert.equal(mine.body[0].returnMethod, 'postal');
    // 8 working hours from Monday 08:00.
    assert.equal(new Date(mine.body[0].reviewDueAt).getTime() > Date.parse('2026-05-04T08:00:00Z'), true);
    const dossier = await sys.ctx.db.selectFrom('dossier').select(['channel', 'status', 'return_address']).where('id', '=', dossierId).executeTakeFirstOrThrow();
    assert.equal(dossier.channel, 2);
    assert.deepEqual(dossier.return_address, { communeCode: '25969', detail: 'Số 12 đường Thuận Giao 21' });
    // Someone else cannot read it.
    const other = new CitizenClient(sys.url);
    await other.signInWithEid('vneid-demo-0002');
    assert.equal((await other.get(`/api/citizen/dossiers/${dossierId}`)).status, 403);
  });

  test('the counter is warned before the 8 working hours run out, and a breach is recorded for supervisors', async () => {
    let queue = await staff.tiepnhan!.get('/api/online-submissions');
    assert.equal(queue.status, 200);
    let item = queue.body.items.find((i: { id: string }) => i.id === dossierId);
    assert.equal(item.warning, false);
    assert.equal(item.workingMinutesLeft, 480);
    assert.equal(item.documents[0].fileSha256, fileSha);
    const due = Date.parse(item.reviewDueAt);

    clock.set(new Date(due - 60 * 60_000));
    queue = await staff.tiepnhan!.get('/api/online-submissions');
    item = queue.body.items.find((i: { id: string }) => i.id === dossierId);
    assert.equal(item.warning, true);
    assert.equal(item.breachedAt, null);
    assert.equal(queue.body.warning, 1);

    clock.set(new Date(due + 60_000));
    queue = await staff.giamsat!.get('/api/online-submissions?breached=true');
    assert.equal(queue.status, 200);
    item = queue.body.items.find((i: { id: string }) => i.id === dossierId);
    assert.equal(item.breachedAt, new Date(due).toISOString());
    assert.equal(queue.body.breached, 1);
    // Recorded once, as an event on the dossier's timeline.
    await staff.tiepnhan!.get('/api/online-submissions');
    const detail = await staff.tiepnhan!.get(`/api/dossiers/${dossierId}`);
    const breaches = detail.body.events.filter((e: { data: { kind?: string } }) => e.data.kind === 'online_review_breach');
    assert.equal(breaches.length, 1);
  });

  test('the counter receives it: code, appointment, processing; the citizen sees it', async () => {
    const version = (await staff.tiepnhan!.get(`/api/dossiers/${dossierId}`)).body.version;
    const noReason = await staff.tiepnhan!.post(`/api/online-submissions/${dossierId}/review`, { expectedVersion: version, outcome: 'supplement' });
    assert.equal(noReason.status, 400);
    const res = await staff.tiepnhan!.post(`/api/online-submissions/${dossierId}/review`, { expectedVersion: version, outcome: 'receive', duration: { unit: 'workingDays', value: 3 } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const mine = await citizen.get(`/api/citizen/dossiers/${dossierId}`);
    assert.equal(mine.body.status, 4);
    assert.match(mine.body.code, /^000\.00\.01\.H29-\d{6}-\d{4,}$/);
    assert.ok(mine.body.dueAt);
    assert.ok(mine.body.lookupSecret);
    assert.deepEqual(mine.body.events.map((e: { type: string }) => e.type), ['submitted', 'received', 'assigned']);
    // The applicant's "received" SMS, written with the reception, carries the code just given.
    const sms = await sys.ctx.db.selectFrom('notification_outbox').select(['body', 'dossier_code']).where('dossier_id', '=', dossierId).where('kind', '=', 'dossier_received').where('channel', '=', 'sms').executeTakeFirstOrThrow();
    assert.equal(sms.dossier_code, mine.body.code);
    assert.ok(sms.body.includes(`Ho so ${mine.body.code} (`), sms.body);
    assert.ok(sms.body.includes(`/tra-cuu/${encodeURIComponent(mine.body.code)}?k=${mine.body.lookupSecret}`), sms.body);
    const lookup = await new ApiClient(sys.url).get(`/api/public/dossiers/${encodeURIComponent(mine.body.code)}?secret=${mine.body.lookupSecret}`);
    assert.equal(lookup.status, 200);
    assert.equal((await staff.tiepnhan!.get('/api/online-submissions')).body.items.some((i: { id: string }) => i.id === dossierId), false);
    // The receipt, as the counter would print it, from "my dossiers"; nobody else's.
    const receipt = await citizen.raw('GET', `/api/citizen/dossiers/${dossierId}/documents/receipt.pdf`);
    assert.equal(receipt.status, 200);
    assert.equal(receipt.headers.get('content-type'), 'application/pdf');
    const text = pdfText(Buffer.from(await receipt.arrayBuffer()));
    assert.ok(text.includes(mine.body.code), 'the receipt names the dossier code');
    assert.match(text, /GIẤY TIẾP NHẬN HỒ SƠ/);
    const stranger = new CitizenClient(sys.url);
    await stranger.signInWithEid('vneid-demo-0002');
    assert.equal((await stranger.raw('GET', `/api/citizen/dossiers/${dossierId}/documents/receipt.pdf`)).status, 403);
    assert.equal((await new CitizenClient(sys.url).raw('GET', `/api/citizen/dossiers/${dossierId}/documents/receipt.pdf`)).status, 401);
  });

  test('a supplement requested during processing shows as the citizen’s to-do; the upload resumes processing', async () => {
    let detail = await staff.lanhdao!.get(`/api/dossiers/${dossierId}`);
    const req = await staff.lanhdao!.post(`/api/dossiers/${dossierId}/actions`, { type: 'supplement_requested', expectedVersion: detail.body.version, reason: 'Thiếu giấy tờ', missing: ['Giấy chứng nhận kết hôn của cha mẹ'] });
    assert.equal(req.status, 200, JSON.stringify(req.body));
    const mine = await citizen.get(`/api/citizen/dossiers/${dossierId}`);
    assert.equal(mine.body.status, 5);
    assert.deepEqual(mine.body.pendingSupplement.missing, ['Giấy chứng nhận kết hôn của cha mẹ']);
    const up = await citizen.upload(Buffer.concat([PDF, Buffer.from('% ket hon\n')]), 'application/pdf', 'ket-hon.pdf');
    const res = await citizen.post(`/api/citizen/dossiers/${dossierId}/supplement`, { expectedVersion: mine.body.version, documents: [{ requirementIndex: null, name: 'Giấy chứng nhận kết hôn của cha mẹ', fileSha256: up.body.sha256, fileName: 'ket-hon.pdf' }] });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 4);
    assert.equal(res.body.pendingSupplement, null);
    detail = await staff.lanhdao!.get(`/api/dossiers/${dossierId}`);
    assert.equal(detail.body.events.at(-1).type, 'supplement_received');
    assert.ok(detail.body.documents.some((d: { purpose: string; fileSha256: string }) => d.purpose === 'supplement' && d.fileSha256 === up.body.sha256));
    // The citizen opens their own files from "my dossiers"; nobody else can, and a malformed hash is refused.
    const handedIn = res.body.documents.find((d: { purpose: string }) => d.purpose === 'supplement');
    assert.equal(handedIn.fileSha256, up.body.sha256);
    const own = await citizen.raw('GET', `/api/citizen/dossiers/${dossierId}/files/${up.body.sha256}`);
    assert.equal(own.status, 200);
    assert.equal(own.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(Buffer.from(await own.arrayBuffer()), Buffer.concat([PDF, Buffer.from('% ket hon\n')]));
    const stranger = new CitizenClient(sys.url);
    await stranger.signInWithEid('vneid-demo-0002');
    assert.equal((await stranger.raw('GET', `/api/citizen/dossiers/${dossierId}/files/${up.body.sha256}`)).status, 403);
    assert.equal((await citizen.raw('GET', `/api/citizen/dossiers/${dossierId}/files/${'0'.repeat(64)}`)).status, 403);
    const malformed = await citizen.raw('GET', `/api/citizen/dossiers/${dossierId}/files/not-a-hash`);
    assert.equal(malformed.status, 400);
    // No second arrival for the same request.
    assert.equal((await citizen.post(`/api/citizen/dossiers/${dossierId}/supplement`, { expectedVersion: res.body.version, documents: [{ requirementIndex: null, name: 'x', fileSha256: up.body.sha256, fileName: null }] })).status, 409);
  });

  test('admins publish a new e-form version; a schema that does not compile is refused', async () => {
    const bad = await staff.admin!.post('/api/eforms/1.001193', { title: 'Hỏng', schema: { type: 'object', properties: { a: { type: 'nonsense' } } } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.schema');
    assert.equal((await staff.tiepnhan!.post('/api/eforms/1.001193', { title: 'x', schema: { type: 'object' } })).status, 403);
    const ok = await staff.admin!.post('/api/eforms/1.001193', { title: eform.schema.title ?? 'Tờ khai', schema: eform.schema, uiSchema: {} });
    assert.equal(ok.status, 201);
    assert.equal(ok.body.version, 2);
    assert.equal((await citizen.get('/api/procedures/1.001193/eform')).body.version, 2);
  });

  test('sent back at intake: the citizen hands in the missing papers and the submission returns to the counter with a new 8 hours', async () => {
    const other = new CitizenClient(sys.url);
    await other.signInWithEid('vneid-demo-0002');
    const up = await other.upload(Buffer.concat([PDF, Buffer.from('% don\n')]));
    const data = validData();
    (data.applicant as Record<string, unknown>).fullName = 'Trần Thị Bích Ngọc';
    (data.applicant as Record<string, unknown>).idNumber = '074195004321';
    const body = submission('marriage-0001', data);
    body.documents[0]!.fileSha256 = up.body.sha256;
    const created = await other.post('/api/citizen/submissions', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const back = await staff.tiepnhan!.post(`/api/online-submissions/${id}/review`, { expectedVersion: created.body.version, outcome: 'supplement', reason: 'Ảnh giấy chứng sinh bị mờ', missing: ['Giấy chứng sinh (bản rõ nét)'] });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    let mine = await other.get(`/api/citizen/dossiers/${id}`);
    assert.equal(mine.body.status, 1);
    assert.deepEqual(mine.body.pendingSupplement.missing, ['Giấy chứng sinh (bản rõ nét)']);
    let queue = await staff.tiepnhan!.get('/api/online-submissions');
    assert.equal(queue.body.items.find((i: { id: string }) => i.id === id).sentBack, true);
    const again = await other.upload(Buffer.concat([PDF, Buffer.from('% ro net\n')]));
    const sent = await other.post(`/api/citizen/dossiers/${id}/supplement`, { expectedVersion: mine.body.version, documents: [{ requirementIndex: 0, name: 'Giấy chứng sinh (bản rõ nét)', fileSha256: again.body.sha256, fileName: 'ro-net.pdf' }] });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.pendingSupplement, null);
    queue = await staff.tiepnhan!.get('/api/online-submissions');
    const item = queue.body.items.find((i: { id: string }) => i.id === id);
    assert.equal(item.sentBack, false);
    assert.equal(item.workingMinutesLeft, 480);
    // Refused with reasons: no code, a final status.
    const refused = await staff.tiepnhan!.post(`/api/online-submissions/${id}/review`, { expectedVersion: item.version, outcome: 'refuse', reason: 'Không thuộc thẩm quyền' });
    assert.equal(refused.status, 200);
    mine = await other.get(`/api/citizen/dossiers/${id}`);
    assert.equal(mine.body.status, 3);
    assert.equal(mine.body.code, null);
    // A citizen session cannot review, a staff session cannot submit.
    assert.equal((await other.post(`/api/online-submissions/${id}/review`, { expectedVersion: 1, outcome: 'receive' })).status, 401);
  });
});

