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
import {
  catalogIndex,
  forgetIndex,
  lexemesOf,
  nameCore,
  nameTrigrams,
  nearestTerms,
  rankOr,
  similarity,
  trigramsOf,
  type CatalogIndex,
  type IndexedProcedure,
  type Term,
} from './catalog.index.ts';

/**
 * Search over the in-memory index of the catalog's search columns (`catalog.index.ts`; browsing and
 * code look-ups stay in SQL), with the database's semantics on PGlite and PostgreSQL alike (README "Search"):
 *
 * 1. The query is folded like the names (catalog_fold: lower case, no diacritics, đ→d, i/y) and the
 *    leading "thủ tục" dropped.
 * 2. Everyday phrases are expanded with the synonym table ("nhập hộ khẩu" → "đăng ký thường trú");
 *    filler words ("làm", "xin") become optional.
 * 3. A word no name contains is corrected to catalog words one edit away (typos: "khia" → "khai"),
 *    or, failing that, to the nearest by trigrams; an unfinished last word also matches as a prefix.
 * 4. Candidates must contain every required word (or an alternative) in their name, keywords or
 *    fields, as full text would match them, word order free. If none does, names missing at most one word in
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

/** The query folded like the names, the everyday phrases it contains, and its words no name, keyword or field has. */
async function analyze(db: Queryable, index: CatalogIndex, q: string): Promise<Analysis> {
  const text = nameCore(q) ?? (await sql<{ text: string }>`select catalog_name_core(${q}) as text`.execute(db)).rows[0]?.text ?? '';
  const padded = ` ${text} `;
  const synonyms = index.synonyms.filter((s) => padded.includes(` ${s.phrase} `));
  const unknown = [...new Set(text.split(' ').filter((w) => w !== '' && !index.terms.has(w)))];
  return { text, synonyms, unknown };
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
function corrections(index: CatalogIndex, words: string[]): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < 2 || /^\d+$/.test(w)) continue;
    const near = oneEditAway(w)
      .filter((v) => index.terms.has(v))
      .map((term) => ({ term, ndoc: index.terms.get(term)! }))
      .sort((a, b) => b.ndoc - a.ndoc || (a.term < b.term ? -1 : 1));
    const chosen = near.length > 0 ? near.slice(0, 4) : nearestTerms(index, w, 2);
    if (chosen.length > 0) result.set(w, [...new Set(chosen.map((c) => c.term))]);
  }
  return result;
}

/** Remembered answers and detail pages are kept a minute (2,000 entries each); see `remembered`. */
const REMEMBERED_TTL_MS = 60_000;
const REMEMBERED_MAX = 2_000;

/** Forgets the remembered answers, detail pages and the in-memory index: after any catalog, import or synonym edit. */
export function forgetUnderstoodQueries(db: Queryable) {
  forgetIndex(db);
  answered.delete(db);
  details.delete(db);
}

function understand(index: CatalogIndex, analysis: Analysis): Group[] {
  return analysis.text === '' ? [] : groupsOf(index, analysis);
}

type Group =
  | { kind: 'word'; word: string; alternatives: string[]; prefix: boolean; matchable: boolean }
  | { kind: 'phrase'; phrase: string[]; expansions: string[][] };

