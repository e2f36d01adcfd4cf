import { sql } from 'kysely';
import type { ProcessingTime } from '@motcua/core/catalog/schemas.ts';
import type { Queryable } from '../../database.ts';

/**
 * The catalog's search columns held in memory (see README "Search"): the few thousand procedures a
 * deployment shows are searched and ranked here, in well under a millisecond, instead of in two or three
 * database round trips per query. The columns are still made by the database (`name_core`,
 * `search_vector`, `catalog_term`, `catalog_synonym`); this file only reads them, and reproduces the
 * operations the search used on them in SQL: full-text matching (`@@` of a tsquery), `ts_rank_cd` of an
 * OR query with normalization 32, pg_trgm's `similarity` and `%`, and the folding of a query
 * (`catalog_name_core`). `server/test/catalog-index.test.ts` compares each with the database's own on
 * the real catalog.
 *
 * Kept per database: an edit, import or synonym change on this instance drops it at once
 * (`forgetIndex`), and the next search loads it again. Once a minute a search also checks, in the
 * background, whether the catalog changed (another instance edited it) and if so reloads it, answering
 * from the old copy meanwhile: other instances catch up within about a minute, as they do for the
 * remembered answers.
 */

export interface IndexedProcedure {
  /** Position in `CatalogIndex.procedures`. */
  index: number;
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
  name_core: string;
  /** name_core between two spaces (phrase tests). */
  padded_core: string;
  name_words: number;
  /** The search vector's lexemes, each with the weights of its positions (3 = A … 0 = D). */
  lexemes: Map<string, number[]>;
  /** Every position of the vector, in order: its lexeme and weight (what ts_rank_cd walks). */
  positions: { lexeme: string; weight: number }[];
  /** pg_trgm trigrams of name_core, made on first need. */
  trigrams?: Set<string>;
}

export interface CatalogIndex {
  procedures: IndexedProcedure[];
  /** Lexeme → the procedures (indexes, ascending) whose vector holds it. */
  postings: Map<string, number[]>;
  /** Every lexeme, sorted (prefix look-ups). */
  lexemes: string[];
  /** catalog_term: word → number of procedures holding it. */
  terms: Map<string, number>;
  /** Trigram → the catalog_term words that have it (the `%` look-up). */
  termTrigrams: Map<string, string[]>;
  termTrigramCount: Map<string, number>;
  synonyms: { phrase: string; expansion: string }[];
}

interface IndexRow {
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
  name_core: string;
  name_words: number;
  vector: string;
}

const WEIGHT_OF_LETTER: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 };

/** A tsvector's text form (`'khai':2A,7B 'sinh':3A`) as lexemes with their positions and weights. */
export function parseVector(text: string): { lexeme: string; position: number; weight: number }[] {
  const out: { lexeme: string; position: number; weight: number }[] = [];
  const entry = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const lexeme = m[1]!.replace(/''/g, "'");
    if (!m[2]) {
      out.push({ lexeme, position: 0, weight: 0 });
      continue;
    }
    for (const part of m[2].split(',')) {
      const [, digits, letter] = part.match(/^(\d+)([A-D]?)$/)!;
      out.push({ lexeme, position: Number(digits), weight: WEIGHT_OF_LETTER[letter || 'D']! });
    }
  }
  return out;
}

