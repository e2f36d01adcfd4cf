import { sql, type RawBuilder } from 'kysely';
import type {
  Level,
  OnlineLevel,
  ProcedureKind,
  ProcedureSearchResult,
  ProcedureSummary,
  MandatoryComponent,
  ProcedureState,
  ProcessingTime,
} from '@motcua/core/catalog/schemas.ts';
import type { Queryable } from '../../database.ts';
import { scopeProvince } from './catalog.content.ts';

/**
 * Search in the database, the same SQL on PGlite and PostgreSQL (see README "Search"):
 *
 * 1. The query is folded like the names (catalog_fold: lower case, no diacritics, đ→d, i/y) and the
 *    leading "thủ tục" dropped.
 * 2. Everyday phrases are expanded with the synonym table ("nhập hộ khẩu" → "đăng ký thường trú");
 *    filler words ("làm", "xin") become optional.
 * 3. A word no name contains is corrected to catalog words one edit away (typos: "khia" → "khai"),
 *    or, failing that, to the nearest by trigrams; an unfinished last word also matches as a prefix.
 * 4. Candidates must contain every required word (or an alternative) in their name, keywords or
 *    fields: full text on a GIN index, word order free. If none does, names missing at most one word in
 *    three are shown instead (a wrong but real word: "tạm chú" for "tạm trú").
 * 5. Ranked by: the code; the whole name equal to a reading of the query; the name containing it as
 *    a phrase; trigram similarity of the name to the query (short names that are the query beat long
 *    ones that merely contain its words); full-text cover density; fewer words.
 */

export interface SearchFilters {
  field?: string | undefined;
  level?: Level | undefined;
  agency?: string | undefined;
  online?: OnlineLevel | undefined;
  kind?: ProcedureKind | undefined;
  complete?: boolean | undefined;
}

export interface SearchRequest extends SearchFilters {
  q?: string | undefined;
  page: number;
  pageSize: number;
  /** The scopes the deployment shows: 'national' and its province. */
  scopes: string[];
}

const CODE_QUERY = /^\d\.\d{1,9}(\.[0-9a-z]{1,12})?$/i;

interface SummaryRow {
  code: string;
  name: string;
  kind: string;
  state: string;
  scope: string;
  fields: string[];
  levels: string[];
  online_level: string | null;
  issuing_agency: string | null;
  agencies: string[];
  processing_time: ProcessingTime | null;
  has_fees: boolean | null;
  complete: boolean;
  missing_components: string[];
  has_detail: boolean;
  total: number;
}

const summaryColumns = sql`p.code, p.name, p.kind, p.state, p.scope, p.fields, p.levels, p.online_level, p.issuing_agency,
  p.agencies, p.processing_time, p.has_fees, p.complete, p.missing_components, p.has_detail, count(*) over ()::int as total`;

export function toSummary(row: Omit<SummaryRow, 'total'>): ProcedureSummary {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind as ProcedureKind,
    state: row.state as ProcedureState,
    provinceCode: scopeProvince(row.scope),
    fields: row.fields,
    levels: row.levels as Level[],
    onlineLevel: row.online_level as OnlineLevel | null,
    issuingAgency: row.issuing_agency,
    agencies: row.agencies,
    processingTime: row.processing_time,
    hasFees: row.has_fees,
    complete: row.complete,
    missingComponents: row.missing_components as MandatoryComponent[],
    hasDetail: row.has_detail,
  };
}

function filtersSql(req: SearchRequest): RawBuilder<unknown> {
  const conditions = [sql`p.scope in (${sql.join(req.scopes)})`, sql`p.state <> 'abolished'`];
  if (req.field) conditions.push(sql`p.fields @> array[${req.field}]::text[]`);
  if (req.agency) conditions.push(sql`p.agencies @> array[${req.agency}]::text[]`);
  if (req.level) conditions.push(sql`p.levels @> array[${req.level}]::text[]`);
  if (req.online) conditions.push(sql`p.online_level = ${req.online}`);
  if (req.kind) conditions.push(sql`p.kind = ${req.kind}`);
  if (req.complete !== undefined) conditions.push(sql`p.complete = ${req.complete}`);
  return sql.join(conditions, sql` and `);
}

// --- understanding the query -----------------------------------------------------------------------

