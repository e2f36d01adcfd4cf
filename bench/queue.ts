/**
 * npx tsx bench/queue.ts [--pglite] [--seconds 10] [--connections 20] [--boards 50] [--calls 200]
 *
 * The queue under load (PostgreSQL at DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres;
 * `--pglite` for the embedded engine):
 *  - tickets issued per second (POST /api/public/queue/centres/:centre/tickets with autocannon);
 *  - call-to-display latency: `--boards` display boards hold the event stream open, half on a second
 *    server instance (on PostgreSQL the call crosses instances through LISTEN/NOTIFY); a counter calls
 *    `--calls` tickets one after another; the time from sending the call to each board receiving it,
 *    p50 / p99 / max. Prints numbers; asserts nothing.
 */
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { fixedClock } from '@motcua/server/src/platform/clock.ts';
import { ApiClient, startSecondInstance, startTestSystem } from '@motcua/server/src/testing/harness.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== 'queue'),
  options: {
    pglite: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    boards: { type: 'string', default: '50' },
    calls: { type: 'string', default: '200' },
  },
});
if (values.pglite) delete process.env.DATABASE_URL;
else process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

const CENTRE = '000.00.01.H29';
// A Monday morning, so the centre is issuing.
const system = await startTestSystem({ clock: fixedClock(new Date('2026-11-23T01:30:00Z')), env: { COOKIE_SECURE: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
const second = await startSecondInstance(system);
const officer = new ApiClient(system.url);
await officer.login('tiepnhan');
const setup = (await officer.get(`/api/queue/centres/${CENTRE}`)).body;
const groupA = setup.groups[0].id as string;

console.log(`\nengine: ${system.ctx.engine}`);
const issued = await autocannon({
  url: `${system.url}/api/public/queue/centres/${CENTRE}/tickets`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ groupId: groupA }),
  connections: Number(values.connections),
  duration: Number(values.seconds),
});
console.log(`tickets issued: ${issued.requests.average.toFixed(0)} /s (p50 ${issued.latency.p50} ms, p99 ${issued.latency.p99} ms, ${issued.non2xx} non-2xx)`);

// The boards: each reads the event stream and timestamps the calls it receives.
const received = new Map<string, number[]>();
const boards = Number(values.boards);
const controllers: AbortController[] = [];
let ready = 0;
await Promise.all(
  Array.from({ length: boards }, async (_, i) => {
    const controller = new AbortController();
    controllers.push(controller);
    const base = i % 2 === 0 ? system.url : second.url;
    const res = await fetch(`${base}/api/public/queue/centres/${CENTRE}/events`, { signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let counted = false;
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (block.startsWith('event: snapshot') && !counted) {
              counted = true;
              ready++;
            }
            if (!block.startsWith('event: queue')) continue;
            const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
            if (data.kind !== 'called' || !data.call) continue;
            const list = received.get(data.call.ticketId) ?? [];
            list.push(performance.now());
            received.set(data.call.ticketId, list);
          }
        }
      } catch {
        // aborted at the end
      }
    })();
  }),
);
while (ready < boards) await new Promise((r) => setTimeout(r, 20));

const counter = setup.counters.find((c: any) => c.number === 6).id as string;
await officer.post(`/api/queue/counters/${counter}/sign-in`);
const latencies: number[] = [];
const calls = Number(values.calls);
for (let i = 0; i < calls; i++) {
  const sent = performance.now();
  const res = await officer.post(`/api/queue/counters/${counter}/call-next`);
  const ticket = res.body.ticket;
  if (!ticket) break;
  // Wait (up to 5 s) until every board has it.
  const deadline = sent + 5000;
  while ((received.get(ticket.id)?.length ?? 0) < boards && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
  for (const at of received.get(ticket.id) ?? []) latencies.push(at - sent);
  const missing = boards - (received.get(ticket.id)?.length ?? 0);
  if (missing > 0) console.log(`call ${ticket.number}: ${missing} boards did not get it within 5 s`);
  await officer.post(`/api/queue/tickets/${ticket.id}/finish`);
}
latencies.sort((a, b) => a - b);
const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
console.log(`call-to-display (${calls} calls × ${boards} boards, half on a second instance): p50 ${pick(0.5)} ms, p99 ${pick(0.99)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`);

for (const c of controllers) c.abort();
await second.close();
await system.close();
process.exit(0);
