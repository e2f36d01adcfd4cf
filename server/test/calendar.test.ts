import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';

let sys: TestSystem;
let api: ApiClient;
before(async () => {
  sys = await startTestSystem();
  api = new ApiClient(sys.url);
});
after(async () => sys?.close());

const due = (query: string) => api.get(`/api/calendar/due-date?${query}`);

describe('due dates through the API, with the official 2026 schedule as data', () => {
  test('3 working days from Fri 13/02/2026 10:00 → Wed 25/02/2026 10:00 (Tết 16–20/02 off)', async () => {
    const res = await due('from=2026-02-13T10:00&duration=3');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.dueLocal, '2026-02-25T10:00');
    assert.equal(res.body.due, '2026-02-25T03:00:00.000Z');
    assert.equal(res.body.dueDay, '2026-02-25');
  });

  test('the same at 16:00 with the 15:00 cut-off counts from Mon 23/02 → Wed 25/02 at the end of the day', async () => {
    const res = await due('from=2026-02-13T16:00&duration=3wd&cutoff15h=true');
    assert.equal(res.body.countingStart, '2026-02-23T00:00:00.000Z');
    assert.equal(res.body.dueLocal, '2026-02-25T17:00');
  });

  test('1 working day from Fri 21/08/2026 10:00 → Sat 22/08/2026 10:00 (make-up working day)', async () => {
    assert.equal((await due('from=2026-08-21T10:00&duration=1')).body.dueLocal, '2026-08-22T10:00');
  });

  test('1 working day from Fri 28/08/2026 10:00 → Thu 03/09/2026 10:00 (31/08–02/09 off)', async () => {
    assert.equal((await due('from=2026-08-28T10:00:00%2B07:00&duration=1wd')).body.dueLocal, '2026-09-03T10:00');
  });

  test('1 working day from a Friday 16:30 → the next Monday 16:30; with the cut-off, Monday 17:00', async () => {
    assert.equal((await due('from=2026-03-06T16:30&duration=1')).body.dueLocal, '2026-03-09T16:30');
    assert.equal((await due('from=2026-03-06T16:30&duration=1&cutoff15h=true')).body.dueLocal, '2026-03-09T17:00');
  });

  test('0.5 working day from 11:00 crosses the lunch break → 17:00', async () => {
    assert.equal((await due('from=2026-03-10T11:00&duration=0.5wd')).body.dueLocal, '2026-03-10T17:00');
  });

  test('3 calendar days ending on a Sunday → the Monday (24:00)', async () => {
    const res = await due('from=2026-03-05T09:00&duration=3cd');
    assert.equal(res.body.dueDay, '2026-03-09');
    assert.equal(res.body.dueLocal, '2026-03-09T24:00');
  });

  test('working days between two dates skip weekends and Tết', async () => {
    const res = await api.get('/api/calendar/working-days?from=2026-02-09&to=2026-02-27');
    assert.equal(res.status, 200);
    assert.equal(res.body.workingDays, 10);
    assert.ok(res.body.daysOff.some((d: { date: string; kind: string }) => d.date === '2026-02-17'));
  });
});

describe('bad calendar input is a clear 400', () => {
  const cases: [string, string, string][] = [
    ['unknown unit', 'from=2026-02-13T10:00&duration=3&unit=000.99.99.H99', 'querystring.unit'],
    ['negative duration', 'from=2026-02-13T10:00&duration=-3', 'querystring.duration'],
    ['unparsable date', 'from=13/02/2026&duration=3', 'querystring.from'],
    ['impossible date', 'from=2026-02-30T10:00&duration=3', 'querystring.from'],
    ['year out of range', 'from=2099-02-13T10:00&duration=3', 'querystring.duration'],
    ['fractional calendar days', 'from=2026-02-13T10:00&duration=1.5cd', 'querystring.duration'],
  ];
  for (const [name, query, path] of cases)
    test(name, async () => {
      const res = await due(query);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.ok(res.body.errors.some((e: { path: string }) => e.path === path), JSON.stringify(res.body.errors));
      assert.ok(res.body.message.vi && res.body.message.en);
    });

  test('a year page out of range', async () => {
    const res = await api.get('/api/calendar/years/1999');
    assert.equal(res.status, 400);
    assert.equal(res.body.errors[0].path, 'params.year');
  });
});