/** The query as groups: each word (with its corrections), or an everyday phrase with what it stands for. */
function groupsOf(index: CatalogIndex, analysis: Analysis): Group[] {
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
  const fixes = corrections(index, [...new Set(words.filter((w) => unknown.has(w.word)).map((w) => w.word))]);
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

/**
 * What a group asks of a name, as tsquery would: one of the alternatives, each a list of terms the
 * name must all have. Null when the group need not appear (an unknown, uncorrectable word; filler).
 */
function groupAlternatives(g: Group): Term[][] | null {
  if (g.kind === 'word') {
    if (!g.matchable) return null;
    return [[{ word: g.word, prefix: g.prefix }], ...g.alternatives.map((a) => [{ word: a, prefix: false }])];
  }
  if (g.expansions.some((e) => e.length === 0)) return null; // filler: need not appear
  return [g.phrase, ...g.expansions].map((words) => words.map((word) => ({ word, prefix: false })));
}

/** The procedures holding `term` (as `@@` finds them): a list, and one byte per procedure (1 = yes). */
interface TermHits {
  list: number[];
  mask: Uint8Array;
}

function termHits(index: CatalogIndex, term: Term, cache: Map<string, TermHits>): TermHits {
  const key = `${term.word}${term.prefix ? ':*' : ''}`;
  let hits = cache.get(key);
  if (!hits) {
    const lexemes = lexemesOf(index, term);
    const mask = new Uint8Array(index.procedures.length);
    let list: number[] = [];
    if (lexemes.length === 1) list = index.postings.get(lexemes[0]!)!;
    for (const lexeme of lexemes)
      for (const i of index.postings.get(lexeme)!)
        if (!mask[i]) {
          mask[i] = 1;
          if (lexemes.length > 1) list.push(i);
        }
    cache.set(key, (hits = { list, mask }));
  }
  return hits;
}

/**
 * A group of the query, ready to test procedures against: one of its alternatives must be matched,
 * each alternative by all of its terms. `candidates` holds every procedure that may match (those with
 * an alternative's first term), `size` their number before duplicates are removed.
 */
class GroupTest {
  private readonly masks: Uint8Array[][];
  readonly candidates: number[][];
  readonly size: number;
  constructor(index: CatalogIndex, alternatives: Term[][], cache: Map<string, TermHits>) {
    const hits = alternatives.map((all) => all.map((t) => termHits(index, t, cache)));
    this.masks = hits.map((all) => all.map((h) => h.mask));
    this.candidates = hits.map((all) => all[0]!.list);
    this.size = this.candidates.reduce((n, list) => n + list.length, 0);
  }
  has(i: number): boolean {
    for (const all of this.masks) {
      let every = true;
      for (const mask of all)
        if (!mask[i]) {
          every = false;
          break;
        }
      if (every) return true;
    }
    return false;
  }
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

function page(rows: Omit<SummaryRow, 'total'>[], req: SearchRequest, total: number, interpretedAs: string | null): ProcedureSearchResult {
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

function passesFilters(p: IndexedProcedure, req: SearchRequest): boolean {
  return (
    req.scopes.includes(p.scope) &&
    (!req.field || p.fields.includes(req.field)) &&
    (!req.agency || p.agencies.includes(req.agency)) &&
    (!req.level || p.levels.includes(req.level)) &&
    (!req.online || p.online_level === req.online) &&
    (!req.kind || p.kind === req.kind) &&
    (req.complete === undefined || p.complete === req.complete)
  );
}

/** The procedures the request's scopes and filters let through, kept with the index (few combinations recur). */
const visibleMasks = new WeakMap<CatalogIndex, Map<string, Uint8Array>>();
function visibleMask(index: CatalogIndex, req: SearchRequest): Uint8Array {
  let masks = visibleMasks.get(index);
  if (!masks) visibleMasks.set(index, (masks = new Map()));
  const key = JSON.stringify([req.scopes, req.field, req.agency, req.level, req.online, req.kind, req.complete]);
  let mask = masks.get(key);
  if (!mask) {
    mask = Uint8Array.from(index.procedures, (p) => (passesFilters(p, req) ? 1 : 0));
    if (masks.size >= 200) masks.delete(masks.keys().next().value!);
    masks.set(key, mask);
  }
  return mask;
}

/**
 * Ranks `found` (each with the share of the query's groups it covers, in the partial-match fallback):
 * a cheap first pass over all of them (the name is a reading of the query, contains it as a phrase,
 * covers more of its word groups, has fewer words), then the full score for the first FULLY_RANKED.
 * Pages stay stable: they cut one fixed order.
 */
function ranked(
  found: { p: IndexedProcedure; coverage: number | null }[],
  req: SearchRequest,
  ranking: { readings: string[]; matching: Set<string> },
) {
  const { readings, matching } = ranking;
  const phrases = readings.map((r) => ` ${r} `);
  const scored = found.map(({ p, coverage }) => {
    const exact = readings.includes(p.name_core);
    const padded = p.padded_core;
    const phrase = phrases.some((r) => padded.includes(r));
    // Computed as the database did: exactly (in hundredths) without the coverage; with it, in float8.
    const firstPass =
      coverage === null ? (exact ? 200 : 0) + (phrase ? 100 : 0) - 2 * p.name_words : (exact ? 2 : 0) + (phrase ? 1 : 0) + coverage - (2 * p.name_words) / 100;
    return { p, coverage, exact, phrase, firstPass, score: 0, position: 0 };
  });
  const offset = (req.page - 1) * req.pageSize;
  const wanted = Math.max(FULLY_RANKED, offset + req.pageSize);
  // Only the first `wanted` of the first pass count: those at or above the wanted-th best value are
  // sorted in full, the rest dropped (a numeric sort of the values finds it without comparing objects).
  let ordered = scored;
  if (scored.length > wanted) {
    const values = Float64Array.from(scored, (e) => -e.firstPass).sort();
    const cut = -values[wanted - 1]!;
    ordered = scored.filter((e) => e.firstPass >= cut);
  }
  ordered.sort((a, b) => b.firstPass - a.firstPass || a.p.name_words - b.p.name_words || (a.p.code < b.p.code ? -1 : a.p.code > b.p.code ? 1 : a.p.index - b.p.index));
  const kept = ordered.slice(0, wanted);
  kept.forEach((entry, position) => (entry.position = position));
  const readingTrigrams = readings.map(trigramsOf);
  for (const entry of kept.slice(0, FULLY_RANKED)) {
    const { p } = entry;
    const name = nameTrigrams(p);
    const trigram = Math.max(...readingTrigrams.map((r) => similarity(r, name)));
    entry.score =
      (entry.exact ? 3 : 0) + (entry.phrase ? 0.5 : 0) + 2 * trigram + 0.3 * rankOr(p, matching) + (entry.coverage ?? 0) - (2 * p.name_words) / 100;
  }
  kept.sort((a, b) => {
    const aFull = a.position < FULLY_RANKED;
    const bFull = b.position < FULLY_RANKED;
    if (aFull !== bFull) return aFull ? -1 : 1;
    if (aFull && a.score !== b.score) return b.score - a.score;
    return a.p.name.length - b.p.name.length || a.position - b.position;
  });
  return { rows: kept.slice(offset, offset + req.pageSize).map((e) => e.p), total: found.length };
}

/**
 * Answers to recent searches, per database, kept a minute and forgotten on any edit: the public
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
  if (hit && Date.now() - hit.at < REMEMBERED_TTL_MS) return hit.value as T;
  const value = await load();
  if (cache.size >= REMEMBERED_MAX) cache.delete(cache.keys().next().value!);
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
  const index = await catalogIndex(db);
  const analysis = await analyze(db, index, q);
  if (analysis.text === '') return browse(db, req);
  const groups = understand(index, analysis);
  const required = groups.map(groupAlternatives).filter((g): g is Term[][] => g !== null);
  const optionalWords = groups.flatMap((g) => (g.kind === 'phrase' && groupAlternatives(g) === null ? g.phrase : []));
  const strict = required.length > 0 ? required : optionalWords.length > 0 ? [[optionalWords.map((word) => ({ word, prefix: false }))]] : null;
  const everyTerm: Term[] = groups.flatMap((g) =>
    g.kind === 'word'
      ? [{ word: g.word, prefix: g.prefix }, ...g.alternatives.map((word) => ({ word, prefix: false }))]
      : [...g.phrase, ...g.expansions.flat()].map((word) => ({ word, prefix: false })),
  );
  const matching = new Set(everyTerm.flatMap((t) => lexemesOf(index, t)));
  const readings = readingsOf(groups, analysis.text);
  const interpretedAs = readings[readings.length - 1] !== analysis.text ? readings[readings.length - 1]! : null;
  const visible = visibleMask(index, req);
  const cache = new Map<string, TermHits>();

  if (strict) {
    // Every group, word order free: the procedures that may match the rarest group, tested against all.
    const tests = strict.map((g) => new GroupTest(index, g, cache)).sort((a, b) => a.size - b.size);
    const seen = new Uint8Array(visible.length);
    const found: { p: IndexedProcedure; coverage: null }[] = [];
    for (const list of tests[0]!.candidates)
      for (const i of list) {
        if (seen[i] || !visible[i]) continue;
        seen[i] = 1;
        if (tests.every((t) => t.has(i))) found.push({ p: index.procedures[i]!, coverage: null });
      }
    if (found.length > 0) {
      const { rows, total } = ranked(found, req, { readings, matching });
      return page(rows, req, total, interpretedAs);
    }
  }

  // Nothing has every group: the names with most of them, ranked the same way. One group in three may
  // be wrong or missing from the name ("đăng ký tạm chú" still finds "tạm trú").
  const fallbackGroups = (required.length > 0 ? required : [everyTerm.map((t) => [t])]).map((g) => new GroupTest(index, g, cache));
  const enough = Math.max(1, fallbackGroups.length - Math.floor(fallbackGroups.length / 3));
  const touched = new Uint8Array(visible.length);
  const found: { p: IndexedProcedure; coverage: number }[] = [];
  for (const group of fallbackGroups)
    for (const list of group.candidates)
      for (const i of list) {
        if (touched[i] || !visible[i]) continue;
        touched[i] = 1;
        let covered = 0;
        for (const g of fallbackGroups) if (g.has(i)) covered++;
        if (covered >= enough) found.push({ p: index.procedures[i]!, coverage: covered / fallbackGroups.length });
      }
  const { rows, total } = ranked(found, req, { readings, matching });
  return page(rows, req, total, interpretedAs);
}
