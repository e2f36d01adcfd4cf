import { randomUUID } from 'node:crypto';
import type { Db } from '../../database.ts';
import * as repo from './queue.repo.ts';

/** The demo centre's four service groups and six counters (small: one insert per row). */
export async function seedDemoQueue(db: Db, centreId: string) {
  const groups = [
    { prefix: 'A', name: 'Hộ tịch, chứng thực', field_name: 'Hộ tịch', minutes_per_ticket: 8 },
    { prefix: 'B', name: 'Đất đai, xây dựng', field_name: 'Đất đai', minutes_per_ticket: 15 },
    { prefix: 'C', name: 'Đăng ký kinh doanh', field_name: 'Thành lập và hoạt động doanh nghiệp', minutes_per_ticket: 12 },
    { prefix: 'D', name: 'Lĩnh vực khác', field_name: null, minutes_per_ticket: 10 },
  ].map((g, sort) => ({ ...g, id: randomUUID(), centre_id: centreId, sort, active: true }));
  const [a, b, c, d] = groups.map((g) => g.id) as [string, string, string, string];
  const counters = [
    { number: 1, name: 'Quầy 1 — Hộ tịch', groups: [a] },
    { number: 2, name: 'Quầy 2 — Hộ tịch, chứng thực', groups: [a, d] },
    { number: 3, name: 'Quầy 3 — Đất đai', groups: [b] },
    { number: 4, name: 'Quầy 4 — Đất đai, xây dựng', groups: [b, d] },
    { number: 5, name: 'Quầy 5 — Kinh doanh', groups: [c] },
    { number: 6, name: 'Quầy 6 — Tổng hợp', groups: [a, b, c, d] },
  ];
  await db.transaction().execute(async (trx) => {
    for (const g of groups) await repo.insertGroup(trx, g);
    for (const counter of counters) await repo.insertCounter(trx, { id: randomUUID(), centre_id: centreId, number: counter.number, name: counter.name, active: true }, counter.groups);
  });
}
