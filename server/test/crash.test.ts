import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient, createTestDatabase, createTestDataDir, startServerProcess } from '../src/testing/harness.ts';
import { openDatabase } from '../src/platform/db.ts';
import type { Database } from '../src/database.ts';

const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

test('SIGKILL in the middle of a stream of receptions: every answered reception is there with its files, none half-written', { timeout: 300_000 }, async () => {
  const dataDir = process.env.DATABASE_URL ? fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-crash-')) : await createTestDataDir();
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase(process.env.DATABASE_URL);
    cleanups.push(database.drop);
    env.DATABASE_URL = database.url;
  }

  const first = await startServerProcess(env);
  const api = new ApiClient(first.url);
  await api.login('tiepnhan');
  const units = (await api.get('/api/public/units')).body as { id: string; kind: string; communeCode: string | null }[];
  const centre = units.find((u) => u.kind === 'service_centre')!;
  const commune = units.find((u) => u.communeCode === '25969')!;

  const acknowledged: { id: string; code: string; sha256: string }[] = [];
  let stop = false;
  let n = 0;
  async function stream() {
    while (!stop) {
      const i = n++;
      try {
        const pdf = Buffer.from(`%PDF-1.4\n% reception ${i} ${Math.random()}\n%%EOF\n`);
        const upload = await fetch(`${first.url}/api/files`, { method: 'POST', body: pdf, headers: { 'content-type': 'application/pdf', cookie: api.cookie, 'x-csrf-token': api.csrfToken } });
        if (upload.status !== 201) continue;
        const { sha256 } = (await upload.json()) as { sha256: string };
        const res = await api.post('/api/dossiers', {
          idempotencyKey: `crash-${i}-${process.pid}`,
          procedureCode: '1.004222',
          channel: 'in_person',
          receivingUnitId: centre.id,
          competentUnitId: commune.id,
          applicant: { fullName: `Người nộp ${i}`, idNumber: '079085001234' },
          documents: [{ name: 'Tờ khai', originals: 1, fileSha256: sha256, fileName: `to-khai-${i}.pdf` }],
          returnMethod: 'counter',
          outcome: 'receive',
        });
        if (res.status === 201) acknowledged.push({ id: res.body.id, code: res.body.code, sha256 });
      } catch {
        // The connection died with the server: that reception was never acknowledged.
      }
    }
  }
  const streams = [stream(), stream(), stream()];
  while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 50));
  first.child.kill('SIGKILL');
  stop = true;
  await Promise.all(streams);
  if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((r) => first.child.once('exit', r));

  const second = await startServerProcess(env);
  cleanups.push(() => void second.child.kill('SIGKILL'));
  const after = new ApiClient(second.url);
  await after.login('tiepnhan');
  for (const ack of acknowledged) {
    const res = await after.get(`/api/dossiers/${ack.id}`);
    assert.equal(res.status, 200, `acknowledged ${ack.code} is missing`);
    assert.equal(res.body.code, ack.code);
    const file = await fetch(`${second.url}/api/dossiers/${ack.id}/files/${ack.sha256}`, { headers: { cookie: after.cookie } });
    assert.equal(file.status, 200);
    assert.equal(createHash('sha256').update(Buffer.from(await file.arrayBuffer())).digest('hex'), ack.sha256);
  }
  second.child.kill('SIGKILL');
  await new Promise((r) => second.child.once('exit', r));

  // Nothing half-written: every dossier's projection matches its events, every referenced file is whole.
  const handle = await openDatabase<Database>({ databaseUrl: env.DATABASE_URL, pgliteDir: env.DATABASE_URL ? undefined : path.join(dataDir, 'pglite') });
  try {
    const dossiers = await handle.db
      .selectFrom('dossier')
      .leftJoin('dossier_event', 'dossier_event.dossier_id', 'dossier.id')
      .select(['dossier.id', 'dossier.version', (eb) => eb.fn.count<number>('dossier_event.id').as('events')])
      .groupBy(['dossier.id', 'dossier.version'])
      .execute();
    assert.ok(dossiers.length >= acknowledged.length);
    for (const d of dossiers) assert.equal(Number(d.events), d.version, `dossier ${d.id}: ${d.events} events, version ${d.version}`);
    const docs = await handle.db.selectFrom('dossier_document').select('file_sha256').where('file_sha256', 'is not', null).execute();
    for (const doc of docs) {
      const file = path.join(dataDir, 'files', doc.file_sha256!.slice(0, 2), doc.file_sha256!.slice(2, 4), doc.file_sha256!);
      assert.equal(createHash('sha256').update(fs.readFileSync(file)).digest('hex'), doc.file_sha256);
    }
  } finally {
    await handle.close();
  }
});
