/**
 * A simulated day at the demo centre: 2,000 tickets over four groups, six counters. Driven through the
 * queue service (not 2,000 HTTP round trips) on the real database; checks that no ticket is lost or
 * served twice, that the priority rule holds at every call, and that the figures add up.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestSystem, type TestSystem } from '../src/testing/harness.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { QueueService } from '../src/modules/queue/queue.service.ts';
import type { StaffPrincipal } from '../src/modules/users/principal.ts';

const TICKETS = Number(process.env.QUEUE_DAY_TICKETS ?? 2000);
const clock = fixedClock(new Date('2026-11-23T00:00:00Z')); // Monday 07:00 in Vietnam
let sys: TestSystem;
before(async () => {
  sys = await startTestSystem({ clock });
});
after(async () => {
  await sys?.close();
});

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

test(`a day of ${TICKETS} tickets, 4 groups, 6 counters: none lost or served twice, priorities fair, figures add up`, async () => {
  const service = new QueueService(sys.ctx);
  const setup = await service.setup(null, '000.00.01.H29');
  const centre = await service.centre(setup.centre.id);
  const N = setup.settings.maxPriorityInRow;
  const counters = setup.counters.slice(0, 6);
  const officers: StaffPrincipal[] = counters.map((c, i) => ({
    id: `00000000-0000-4000-8000-00000000000${i + 1}`,
    username: `quay${i + 1}`,
    fullName: `Cán bộ quầy ${c.number}`,
    email: null,
    csrfToken: '',
    sessionHash: '',
    grants: [{ role: 'counter_officer', unitId: centre.id, unitPath: centre.path, unitName: centre.name }],
  }));
  for (let i = 0; i < 6; i++) await service.signIn(officers[i]!, counters[i]!.id);

  const random = prng(20261123);
  // The simulation's own view of the line, to judge every call the service makes.
  const waiting = new Map<string, { groupId: string; priority: boolean; queuedAt: number }>();
  const issued: { id: string; number: string; groupId: string }[] = [];
  const streak = new Map<string, number>();
  const current = new Map<string, string>();
  const calls: string[] = [];
  let violations = 0;

  const closeAt = new Date('2026-11-23T04:30:00Z').getTime(); // 11:30: the morning period ends
  // Each simulated minute: the arrivals are issued together, then every counter finishes its ticket,
  // then all six call at once (really concurrently on PostgreSQL: the ticket claim decides who wins).
  while (issued.length < TICKETS || waiting.size > 0 || current.size > 0) {
    if (issued.length < TICKETS && clock.now().getTime() < closeAt) {
      const arrivals = Math.min(TICKETS - issued.length, 5 + Math.floor(random() * 6));
      const wanted = Array.from({ length: arrivals }, () => {
        const group = setup.groups[Math.floor(random() * 4)]!;
        const priority = random() < 0.2 ? (['elderly', 'disability', 'pregnant'] as const)[Math.floor(random() * 3)]! : ('none' as const);
        return { group, priority };
      });
      const tickets = await Promise.all(wanted.map((w) => service.issue(centre.id, { groupId: w.group.id, priority: w.priority })));
      tickets.forEach((t, i) => {
        issued.push({ id: t.id, number: t.number!, groupId: wanted[i]!.group.id });
        waiting.set(t.id, { groupId: wanted[i]!.group.id, priority: wanted[i]!.priority !== 'none', queuedAt: clock.now().getTime() });
      });
    }
    const noShow = counters.map(() => random() < 0.03);
    await Promise.all(
      counters.map(async (counter, i) => {
        const now = current.get(counter.id);
        if (!now) return;
        if (noShow[i]) await service.noShow(officers[i]!, now);
        else {
          await service.start(officers[i]!, now);
          await service.finish(officers[i]!, now);
        }
        current.delete(counter.id);
      }),
    );
    const results = await Promise.all(counters.map((counter, i) => service.callNext(officers[i]!, counter.id)));
    // Judge every call against the line as it stood, minus what the other counters took in the same
    // instant: whatever is still waiting afterwards was there for the taking the whole time.
    const judged = results.map((called, i) => ({ counter: counters[i]!, called, w: called ? waiting.get(called.id) : undefined }));
    for (const { called, w } of judged) {
      if (!called) continue;
      assert.ok(w, `${called.number} was called but was not waiting`);
      waiting.delete(called.id);
      calls.push(called.id);
    }
    for (const { counter, called, w } of judged) {
      const left = [...waiting.values()].filter((x) => counter.groupIds.includes(x.groupId));
      if (!called || !w) {
        assert.equal(left.length, 0, `counter ${counter.number} found nobody while ${left.length} waited`);
        continue;
      }
      const before = streak.get(counter.id) ?? 0;
      // The rule: priority first, but never more than N in a row while a normal ticket waits.
      if (w.priority && before >= N && left.some((x) => !x.priority)) violations++;
      if (!w.priority && before < N && left.some((x) => x.priority)) violations++;
      // Oldest first within its kind.
      assert.ok(!left.some((x) => x.priority === w.priority && x.queuedAt < w.queuedAt), `${called.number} jumped the line`);
      streak.set(counter.id, w.priority ? before + 1 : 0);
      current.set(counter.id, called.id);
    }
    clock.advance(60_000);
  }
  assert.equal(violations, 0, 'priority rule violations');
  assert.equal(issued.length, TICKETS);
  assert.equal(calls.length, TICKETS, 'every ticket called exactly once');
  assert.equal(new Set(calls).size, TICKETS, 'no ticket called twice');

  // Numbers: per group, 1..n with no gap.
  for (const g of setup.groups) {
    const seqs = issued.filter((t) => t.groupId === g.id).map((t) => Number(t.number.slice(g.prefix.length))).sort((a, b) => a - b);
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `group ${g.prefix} numbering is gap-free`);
  }

  const finished = await sys.ctx.db
    .selectFrom('queue_ticket_event')
    .select(['ticket_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', 'in', ['finished', 'no_show'])
    .groupBy('ticket_id')
    .execute();
  assert.equal(finished.length, TICKETS, 'every ticket ended');
  assert.ok(finished.every((f) => Number(f.n) === 1), 'no ticket ended twice');

  const stats = await service.stats(null, centre.id, '2026-11-23');
  const sum = (xs: { [k: string]: any }[], k: string) => xs.reduce((a, x) => a + x[k], 0);
  assert.equal(stats.totals.issued, TICKETS);
  assert.equal(stats.totals.served + stats.totals.noShows, TICKETS);
  assert.equal(stats.totals.waiting, 0);
  assert.equal(sum(stats.byGroup, 'issued'), TICKETS);
  assert.equal(sum(stats.byGroup, 'served'), stats.totals.served);
  assert.equal(sum(stats.byCounter, 'served'), stats.totals.served);
  assert.equal(sum(stats.byOfficer, 'noShows'), stats.totals.noShows);
  assert.equal(sum(stats.byHour, 'issued'), TICKETS);
  assert.equal(sum(stats.byHour, 'served'), stats.totals.served);
  assert.ok(stats.totals.avgWaitMinutes! > 0);
  assert.ok(stats.totals.maxWaitMinutes! >= stats.totals.avgWaitMinutes!);
  console.log(`# simulated day: served ${stats.totals.served}, no-shows ${stats.totals.noShows}, mean wait ${stats.totals.avgWaitMinutes} min, max ${stats.totals.maxWaitMinutes} min`);
});
