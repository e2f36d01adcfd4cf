import assert from 'node:assert/strict';
import { ApiClient, type TestSystem } from '../../src/testing/harness.ts';

/** Signed-in demo officers, the demo units, an uploaded PDF: what the citizen-facing tests build on. */
export async function officeFixture(sys: { url: string }, users = ['admin', 'tiepnhan', 'chuyenvien', 'lanhdao', 'giamsat']) {
  const as: Record<string, ApiClient> = {};
  for (const name of users) {
    as[name] = new ApiClient(sys.url);
    await as[name].login(name);
  }
  const units = (await as[users[0]!]!.get('/api/public/units')).body as { id: string; code: string; name: string; kind: string }[];
  const unit = (fragment: string) => units.find((u) => u.name.includes(fragment))!;
  const upload = await fetch(`${sys.url}/api/files`, {
    method: 'POST',
    body: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    headers: { 'content-type': 'application/pdf', cookie: as.tiepnhan!.cookie, 'x-csrf-token': as.tiepnhan!.csrfToken },
  });
  assert.equal(upload.status, 201);
  const fileSha = ((await upload.json()) as { sha256: string }).sha256;
  let counter = 0;

  const receive = async (applicant: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const res = await as.tiepnhan!.post('/api/dossiers', {
      idempotencyKey: `citizen-${++counter}-${Date.now()}-${Math.random()}`,
      procedureCode: '1.004222',
      channel: 'in_person',
      receivingUnitId: unit('Trung tâm').id,
      competentUnitId: unit('Thuận Giao').id,
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '079085001234', phone: '0912345678', email: 'an.nguyen@example.vn', ...applicant },
      documents: [{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0, fileSha256: fileSha, fileName: 'to-khai.pdf' }],
      returnMethod: 'counter',
      outcome: 'receive',
      ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; version: number; code: string; lookupSecret: string; status: number };
  };

  const act = async (who: string, dossier: { id: string; version: number }, body: Record<string, unknown>) => {
    const res = await as[who]!.post(`/api/dossiers/${dossier.id}/actions`, { expectedVersion: dossier.version, ...body });
    assert.equal(res.status, 200, `${who} ${String(body.type)}: ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number; code: string; lookupSecret: string; status: number };
  };

  /** Received, appraised, approved and handed back: status 10. */
  const returned = async (applicant: Record<string, unknown> = {}, advance?: (ms: number) => void) => {
    let d = await receive(applicant);
    d = await act('chuyenvien', d, { type: 'assigned' });
    advance?.(3600_000);
    d = await act('lanhdao', d, { type: 'result_issued', documents: [{ name: 'Xác nhận đăng ký thường trú', fileSha256: fileSha }] });
    advance?.(3600_000);
    d = await act('tiepnhan', d, { type: 'returned', collectedBy: 'Nguyễn Văn An' });
    return d;
  };

  return { as, units, unit, fileSha, receive, act, returned };
}

export type OfficeFixture = Awaited<ReturnType<typeof officeFixture>>;
export type { TestSystem };