async function load(db: Queryable): Promise<CatalogIndex> {
  const [{ rows }, { rows: termRows }, { rows: synonymRows }] = await Promise.all([
    sql<IndexRow>`
      select p.code, p.name, p.kind, p.state, p.scope, p.fields, p.levels, p.online_level, p.issuing_agency, p.agencies,
        p.processing_time, p.has_fees, p.complete, p.missing_components, p.has_detail, p.name_core, p.name_words,
        p.search_vector::text as vector
      from procedure p where p.state <> 'abolished' order by p.code, p.scope`.execute(db),
    sql<{ term: string; ndoc: number }>`select term, ndoc from catalog_term`.execute(db),
    // In the table's own order, as the search read them before (the last expansion is the one shown as
    // "interpreted as").
    sql<{ phrase: string; expansion: string }>`
      select phrase_key as phrase, expansion_key as expansion from catalog_synonym where phrase_key <> '' order by ctid`.execute(db),
  ]);
  const postings = new Map<string, number[]>();
  const procedures = rows.map((row, index): IndexedProcedure => {
    const { vector, ...rest } = row;
    const parsed = parseVector(vector);
    const lexemes = new Map<string, number[]>();
    for (const p of parsed) {
      const list = lexemes.get(p.lexeme);
      if (list) list.push(p.weight);
      else {
        lexemes.set(p.lexeme, [p.weight]);
        const posting = postings.get(p.lexeme);
        if (posting) posting.push(index);
        else postings.set(p.lexeme, [index]);
      }
    }
    const positions = parsed
      .filter((p) => p.position > 0)
      .sort((a, b) => a.position - b.position || a.weight - b.weight)
      .map((p) => ({ lexeme: p.lexeme, weight: p.weight }));
    return { ...rest, padded_core: ` ${rest.name_core} `, index, lexemes, positions };
  });
  const terms = new Map(termRows.map((r) => [r.term, r.ndoc]));
  const termTrigrams = new Map<string, string[]>();
  const termTrigramCount = new Map<string, number>();
  for (const term of terms.keys()) {
    const own = trigramsOf(term);
    termTrigramCount.set(term, own.size);
    for (const t of own) {
      const list = termTrigrams.get(t);
      if (list) list.push(term);
      else termTrigrams.set(t, [term]);
    }
  }
  return {
    procedures,
    postings,
    lexemes: [...postings.keys()].sort(),
    terms,
    termTrigrams,
    termTrigramCount,
    synonyms: synonymRows,
  };
}

const TTL_MS = 60_000;
interface Held {
  at: number;
  index: Promise<CatalogIndex>;
  signature: Promise<string>;
  checking?: boolean;
}
const indexes = new WeakMap<object, Held>();

/**
 * What changes when the searched columns can: procedures (each edit or import moves `updated_at` or
 * adds a version) and the synonyms. Read before a reload, so that an unchanged catalog is not parsed
 * again every minute.
 */
async function signatureOf(db: Queryable): Promise<string> {
  const { rows } = await sql<{ signature: string }>`
    select concat_ws('/', p.n, p.updated, p.versions, s.n, s.digest) as signature
    from (select count(*) as n, max(updated_at) as updated, sum(version_count) as versions from procedure) p,
      (select count(*) as n, md5(string_agg(phrase || '=' || expansion, ';' order by phrase, expansion)) as digest from catalog_synonym) s`.execute(db);
  return rows[0]!.signature;
}

/** The index for `db`: loaded on first need; after a minute, reloaded in the background if the catalog changed. */
export function catalogIndex(db: Queryable): Promise<CatalogIndex> {
  const held = indexes.get(db);
  if (!held) {
    // The signature is read first: a change made during the load then shows at the next check.
    const signature = signatureOf(db);
    const entry: Held = { at: Date.now(), signature, index: signature.then(() => load(db)) };
    indexes.set(db, entry);
    entry.index.catch(() => indexes.get(db) === entry && indexes.delete(db));
    return entry.index;
  }
  if (Date.now() - held.at >= TTL_MS && !held.checking) {
    held.checking = true;
    void (async () => {
      try {
        const [before, now] = await Promise.all([held.signature, signatureOf(db)]);
        if (indexes.get(db) !== held) return;
        if (before === now) {
          held.at = Date.now();
          return;
        }
        const index = await load(db);
        if (indexes.get(db) === held) indexes.set(db, { at: Date.now(), signature: Promise.resolve(now), index: Promise.resolve(index) });
      } catch {
        // The old index keeps serving; the next search after the minute tries again.
      } finally {
        held.checking = false;
      }
    })();
  }
  return held.index;
}

