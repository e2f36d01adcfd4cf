import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { startTestSystem, type TestSystem } from '../src/testing/harness.ts';
import {
  catalogIndex,
  lexemesOf,
  nameCore,
  nameTrigrams,
  nearestTerms,
  rankOr,
  similarity,
  trigramsOf,
  type CatalogIndex,
  type Term,
} from '../src/modules/catalog/catalog.index.ts';

/**
 * The in-memory search index reproduces, on the catalog's own columns, what the database computed for
 * the search before (folding, `@@`, ts_rank_cd, pg_trgm): each is compared here with the database's
 * answer on the real catalog, so a difference in any of them fails a test rather than quietly moving
 * results.
 */
let sys: TestSystem;
let index: CatalogIndex;
before(async () => {
  sys = await startTestSystem();
  index = await catalogIndex(sys.ctx.db);
});
after(async () => sys?.close());

const relevance = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/catalog-relevance.json'), 'utf8')) as { queries: { q: string }[] };

/** Every 17th procedure of the index: a few hundred, spread over the catalog. */
const sample = () => index.procedures.filter((_, i) => i % 17 === 0);

describe('the in-memory catalog index agrees with the database', () => {
  test('folding: catalog_name_core of every name and of citizen-typed queries', async () => {
    const texts = [
      ...(await sql<{ name: string }>`select name from procedure`.execute(sys.ctx.db)).rows.map((r) => r.name),
      ...relevance.queries.map((r) => r.q),
      'Thủ tục ĐĂNG KÝ  khai-sinh!',
      'ly lịch tư pháp, kỳ thi; tuổi (quy)',
      'giấy phép lái xe hạng B2',
      'Đăng ký kết hôn có yếu tố nước ngoài',
      'THỦ TỤC',
      'Cấp lại Giấy phép_kinh doanh y tế',
    ];
    const { rows } = await sql<{ value: string; core: string }>`
      select value, catalog_name_core(value) as core from unnest(${texts}::text[]) as value`.execute(sys.ctx.db);
    const wrong = rows.filter((r) => nameCore(r.value) !== null && nameCore(r.value) !== r.core).map((r) => `${r.value} → ${nameCore(r.value)} ≠ ${r.core}`);
    assert.deepEqual(wrong, []);
    assert.ok(rows.filter((r) => nameCore(r.value) !== null).length >= rows.length - 5, 'almost every text folds in memory');
    assert.equal(nameCore('漢字'), null, 'other scripts are left to the database');
  });

  test('the vectors, terms and synonyms are the tables’ own', async () => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from procedure where state <> 'abolished'`.execute(sys.ctx.db);
    assert.equal(index.procedures.length, rows[0]!.n);
    const { rows: terms } = await sql<{ n: number }>`select count(*)::int as n from catalog_term`.execute(sys.ctx.db);
    assert.equal(index.terms.size, terms[0]!.n);
    assert.ok(index.synonyms.some((s) => s.phrase === 'nhap ho khau'));
  });

  test('matching: @@ of word, prefix and AND queries gives the same procedures', async () => {
    const queries: { text: string; terms: Term[] }[] = [
      { text: 'khai & sinh', terms: [{ word: 'khai', prefix: false }, { word: 'sinh', prefix: false }] },
      { text: 'dang & ki & kinh:*', terms: [{ word: 'dang', prefix: false }, { word: 'ki', prefix: false }, { word: 'kinh', prefix: true }] },
      { text: 'giay & phep & lai & xe', terms: ['giay', 'phep', 'lai', 'xe'].map((word) => ({ word, prefix: false })) },
      { text: 'ho:* & tich', terms: [{ word: 'ho', prefix: true }, { word: 'tich', prefix: false }] },
    ];
    for (const q of queries) {
      const { rows } = await sql<{ code: string; scope: string }>`
        select code, scope from procedure where state <> 'abolished' and search_vector @@ to_tsquery('simple', ${q.text}) order by code, scope`.execute(sys.ctx.db);
      const mine = index.procedures.filter((p) => q.terms.every((t) => lexemesOf(index, t).some((l) => p.lexemes.has(l))));
      assert.deepEqual(
        mine.map((p) => `${p.code} ${p.scope}`),
        rows.map((r) => `${r.code} ${r.scope}`),
        q.text,
      );
      assert.ok(rows.length > 0, q.text);
    }
  });

  test('ranking: ts_rank_cd of OR queries (normalization 32) and pg_trgm similarity, to the last bit', async () => {
    const queries: { text: string; terms: Term[]; reading: string }[] = [
      { text: 'khai | sinh', terms: [{ word: 'khai', prefix: false }, { word: 'sinh', prefix: false }], reading: 'khai sinh' },
      { text: 'cap | lai | giay:*', terms: [{ word: 'cap', prefix: false }, { word: 'lai', prefix: false }, { word: 'giay', prefix: true }], reading: 'cap lai giay' },
      { text: 'dang | ki | doanh | nghiep', terms: ['dang', 'ki', 'doanh', 'nghiep'].map((word) => ({ word, prefix: false })), reading: 'dang ki doanh nghiep' },
    ];
    const procedures = sample();
    for (const q of queries) {
      const { rows } = await sql<{ code: string; scope: string; rank: number; sim: number }>`
        select code, scope, ts_rank_cd(search_vector, to_tsquery('simple', ${q.text}), 32)::float8 as rank, similarity(${q.reading}, name_core)::float8 as sim
        from procedure where code = any(${procedures.map((p) => p.code)}::text[]) and state <> 'abolished'`.execute(sys.ctx.db);
      const matching = new Set(q.terms.flatMap((t) => lexemesOf(index, t)));
      const reading = trigramsOf(q.reading);
      const differences = rows.flatMap((r) => {
        const p = procedures.find((x) => x.code === r.code && x.scope === r.scope);
        if (!p) return [];
        const mine = { rank: rankOr(p, matching), sim: similarity(reading, nameTrigrams(p)) };
        return mine.rank === r.rank && mine.sim === r.sim ? [] : [`${r.code}: rank ${mine.rank} vs ${r.rank}, similarity ${mine.sim} vs ${r.sim}`];
      });
      assert.deepEqual(differences, [], q.text);
      assert.ok(rows.some((r) => r.rank > 0), q.text);
    }
  });

  test('typo look-up: the words % a misspelt word, most similar first, as pg_trgm finds them', async () => {
    for (const word of ['khia', 'chung nhn', 'thuong tru', 'giayphep', 'kethon', 'dangki', 'xay dung']) {
      const { rows } = await sql<{ term: string; sim: number }>`
        select term, similarity(term, ${word})::float8 as sim from catalog_term where term % ${word}
        order by similarity(term, ${word}) desc, ndoc desc, term limit 2`.execute(sys.ctx.db);
      assert.deepEqual(
        nearestTerms(index, word, 2).map((t) => `${t.term} ${t.similarity}`),
        rows.map((r) => `${r.term} ${r.sim}`),
        word,
      );
    }
  });
});
