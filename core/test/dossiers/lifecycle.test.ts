import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent, allowedEvents, EMPTY_STATE, foldEvents, TRANSITIONS, EVENT_TYPES, type DossierEvent, type DossierState } from '../../src/dossiers/lifecycle.ts';
import { DOSSIER_STATUSES } from '../../src/dossiers/statuses.ts';
import { checkCitizenId } from '../../src/dossiers/citizen-id.ts';
import { dossierCode, parseDossierCode, resultCode } from '../../src/dossiers/code.ts';
import { dossierDeadline, timeliness } from '../../src/dossiers/deadline.ts';
import { buildCalendar } from '../../src/calendar/calendar.ts';
import { workingDays } from '../../src/calendar/duration.ts';
import { parseVietnamDateTime as vn, formatVietnamDateTime } from '../../src/calendar/vietnam-time.ts';

const ev = (type: DossierEvent['type'], at: string, extra: Partial<DossierEvent> = {}): DossierEvent => ({ type, at: vn(at), actorId: 'a', unitId: 'u', ...extra });

describe('dossier lifecycle', () => {
  test('received → assigned → result → returned', () => {
    const state = foldEvents([ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T09:00', { unitId: 'commune' }), ev('result_issued', '2026-03-04T10:00'), ev('returned', '2026-03-05T08:00')]);
    assert.equal(state.status, 10);
    assert.equal(state.version, 4);
    assert.equal(state.holdingUnitId, 'commune');
  });

  test('every transition not in the table is refused with the status it came from', () => {
    const statuses = [null, ...DOSSIER_STATUSES];
    for (const type of EVENT_TYPES)
      for (const from of statuses) {
        const state: DossierState = { ...EMPTY_STATE, status: from };
        const result = applyEvent(state, { type, at: 0, actorId: null, unitId: null, data: { newDueAt: 1 } });
        assert.equal(result.ok, TRANSITIONS[type].from.includes(from), `${type} from ${from}`);
        if (!result.ok && result.error.code === 'illegal_transition') assert.equal(result.error.from, from);
      }
  });

  test('a result cannot be issued twice and nothing follows a return', () => {
    const state = foldEvents([ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T09:00'), ev('result_issued', '2026-03-02T10:00'), ev('returned', '2026-03-02T11:00')]);
    assert.deepEqual(allowedEvents(state), []);
  });

  test('supplement pauses the clock and resumes it; two requests are counted', () => {
    const state = foldEvents([
      ev('received', '2026-03-02T08:00'),
      ev('assigned', '2026-03-02T08:30'),
      ev('supplement_requested', '2026-03-02T10:00'),
      ev('supplement_received', '2026-03-04T10:00'),
      ev('supplement_requested', '2026-03-05T10:00'),
      ev('supplement_received', '2026-03-06T10:00'),
    ]);
    assert.equal(state.supplementRequests, 2);
    assert.equal(state.pauses.length, 2);
    assert.ok(state.pauses.every((p) => p.end !== null));
  });

  test('under a restart policy the clock starts again when the supplement arrives', () => {
    const events = [ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T08:30'), ev('supplement_requested', '2026-03-02T10:00'), ev('supplement_received', '2026-03-04T10:00')];
    const state = foldEvents(events, { supplementPolicy: 'restart' });
    assert.equal(state.clockStart, vn('2026-03-04T10:00'));
    assert.deepEqual(state.pauses, []);
  });

  test('the apology letter is allowed once and needs a new date', () => {
    const base = foldEvents([ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T08:30')]);
    const noDate = applyEvent(base, ev('apology_issued', '2026-03-03T08:00'));
    assert.deepEqual(noDate, { ok: false, error: { code: 'apology_needs_new_date' } });
    const once = applyEvent(base, ev('apology_issued', '2026-03-03T08:00', { data: { newDueAt: vn('2026-03-10T17:00') } }));
    assert.ok(once.ok);
    if (once.ok) assert.deepEqual(applyEvent(once.state, ev('apology_issued', '2026-03-04T08:00', { data: { newDueAt: 1 } })), { ok: false, error: { code: 'apology_already_issued' } });
  });

  test('withdrawal stops the dossier before any result', () => {
    const state = foldEvents([ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T08:30'), ev('withdrawal_requested', '2026-03-03T08:00'), ev('stopped', '2026-03-03T09:00')]);
    assert.equal(state.status, 8);
    const processed = foldEvents([ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T08:30'), ev('result_issued', '2026-03-03T08:00')]);
    assert.equal(applyEvent(processed, ev('withdrawal_requested', '2026-03-03T09:00')).ok, false);
  });
});

describe('dossier deadlines', () => {
  const calendar = buildCalendar();
  test('the supplement pause moves the due date by the paused working time', () => {
    const events = [ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T08:30'), ev('supplement_requested', '2026-03-03T08:00'), ev('supplement_received', '2026-03-05T08:00')];
    const plain = dossierDeadline(calendar, foldEvents(events.slice(0, 2)), workingDays(3));
    const paused = dossierDeadline(calendar, foldEvents(events), workingDays(3));
    assert.equal(formatVietnamDateTime(plain.dueAt!), '2026-03-05T08:00');
    assert.equal(formatVietnamDateTime(paused.dueAt!), '2026-03-09T08:00');
    assert.equal(paused.pausedWorkingMinutes, 2 * 480);
  });

  test('an open pause leaves the due date unknown', () => {
    const state = foldEvents([ev('received', '2026-03-02T08:00'), ev('assigned', '2026-03-02T08:30'), ev('fee_requested', '2026-03-03T08:00')]);
    const d = dossierDeadline(calendar, state, workingDays(3));
    assert.equal(d.paused, true);
    assert.equal(d.dueAt, null);
  });

  test('timeliness: early, on time (24:00 belongs to its day), late', () => {
    const due = vn('2026-03-05T17:00');
    assert.equal(timeliness(vn('2026-03-04T16:00'), due), 'early');
    assert.equal(timeliness(vn('2026-03-05T09:00'), due), 'on_time');
    assert.equal(timeliness(vn('2026-03-05T17:01'), due), 'late');
    assert.equal(timeliness(vn('2026-03-05T23:00'), vn('2026-03-06T00:00')), 'on_time');
  });
});

describe('codes and identity numbers', () => {
  test('dossier codes: unit, Vietnam date, at least four digits and growing', () => {
    assert.equal(dossierCode('000.00.06.H56', { year: 2023, month: 10, day: 27 }, 361), '000.00.06.H56-231027-0361');
    assert.equal(dossierCode('000.00.06.H56', { year: 2023, month: 10, day: 27 }, 10000), '000.00.06.H56-231027-10000');
    assert.deepEqual(parseDossierCode('000.00.06.H56-231027-0361'), { unitCode: '000.00.06.H56', yymmdd: '231027', counter: 361 });
    assert.equal(parseDossierCode('000.00.06.H56-231027-361'), null);
    assert.equal(resultCode('000.00.06.H56-231027-0361', 1), '000.00.06.H56-231027-0361-KQ1');
  });

  test('12-digit citizen ID numbers', () => {
    assert.deepEqual(checkCitizenId('079203001234'), { ok: true, facts: { provinceCode: '079', sex: 'male', birthYear: 2003 } });
    assert.deepEqual(checkCitizenId('001085012345'), { ok: true, facts: { provinceCode: '001', sex: 'male', birthYear: 1985 } });
    assert.deepEqual(checkCitizenId('07920300123'), { ok: false, problem: 'format' });
    assert.deepEqual(checkCitizenId('003203001234'), { ok: false, problem: 'province' });
    assert.deepEqual(checkCitizenId('079299001234', 2026), { ok: false, problem: 'birth_year' });
  });
});
