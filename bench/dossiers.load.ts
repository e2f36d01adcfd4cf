/**
 * The dossier bench's load generator, run as a child process (see dossiers.ts) so that autocannon does
 * not share the server's process: the server's CPU time per request is then its own. Each message from
 * the parent is one run; the answer is autocannon's figures.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';

export interface LoadRun {
  kind: 'lookup' | 'reception' | 'bareLookup' | 'bareReception';
  url: string;
  connections: number;
  seconds: number;
  rows: number;
  centreId: string;
  communeId: string;
  headers: Record<string, string>;
  /** The applicant gives a phone number: the notifications module then writes in the same transaction. */
  contact: boolean;
}
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

const pick = (rows: number) => `BENCH.${String(1 + Math.floor(Math.random() * rows)).padStart(8, '0')}`;

function requestsFor(run: LoadRun): autocannon.Request[] {
  switch (run.kind) {
    case 'lookup':
      return [{ method: 'GET', setupRequest: (req) => { const code = pick(run.rows); return { ...req, path: `/api/public/dossiers/${code}?secret=SECRET${Number(code.slice(6)) % 9973}` }; } }];
    case 'bareLookup':
      return [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/bare/lookup/${pick(run.rows)}?secret=x` }) }];
    case 'reception':
      return [{
        method: 'POST',
        path: '/api/dossiers',
        headers: run.headers,
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({
            idempotencyKey: randomUUID(), procedureCode: '1.004222', channel: 'in_person', receivingUnitId: run.centreId, competentUnitId: run.communeId,
            applicant: { fullName: 'Nguyễn Văn Bench', idNumber: '079085001234', ...(run.contact ? { phone: '0912345678' } : {}) },
            documents: [], returnMethod: 'counter', outcome: 'receive', forward: true,
          }),
        }),
      }];
    case 'bareReception':
      return [{ method: 'POST', path: '/bare/reception', headers: { 'content-type': 'application/json' }, body: '{}' }];
  }
}

process.on('message', async (run: LoadRun) => {
  const r = await autocannon({ url: run.url, connections: run.connections, duration: run.seconds, requests: requestsFor(run) });
  const result: LoadResult = { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors, total: r.requests.total };
  process.send!(result);
});
process.on('disconnect', () => process.exit(0));
