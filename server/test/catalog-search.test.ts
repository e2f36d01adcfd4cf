import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { ProcedureSearchResult, ProcedureSummary } from '@motcua/core/catalog/schemas.ts';
import { startTestSystem, ApiClient, type TestSystem } from '../src/testing/harness.ts';

let sys: TestSystem;
before(async () => (sys = await startTestSystem()));
after(async () => sys?.close());

interface RelevanceQuery {
  q: string;
  expected: string | string[];
  kind: string;
  set: 'tuned' | 'held_out';
}
const relevance = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/catalog-relevance.json'), 'utf8')) as { queries: RelevanceQuery[] };

async function search(params: Record<string, string | number>): Promise<ProcedureSearchResult> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
  const res = await new ApiClient(sys.url).get(`/api/public/procedures?${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as ProcedureSearchResult;
}

describe('searching the catalog as citizens type', () => {
  test(`the relevance set (${relevance.queries.length} real queries) finds the expected procedure first`, async () => {
    const misses: string[] = [];
    const tally = new Map<string, { n: number; top1: number; top3: number }>();
    const count = (key: string, top1: boolean, top3: boolean) => {
      const t = tally.get(key) ?? { n: 0, top1: 0, top3: 0 };
      t.n++;
      if (top1) t.top1++;
      if (top3) t.top3++;
      tally.set(key, t);
    };
    for (const item of relevance.queries) {
      const result = await search({ q: item.q, pageSize: 3 });
      const expected = [item.expected].flat();
      const codes = result.items.map((i) => i.code);
      const top1 = expected.includes(codes[0] ?? '');
      const top3 = codes.some((c) => expected.includes(c));
      for (const key of ['all', `set:${item.set}`, `kind:${item.kind}`]) count(key, top1, top3);
      if (!top1) misses.push(`"${item.q}" → ${codes.join(', ')} (expected ${expected.join(' or ')})`);
    }
    const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}%`;
    const lines = [...tally.entries()]
      .sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))
      .map(([key, t]) => `  ${key.padEnd(28)} n=${String(t.n).padStart(3)}  top-1 ${pct(t.top1, t.n).padStart(6)}  top-3 ${pct(t.top3, t.n).padStart(6)}`);
    console.log(`catalog search relevance\n${lines.join('\n')}`);
    assert.deepEqual(misses, []);
  });

  test('a code finds its procedure; a case code finds the procedure it belongs to', async () => {
    assert.equal((await search({ q: '1.001193' })).items[0]?.code, '1.001193');
    assert.equal((await search({ q: ' 1.000080.01 ' })).items[0]?.code, '1.000080');
  });

  test('typos and synonyms say how the query was understood', async () => {
    const typo = await search({ q: 'dang ky khia sinh' });
    assert.equal(typo.items[0]?.code, '1.001193');
    assert.equal(typo.interpretedAs, 'dang ki khai sinh');
    const everyday = await search({ q: 'nhập hộ khẩu' });
    assert.equal(everyday.items[0]?.name, 'Đăng ký thường trú');
    assert.equal(everyday.interpretedAs, 'dang ki thuong tru');
    assert.equal((await search({ q: 'đăng ký khai sinh' })).interpretedAs, null);
  });

  test('a province sees the national procedures and only its own province-specific ones', async () => {
    // The demo deployment is Thành phố Hồ Chí Minh (79).
    const own = await search({ q: 'hỗ trợ chi phí khuyến khích hỏa táng' });
    assert.equal(own.items[0]?.code, '1.014036');
    assert.equal(own.items[0]?.provinceCode, '79');
    const others = await search({ kind: 'province_specific', pageSize: 100 });
    assert.ok(others.total > 0);
    assert.ok(others.items.every((i) => i.provinceCode === '79'), 'no other province’s own procedure');
    // Thành phố Huế's own procedure (3.000616) is neither found nor shown.
    assert.equal((await search({ q: 'hỗ trợ doanh nghiệp tham gia chuỗi cung ứng bán dẫn' })).items.some((i) => i.code === '3.000616'), false);
    assert.equal((await new ApiClient(sys.url).get('/api/public/procedures/3.000616')).status, 404);
  });

  test('filters by field, level, agency, online level and completeness, alone or with words', async () => {
    const civil = await search({ field: 'Hộ tịch', pageSize: 100 });
    assert.ok(civil.total >= 40, `${civil.total} civil status procedures`);
    assert.ok(civil.items.every((i) => i.fields.includes('Hộ tịch')));
    const communeMarriage = await search({ q: 'kết hôn', level: 'commune' });
    assert.ok(communeMarriage.items.length > 0);
    assert.ok(communeMarriage.items.every((i) => i.levels.includes('commune')));
    assert.equal(communeMarriage.items[0]?.code, '1.000894');
    const fully = await search({ online: 'fully_online', pageSize: 50 });
    assert.ok(fully.total > 0 && fully.items.every((i) => i.onlineLevel === 'fully_online'));
    const agency = (await new ApiClient(sys.url).get('/api/public/catalog/agencies')).body as { name: string; count: number }[];
    const communes = agency.find((a) => a.name === 'Ủy ban nhân dân cấp xã')!;
    const byAgency = await search({ agency: communes.name, pageSize: 100 });
    assert.equal(byAgency.total, communes.count);
    assert.ok(byAgency.items.every((i) => i.agencies.includes(communes.name)));
    const incomplete = await search({ complete: 'false', pageSize: 5 });
    assert.ok(incomplete.items.every((i) => !i.complete && i.missingComponents.length > 0));
    const nothing = await search({ q: 'khai sinh', field: 'Hải quan' });
    assert.deepEqual([nothing.total, nothing.items], [0, []]);
  });

  test('browsing pages through everything the province shows, in name order, without overlaps', async () => {
    const first = await search({ pageSize: 50 });
    const second = await search({ pageSize: 50, page: 2 });
    assert.equal(first.total, second.total);
    assert.ok(first.total > 4500 && first.total < 5000, `${first.total} procedures shown`);
    const codes = new Set([...first.items, ...second.items].map((i: ProcedureSummary) => `${i.code}`));
    assert.equal(codes.size, 100);
    const past = await search({ pageSize: 50, page: 1000 });
    assert.deepEqual([past.items.length, past.total], [0, first.total]);
  });

  test('search results page without overlaps either', async () => {
    const one = await search({ q: 'đăng ký', pageSize: 20 });
    const two = await search({ q: 'đăng ký', pageSize: 20, page: 2 });
    assert.ok(one.total > 100);
    const overlap = one.items.filter((a) => two.items.some((b) => b.code === a.code));
    assert.deepEqual(overlap, []);
  });

  test('bad queries are 400 problems naming the parameter, in the asked language', async () => {
    const api = new ApiClient(sys.url, 'en');
    const long = await api.get(`/api/public/procedures?q=${'a'.repeat(201)}`);
    assert.equal(long.status, 400);
    assert.equal(long.body.errors[0].path, 'querystring.q');
    const level = await api.get('/api/public/procedures?level=district');
    assert.equal(level.status, 400);
    assert.equal(level.body.errors[0].path, 'querystring.level');
    assert.match(level.body.detail, /allowed: province, commune, ministry, other/);
    const page = await api.get('/api/public/procedures?pageSize=1000');
    assert.equal(page.body.errors[0].path, 'querystring.pageSize');
    const unknown = await api.get('/api/public/procedures?sort=name');
    assert.equal(unknown.status, 400);
  });
});