interface Analysis {
  /** The folded query. */
  text: string;
  synonyms: { phrase: string; expansion: string }[];
  /** Words found in no name, keyword or field. */
  unknown: string[];
}

async function analyze(db: Queryable, q: string): Promise<Analysis> {
  const { rows } = await sql<Analysis>`
    with input as (select catalog_name_core(${q}) as text)
    select input.text,
      coalesce((select json_agg(json_build_object('phrase', s.phrase_key, 'expansion', s.expansion_key))
        from catalog_synonym s
        where s.phrase_key <> '' and position(' ' || s.phrase_key || ' ' in ' ' || input.text || ' ') > 0), '[]'::json) as synonyms,
      coalesce((select json_agg(u.w) from (
        select distinct w from unnest(string_to_array(input.text, ' ')) as w
        where w <> '' and not exists (select 1 from catalog_term t where t.term = w)) u), '[]'::json) as unknown
    from input`.execute(db);
  return rows[0] ?? { text: '', synonyms: [], unknown: [] };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit (delete, swap, replace, insert) away from `word`. */
function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const [a, b] = [word.slice(0, i), word.slice(i)];
    if (b) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2));
    for (const c of LETTERS) {
      if (b) out.add(a + c + b.slice(1));
      out.add(a + c + b);
    }
  }
  out.delete(word);
  return [...out];
}

/** For each unknown word, catalog words that may be meant: one edit away (most used first), else trigram-near. */
async function corrections(db: Queryable, words: string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const typos = words.filter((w) => w.length >= 2 && !/^\d+$/.test(w));
  if (typos.length === 0) return result;
  const pairs = typos.flatMap((w) => oneEditAway(w).map((v) => [w, v] as const));
  const { rows } = await sql<{ word: string; term: string; ndoc: number; distance: number }>`
    select v.word, t.term, t.ndoc, 1 as distance
      from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as v(word, variant)
      join catalog_term t on t.term = v.variant
    union all
    select u.word, n.term, n.ndoc, 2 as distance
      from unnest(${typos}::text[]) as u(word)
      cross join lateral (
        select term, ndoc from catalog_term where term % u.word order by similarity(term, u.word) desc, ndoc desc limit 2) n`.execute(db);
  for (const w of typos) {
    const near = rows.filter((r) => r.word === w && r.distance === 1).sort((a, b) => b.ndoc - a.ndoc);
    const far = rows.filter((r) => r.word === w && r.distance === 2);
    const chosen = (near.length > 0 ? near.slice(0, 4) : far).map((r) => r.term);
    if (chosen.length > 0) result.set(w, [...new Set(chosen)]);
  }
  return result;
}

/**
 * How recent queries were understood (folding, synonyms, corrections), kept per database for a minute:
 * popular queries repeat, and understanding one takes one or two extra round trips. Edits to the
 * synonyms or the catalog on this instance forget them at once; other instances within the minute.
 */
const UNDERSTOOD_TTL_MS = 60_000;
const UNDERSTOOD_MAX = 2_000;
const understood = new WeakMap<object, Map<string, Understood>>();
interface Understood {
  at: number;
  analysis: Analysis;
  groups: Group[];
  /** Filled on first need: the rarest groups, for the partial-match fallback. */
  rarest?: Map<number, string[]>;
}

export function forgetUnderstoodQueries(db: Queryable) {
  understood.delete(db);
  answered.delete(db);
  details.delete(db);
}

async function understand(db: Queryable, q: string): Promise<Understood> {
  let cache = understood.get(db);
  if (!cache) understood.set(db, (cache = new Map()));
  const hit = cache.get(q);
  if (hit && Date.now() - hit.at < UNDERSTOOD_TTL_MS) return hit;
  const analysis = await analyze(db, q);
  const groups = analysis.text === '' ? [] : await groupsOf(db, analysis);
  if (cache.size >= UNDERSTOOD_MAX) cache.delete(cache.keys().next().value!);
  const entry: Understood = { at: Date.now(), analysis, groups };
  cache.set(q, entry);
  return entry;
}