describe('administering the yearly schedule', () => {
  test('the year view shows holidays and make-up days', async () => {
    const res = await api.get('/api/calendar/years/2026');
    const day = (d: string) => res.body.days.find((x: { date: string }) => x.date === d);
    assert.equal(day('2026-02-17').kind, 'holiday');
    assert.equal(day('2026-08-22').kind, 'makeUpWorkday');
    assert.equal(day('2026-08-31').workingMinutes, 0);
    // Hùng Kings day, lunar 10/3, falls on Sunday 26/04/2026: Monday 27/04 is the day off in lieu.
    assert.equal(day('2026-04-26').kind, 'holiday');
    assert.equal(day('2026-04-27').kind, 'compensatory');
    assert.equal(res.body.entries.filter((e: { scope: string }) => e.scope === 'official').length, 9);
  });

  test('a province day off: dry run shows the change and writes nothing; applying moves new due dates and is audited', async () => {
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const body = { scope: 'local', entries: [{ date: '2026-03-10', kind: 'off', label: 'Nghỉ lễ hội địa phương' }] };
    const dry = await admin.request('PUT', '/api/calendar/years/2026/entries', { ...body, dryRun: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(dry.body.changedDays, [{ date: '2026-03-10', before: 'workday', after: 'scheduledOff' }]);
    assert.equal(dry.body.applied, false);
    assert.equal((await due('from=2026-03-09T10:00&duration=1')).body.dueLocal, '2026-03-10T10:00');
    const applied = await admin.request('PUT', '/api/calendar/years/2026/entries', body);
    assert.equal(applied.body.applied, true);
    assert.equal((await due('from=2026-03-09T10:00&duration=1')).body.dueLocal, '2026-03-11T10:00');
    const audit = await sys.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.replace_year').execute();
    assert.equal(audit.length, 1);
    // Undo, so other tests see the plain calendar.
    await admin.request('PUT', '/api/calendar/years/2026/entries', { scope: 'local', entries: [] });
  });

  test('a contradictory or misplaced entry is refused and nothing changes', async () => {
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const before = await api.get('/api/calendar/years/2027');
    const clash = await admin.request('PUT', '/api/calendar/years/2027/entries', {
      scope: 'local',
      entries: [
        { date: '2027-03-10', kind: 'off', label: 'A' },
        { date: '2027-03-10', kind: 'workday', label: 'B' },
      ],
    });
    assert.equal(clash.status, 400);
    assert.equal(clash.body.errors[0].path, 'body.entries[1].kind');
    assert.equal(clash.body.errors[0].message.vi, 'Ngày 2027-03-10 vừa là ngày nghỉ vừa là ngày làm việc');
    const wrongYear = await admin.request('PUT', '/api/calendar/years/2027/entries', { scope: 'local', entries: [{ date: '2028-01-03', kind: 'off', label: 'C' }] });
    assert.equal(wrongYear.status, 400);
    assert.equal(wrongYear.body.errors[0].path, 'body.entries[0].date');
    assert.deepEqual((await api.get('/api/calendar/years/2027')).body, before.body);
  });

  test('the official 2027 schedule imported as CSV; a bad CSV names its line', async () => {
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const csv = 'date,kind,label,holiday\n2027-02-05,off,Nghỉ Tết Đinh Mùi,tet\n2027-02-08,off,Nghỉ Tết Đinh Mùi,tet\n2027-02-09,off,Nghỉ Tết Đinh Mùi,tet\n2027-02-10,off,Nghỉ Tết Đinh Mùi,tet\n2027-02-11,off,Nghỉ Tết Đinh Mùi,tet\n2027-02-12,off,Nghỉ Tết Đinh Mùi,tet\n';
    const ok = await admin.request('PUT', '/api/calendar/years/2027/entries.csv?scope=official', csv, { 'content-type': 'text/csv' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.ok(ok.body.changedDays.length > 0);
    const exported = await fetch(`${sys.url}/api/calendar/years/2027/entries.csv?scope=official`).then((r) => r.text());
    assert.match(exported, /2027-02-12,off,Nghỉ Tết Đinh Mùi,tet/);
    const bad = await admin.request('PUT', '/api/calendar/years/2027/entries.csv?scope=official', 'date,kind,label\n2027-13-01,off,X\n', { 'content-type': 'text/csv' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.errors[0].path, /line 2/);
    assert.match(bad.body.errors[0].message.vi, /^Dòng 2 \(date\): ngày không có thật/);
  });

  test('only a province admin edits the calendar', async () => {
    const leader = new ApiClient(sys.url);
    await leader.login('lanhdao');
    const res = await leader.request('PUT', '/api/calendar/years/2026/entries', { scope: 'local', entries: [] });
    assert.equal(res.status, 403);
    assert.equal((await new ApiClient(sys.url).request('PUT', '/api/calendar/years/2026/entries', { scope: 'local', entries: [] })).status, 401);
  });
});

describe('working hours per unit', () => {
  test('a centre open on Saturday morning: its units inherit the hours, others keep the default', async () => {
    const admin = new ApiClient(sys.url);
    await admin.login('admin');
    const units = (await admin.get('/api/units')).body;
    const centre = units.find((u: { kind: string }) => u.kind === 'service_centre');
    const commune = units.find((u: { kind: string }) => u.kind === 'commune_committee');
    const spec = {
      weekly: {
        monday: ['07:00-11:30', '13:30-17:00'],
        tuesday: ['07:00-11:30', '13:30-17:00'],
        wednesday: ['07:00-11:30', '13:30-17:00'],
        thursday: ['07:00-11:30', '13:30-17:00'],
        friday: ['07:00-11:30', '13:30-17:00'],
        saturday: ['07:30-11:30'],
      },
    };
    const set = await admin.request('PUT', `/api/units/${centre.id}/working-hours`, spec);
    assert.equal(set.status, 200, JSON.stringify(set.body));
    // Friday 16:30 + 8 h: 0.5 h on Friday, 4 h on Saturday 07:30–11:30, 3.5 h on Monday from 07:00.
    assert.equal((await due(`from=2026-03-06T16:30&duration=1&unit=${centre.code}`)).body.dueLocal, '2026-03-09T10:30');
    assert.equal((await due(`from=2026-03-06T16:30&duration=1&unit=${commune.id}`)).body.dueLocal, '2026-03-09T16:30');
    const bad = await admin.request('PUT', `/api/units/${centre.id}/working-hours`, { weekly: { monday: ['07:00-11:30'], saturday: ['11:30-07:30'] } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, 'body.weekly.saturday');
    assert.equal(bad.body.errors[0].message.vi, 'Khung giờ "11:30-07:30": giờ kết thúc phải sau giờ bắt đầu');
    const badFormat = await admin.request('PUT', `/api/units/${centre.id}/working-hours`, { weekly: { monday: ['7h-11h'] } });
    assert.equal(badFormat.body.errors[0].path, 'body.weekly.monday[0]');
    assert.match(badFormat.body.errors[0].message.vi, /HH:MM-HH:MM/);
  });
});