export function forgetIndex(db: Queryable) {
  indexes.delete(db);
}

// --- folding (catalog_fold, catalog_name_core) ---------------------------------------------------------

/**
 * `catalog_name_core(value)` computed here when the text is Vietnamese or plain ASCII (all a citizen
 * types); null for anything else (other scripts, ligatures, symbols unaccent knows), which the caller
 * asks the database to fold.
 */
export function nameCore(value: string): string | null {
  const stripped = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    // Quotes, dashes and spaces outside ASCII ("“…”", "–", no-break space): separators either way.
    .replace(/(?![\x00-\x7f])[\p{P}\p{Z}]/gu, ' ');
  if (!/^[\x20-\x7e\t\n\r]*$/.test(stripped)) return null;
  return stripped
    .replace(/([bcdghklmnpqrstvx])y(?![a-z0-9_])/g, '$1i')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^thu tuc /, '');
}

// --- pg_trgm --------------------------------------------------------------------------------------------

/** pg_trgm's trigrams of a text of [a-z0-9 ] words: each word padded with two spaces before and one after. */
export function trigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(/[^a-z0-9]+/)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's similarity(a, b): shared trigrams over all distinct trigrams, as a float4. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return Math.fround(shared / (a.size + b.size - shared));
}

/** pg_trgm's default similarity_threshold (`%`). */
const SIMILARITY_THRESHOLD = 0.3;

/** `select term, ndoc from catalog_term where term % word order by similarity(term, word) desc, ndoc desc limit n`. */
export function nearestTerms(index: CatalogIndex, word: string, n: number): { term: string; ndoc: number; similarity: number }[] {
  const own = trigramsOf(word);
  const shared = new Map<string, number>();
  for (const t of own) for (const term of index.termTrigrams.get(t) ?? []) shared.set(term, (shared.get(term) ?? 0) + 1);
  const found: { term: string; ndoc: number; similarity: number }[] = [];
  for (const [term, count] of shared) {
    const value = Math.fround(count / (own.size + index.termTrigramCount.get(term)! - count));
    if (value >= Math.fround(SIMILARITY_THRESHOLD)) found.push({ term, ndoc: index.terms.get(term)!, similarity: value });
  }
  return found.sort((a, b) => b.similarity - a.similarity || b.ndoc - a.ndoc || (a.term < b.term ? -1 : 1)).slice(0, n);
}

export function nameTrigrams(p: IndexedProcedure): Set<string> {
  return (p.trigrams ??= trigramsOf(p.name_core));
}

// --- full text --------------------------------------------------------------------------------------------

/** A search term: a lexeme, or with `prefix` every lexeme that starts with it (`khai:*`). */
export interface Term {
  word: string;
  prefix: boolean;
}

/** The lexemes of the whole catalog a term stands for. */
export function lexemesOf(index: CatalogIndex, term: Term): string[] {
  if (!term.prefix) return index.postings.has(term.word) ? [term.word] : [];
  const list = index.lexemes;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < term.word) low = mid + 1;
    else high = mid;
  }
  const out: string[] = [];
  for (let i = low; i < list.length && list[i]!.startsWith(term.word); i++) out.push(list[i]!);
  return out;
}

/** The weights PostgreSQL's ts_rank_cd uses by default: {D, C, B, A} = {0.1, 0.2, 0.4, 1.0} as float4. */
const INVERSE_WEIGHTS = [0.1, 0.2, 0.4, 1.0].map((w) => 1 / Math.fround(w));

/**
 * `ts_rank_cd(search_vector, to_tsquery('simple', 'a | b | c:*'), 32)`. With only ORs each matching
 * position is a cover of its own, of density its weight; normalization 32 is rank / (rank + 1).
 */
export function rankOr(p: IndexedProcedure, matching: Set<string>): number {
  let rank = 0;
  for (const position of p.positions) if (matching.has(position.lexeme)) rank += 1 / INVERSE_WEIGHTS[position.weight]!;
  return Math.fround(rank / (rank + 1));
}