/** The `count` required groups whose words the fewest names contain (document frequencies of catalog_term). */
async function rarestGroups(db: Queryable, groups: Group[], count: number): Promise<string[]> {
  const words = [...new Set(groups.flatMap((g) => (g.kind === 'word' ? [g.word, ...g.alternatives] : [...g.phrase, ...g.expansions.flat()])))];
  const { rows } = await sql<{ term: string; ndoc: number }>`select term, ndoc from catalog_term where term = any(${words}::text[])`.execute(db);
  const ndoc = new Map(rows.map((r) => [r.term, r.ndoc]));
  const frequency = (g: Group) =>
    g.kind === 'word'
      ? g.prefix
        ? Infinity
        : [g.word, ...g.alternatives].reduce((sum, w) => sum + (ndoc.get(w) ?? 0), 0)
      : [g.phrase, ...g.expansions].reduce((sum, option) => sum + Math.min(...option.map((w) => ndoc.get(w) ?? 0)), 0);
  return groups
    .flatMap((g) => {
      const query = groupQuery(g);
      return query ? [{ query, frequency: frequency(g) }] : [];
    })
    .sort((a, b) => a.frequency - b.frequency)
    .slice(0, count)
    .map((g) => g.query);
}

type Group =
  | { kind: 'word'; word: string; alternatives: string[]; prefix: boolean; matchable: boolean }
  | { kind: 'phrase'; phrase: string[]; expansions: string[][] };

/** The query as groups: each word (with its corrections), or an everyday phrase with what it stands for. */
async function groupsOf(db: Queryable, analysis: Analysis): Promise<Group[]> {
  const tokens = analysis.text.split(' ').filter(Boolean);
  const phrases = new Map<string, string[][]>();
  for (const s of analysis.synonyms) {
    const list = phrases.get(s.phrase) ?? [];
    list.push(s.expansion.split(' ').filter(Boolean));
    phrases.set(s.phrase, list);
  }
  const byLength = [...phrases.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length);
  const groups: Group[] = [];
  const words: { word: string; index: number }[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = byLength.find((p) => {
      const parts = p.split(' ');
      return parts.every((part, k) => tokens[i + k] === part);
    });
    if (phrase) {
      groups.push({ kind: 'phrase', phrase: phrase.split(' '), expansions: phrases.get(phrase)! });
      i += phrase.split(' ').length;
    } else {
      words.push({ word: tokens[i]!, index: groups.length });
      groups.push({ kind: 'word', word: tokens[i]!, alternatives: [], prefix: false, matchable: true });
      i++;
    }
  }
  const unknown = new Set(analysis.unknown);
  const fixes = await corrections(db, [...new Set(words.filter((w) => unknown.has(w.word)).map((w) => w.word))]);
  for (const { word, index } of words) {
    if (!unknown.has(word)) continue;
    const group = groups[index] as Extract<Group, { kind: 'word' }>;
    group.alternatives = fixes.get(word) ?? [];
    // The last word may still be being typed: "khai si" means "khai sinh".
    group.prefix = index === groups.length - 1 && word.length >= 2;
    group.matchable = group.alternatives.length > 0 || group.prefix;
  }
  return groups;
}

const anyOf = (terms: string[]) => (terms.length === 1 ? terms[0]! : `(${terms.join(' | ')})`);
const allOf = (terms: string[]) => (terms.length === 1 ? terms[0]! : `(${terms.join(' & ')})`);

function groupQuery(g: Group): string | null {
  if (g.kind === 'word') {
    if (!g.matchable) return null;
    return anyOf([...(g.prefix ? [`${g.word}:*`] : [g.word]), ...g.alternatives]);
  }
  if (g.expansions.some((e) => e.length === 0)) return null; // filler: need not appear
  return anyOf([allOf(g.phrase), ...g.expansions.map(allOf)]);
}

/** The query read with each choice of corrections and expansions: what a name is compared with. */
function readingsOf(groups: Group[], text: string): string[] {
  const widest = Math.max(1, ...groups.map((g) => (g.kind === 'phrase' ? g.expansions.length : 1)));
  const readings = [text];
  const corrected = (g: Group) => (g.kind === 'word' ? (g.alternatives[0] && !g.prefix ? g.alternatives[0] : g.word) : g.phrase.join(' '));
  readings.push(groups.map(corrected).join(' '));
  for (let e = 0; e < widest; e++)
    readings.push(
      groups
        .map((g) => (g.kind === 'phrase' ? g.expansions[Math.min(e, g.expansions.length - 1)]!.join(' ') : corrected(g)))
        .filter(Boolean)
        .join(' '),
    );
  return [...new Set(readings.filter(Boolean))];
}

// --- the queries ----------------------------------------------------------------------------------

