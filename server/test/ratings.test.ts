import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { satisfactionFigures } from '../src/modules/ratings/ratings.service.ts';
import { officeFixture, type OfficeFixture } from './support/citizen-flow.ts';

const clock = fixedClock(new Date('2026-05-04T01:00:00Z')); // Monday 04/05/2026 08:00 in Vietnam
let sys: TestSystem;
let f: OfficeFixture;
const citizen = () => new ApiClient(sys.url);

before(async () => {
  sys = await startTestSystem({ clock, env: { SESSION_HOURS: '720', NOTIFY_WORKER: 'off' } });
  f = await officeFixture(sys);
});
after(async () => sys?.close());

test('rated once per dossier after its return, by code and secret without login; the time indicators are computed', async () => {
  clock.set(new Date('2026-05-04T01:00:00Z'));
  const open = await f.receive();
  const early = await citizen().post(`/api/public/ratings/${open.code}`, { secret: open.lookupSecret, overall: 'satisfied', extraContacts: 0, otherAgencies: 0 });
  assert.equal(early.status, 409);
  assert.equal(early.body.code, 'not_returned');
  assert.match(early.body.message.vi, /sau khi hồ sơ đã trả kết quả/);

  const d = await f.returned({}, (ms) => clock.advance(ms));
  const form = await citizen().get(`/api/public/ratings/${d.code}?k=${d.lookupSecret}`);
  assert.equal(form.status, 200, JSON.stringify(form.body));
  assert.equal(form.body.canRate, true);
  assert.deepEqual(form.body.computed.totalTime, { score: 2, timeliness: 'early' });
  assert.equal(form.body.computed.unitTime.score, 2);
  assert.ok(form.body.computed.unitTime.units.length >= 2);

  assert.equal((await citizen().post(`/api/public/ratings/${d.code}`, { secret: 'WRONGWRONG', overall: 'satisfied', extraContacts: 0, otherAgencies: 0 })).status, 404);
  const bad = await citizen().post(`/api/public/ratings/${d.code}`, { secret: d.lookupSecret, overall: 'so-so', extraContacts: 5, otherAgencies: 0 });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), ['body.extraContacts', 'body.overall']);

  const rated = await citizen().post(`/api/public/ratings/${d.code.toLowerCase()}`, { secret: d.lookupSecret.toLowerCase(), overall: 'very_satisfied', extraContacts: 1, otherAgencies: 0, comment: 'Cán bộ hướng dẫn tận tình', source: 'kiosk' });
  assert.equal(rated.status, 201, JSON.stringify(rated.body));
  assert.deepEqual(rated.body.scores, { totalTime: 2, unitTime: 2, contacts: 1, agencies: 2 });
  assert.equal(rated.body.source, 'kiosk');
  const again = await citizen().post(`/api/public/ratings/${d.code}`, { secret: d.lookupSecret, overall: 'dissatisfied', extraContacts: 0, otherAgencies: 0 });
  assert.equal(again.status, 409);
  assert.equal(again.body.code, 'already_rated');
  assert.match(again.body.message.en, /already rated/);
  const after = await citizen().get(`/api/public/ratings/${d.code}?k=${d.lookupSecret}`);
  assert.equal(after.body.canRate, false);
  assert.equal(after.body.rating.overall, 'very_satisfied');
});

test('a late dossier scores 0 on total time; figures per unit and period for statistics and supervisors', async () => {
  clock.set(new Date('2026-05-04T01:00:00Z'));
  let d = await f.receive();
  d = await f.act('chuyenvien', d, { type: 'assigned' });
  clock.set(new Date('2026-05-20T02:00:00Z')); // a week past the 7-working-day limit
  for (const [name, api] of Object.entries(f.as)) await api.login(name);
  d = await f.act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Xác nhận', fileSha256: f.fileSha }] });
  d = await f.act('tiepnhan', d, { type: 'returned' });
  const rated = await citizen().post(`/api/public/ratings/${d.code}`, { secret: d.lookupSecret, overall: 'dissatisfied', extraContacts: 2, otherAgencies: 2 });
  assert.equal(rated.status, 201);
  assert.deepEqual(rated.body.scores, { totalTime: 0, unitTime: 0, contacts: 0, agencies: 0 });

  const figures = await f.as.giamsat!.get('/api/ratings/figures?from=2026-05-01&to=2026-05-31');
  assert.equal(figures.status, 200, JSON.stringify(figures.body));
  const ward = figures.body.find((u: { unitName: string }) => u.unitName.includes('Thuận Giao'));
  assert.equal(ward.ratings, 2);
  assert.equal(ward.verySatisfied, 1);
  assert.equal(ward.dissatisfied, 1);
  assert.equal(ward.satisfiedShare, 0.5);
  assert.equal(ward.averageScores.totalTime, 1);
  assert.equal((await f.as.giamsat!.get('/api/ratings/figures?from=2026-06-01&to=2026-06-30')).body.length, 0);
  assert.equal((await f.as.tiepnhan!.get('/api/ratings/figures?from=2026-05-01&to=2026-05-31')).status, 403);
  // The same figures as a function for the statistics module.
  const direct = await satisfactionFigures(sys.ctx.db, { from: '2026-05-01', to: '2026-05-31' });
  assert.equal(direct.find((u) => u.unitId === ward.unitId)!.ratings, 2);
});