function page(rows: SummaryRow[], req: SearchRequest, total: number, interpretedAs: string | null): ProcedureSearchResult {
  return { items: rows.map(toSummary), total, page: req.page, pageSize: req.pageSize, interpretedAs };
}

async function totalIfPastEnd(db: Queryable, rows: SummaryRow[], req: SearchRequest, where: RawBuilder<unknown>) {
  if (rows.length > 0) return rows[0]!.total;
  if (req.page === 1) return 0;
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from procedure p where ${filtersSql(req)} and ${where}`.execute(db);
  return count[0]?.n ?? 0;
}

async function browse(db: Queryable, req: SearchRequest): Promise<ProcedureSearchResult> {
  const { rows } = await sql<SummaryRow>`
    select ${summaryColumns} from procedure p where ${filtersSql(req)}
    order by p.name_core, p.code limit ${req.pageSize} offset ${(req.page - 1) * req.pageSize}`.execute(db);
  return page(rows, req, await totalIfPastEnd(db, rows, req, sql`true`), null);
}

async function byCode(db: Queryable, req: SearchRequest, code: string): Promise<ProcedureSearchResult | null> {
  // A case code (1.000080.01) finds its procedure (1.000080).
  const base = code.match(/^\d\.\d{6}/)?.[0] ?? code;
  const where = sql`(p.code = ${code} or p.code = ${base} or p.code like ${`${code}%`})`;
  const { rows } = await sql<SummaryRow>`
    select ${summaryColumns} from procedure p where ${filtersSql(req)} and ${where}
    order by p.code = ${code} desc, p.code = ${base} desc, p.code
    limit ${req.pageSize} offset ${(req.page - 1) * req.pageSize}`.execute(db);
  if (rows.length === 0 && req.page === 1) return null;
  return page(rows, req, await totalIfPastEnd(db, rows, req, where), null);
}

/** Candidates ranked in full (trigram similarity is the costly part); further ones keep the first-pass order. */
const FULLY_RANKED = 50;

/**
 * Ranks the rows matching `where`: a cheap first pass over all of them (the name is a reading of the
 * query, contains it as a phrase, covers more of its word groups, has fewer words), then the full score
 * for the first FULLY_RANKED. Pages stay stable: they cut one fixed order.
 */
async function ranked(
  db: Queryable,
  req: SearchRequest,
  where: RawBuilder<unknown>,
  ranking: { readings: string[]; relaxed: string; coverage: RawBuilder<unknown> | null },
) {
  const { readings, relaxed, coverage } = ranking;
  const exact = sql`p.name_core in (${sql.join(readings)})`;
  const phrase = sql.join(readings.map((r) => sql`strpos(' ' || p.name_core || ' ', ${` ${r} `}) > 0`), sql` or `);
  const similarity = sql`greatest(${sql.join(readings.map((r) => sql`similarity(${r}, p.name_core)`))})`;
  const firstPass = sql`(case when ${exact} then 2 else 0 end + case when ${phrase} then 1 else 0 end ${coverage ? sql`+ ${coverage}` : sql``} - 0.02 * p.name_words)`;
  const score = sql`(
      case when ${exact} then 3 else 0 end
    + case when ${phrase} then 0.5 else 0 end
    + 2 * ${similarity}
    + 0.3 * ts_rank_cd(p.search_vector, to_tsquery('simple', ${relaxed}), 32)
    ${coverage ? sql`+ ${coverage}` : sql``}
    - 0.02 * p.name_words)`;
  const offset = (req.page - 1) * req.pageSize;
  const { rows } = await sql<SummaryRow>`
    with first_pass as (
      select p.id, row_number() over (order by ${firstPass} desc, p.name_words, p.code) as position, count(*) over ()::int as total
      from procedure p where ${filtersSql(req)} and ${where}
    )
    select ${summaryColumns}, f.total
    from first_pass f join procedure p on p.id = f.id
    where f.position <= ${Math.max(FULLY_RANKED, offset + req.pageSize)}
    order by f.position <= ${FULLY_RANKED} desc,
      case when f.position <= ${FULLY_RANKED} then ${score} end desc nulls last,
      length(p.name), f.position
    limit ${req.pageSize} offset ${offset}`.execute(db);
  return { rows, total: await totalIfPastEnd(db, rows, req, where) };
}

/**
 * Answers to recent searches, per database, under the same rules as the understood queries: the public
 * catalog is the same for every reader and changes a few times a year, while the same few hundred
 * queries ("khai sinh", "đăng ký kết hôn") make most of the traffic.
 */
const answered = new WeakMap<object, Map<string, { at: number; value: unknown }>>();

/**
 * Procedure detail pages, under the same rules: a handful of procedures (birth, marriage, residence)
 * are opened most, and each detail is a 10–50 kB document read from the database.
 */
const details = new WeakMap<object, Map<string, { at: number; value: unknown }>>();

/** `load()`'s value for `key` in `store`'s map for `db`, remembered for a minute (2,000 entries, oldest out first). */
async function remembered<T>(store: WeakMap<object, Map<string, { at: number; value: unknown }>>, db: Queryable, key: string, load: () => Promise<T>): Promise<T> {
  let cache = store.get(db);
  if (!cache) store.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < UNDERSTOOD_TTL_MS) return hit.value as T;
  const value = await load();
  if (cache.size >= UNDERSTOOD_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, { at: Date.now(), value });
  return value;
}

export const rememberedDetail = <T>(db: Queryable, code: string, load: () => Promise<T>) => remembered(details, db, code, load);

export function searchProcedures(db: Queryable, req: SearchRequest): Promise<ProcedureSearchResult> {
  const key = JSON.stringify([req.q?.trim() ?? '', req.field, req.level, req.agency, req.online, req.kind, req.complete, req.page, req.pageSize, req.scopes]);
  return remembered(answered, db, key, () => search(db, req));
}

async function search(db: Queryable, req: SearchRequest): Promise<ProcedureSearchResult> {
  const q = req.q?.trim() ?? '';
  if (q === '') return browse(db, req);
  if (CODE_QUERY.test(q)) {
    const found = await byCode(db, req, q);
    if (found) return found;
  }
  const understanding = await understand(db, q);
  const { analysis, groups } = understanding;
  if (analysis.text === '') return browse(db, req);
  const required = groups.map(groupQuery).filter((g): g is string => g !== null);
  const optionalWords = groups.flatMap((g) => (g.kind === 'phrase' && groupQuery(g) === null ? g.phrase : []));
  const strict = required.length > 0 ? required.join(' & ') : optionalWords.length > 0 ? allOf(optionalWords) : null;
  const everyTerm = groups.flatMap((g) =>
    g.kind === 'word' ? [g.prefix ? `${g.word}:*` : g.word, ...g.alternatives] : [...g.phrase, ...g.expansions.flat()],
  );
  const relaxed = [...new Set(everyTerm)].join(' | ');
  const readings = readingsOf(groups, analysis.text);
  const interpretedAs = readings[readings.length - 1] !== analysis.text ? readings[readings.length - 1]! : null;

  if (strict) {
    const { rows, total } = await ranked(db, req, sql`p.search_vector @@ to_tsquery('simple', ${strict})`, { readings, relaxed, coverage: null });
    if (total > 0) return page(rows, req, total, interpretedAs);
  }

  // Nothing has every word: the names with most of them, ranked the same way.
  const groupsText = required.length > 0 ? required : [relaxed];
  // One word in three may be wrong or missing from the name ("đăng ký tạm chú" still finds "tạm trú").
  const enough = Math.max(1, groupsText.length - Math.floor(groupsText.length / 3));
  const covered = sql`(${sql.join(groupsText.map((g) => sql`(p.search_vector @@ to_tsquery('simple', ${g}))::int`), sql` + `)})`;
  const coverage = sql`(${covered}::float / ${groupsText.length})`;
  // A name with `enough` of the n groups has one of any n - enough + 1 of them: the index fetches the
  // names with one of the rarest, the count sorts out the rest (instead of every name with "đăng ký").
  const needed = groupsText.length - enough + 1;
  understanding.rarest ??= new Map();
  let rarest = understanding.rarest.get(needed);
  if (!rarest) understanding.rarest.set(needed, (rarest = required.length > 0 ? await rarestGroups(db, groups, needed) : [relaxed]));
  const where = sql`(p.search_vector @@ to_tsquery('simple', ${rarest.join(' | ')}) and ${covered} >= ${enough})`;
  const { rows, total } = await ranked(db, req, where, { readings, relaxed, coverage });
  return page(rows, req, total, interpretedAs);
}
