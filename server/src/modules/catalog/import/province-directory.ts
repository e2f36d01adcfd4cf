import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../../../database.ts';
import { listProvinces } from '../../units/units.service.ts';
import { comparable } from './text.ts';

/**
 * Tells which province published a procedure from the publishing body's name ("UBND Thành phố Huế",
 * "Sở Xây dựng - tỉnh Quảng Ngãi", "Trung tâm phục vụ hành chính công Thành phố Hà Nội"). A body named
 * after a province merged on 1 July 2025 ("UBND tỉnh Hà Giang") belongs to the province it merged into.
 */
export interface ProvinceDirectory {
  /** The province code, or null when no province is named. */
  provinceOf(bodyName: string): string | null;
}

const TYPE_WORDS = /^(thành phố|tỉnh)\s+/u;
const nameKey = (name: string) => comparable(name).replace(TYPE_WORDS, '');

interface PortalProvinceList {
  data?: { rows?: { code: string; name: string }[] };
}
interface ProvinceHistory {
  current?: { code: string; name: string }[];
  defunct?: { name: string; merged_into: string }[];
}

function readJson<T>(file: string): T | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : null;
}

/**
 * The 34 provinces from the database (always there), their portal spellings from
 * `catalog/dvcqg_provinces_34.json`, and the 29 merged ones from `catalog/provinces_current_and_defunct.json`
 * when the shared data folder is at hand.
 */
export async function loadProvinceDirectory(db: Queryable, sharedDataDir?: string): Promise<ProvinceDirectory> {
  const byName = new Map<string, string>();
  for (const p of await listProvinces(db)) byName.set(nameKey(p.name), p.code);
  if (sharedDataDir) {
    const portal = readJson<PortalProvinceList>(path.join(sharedDataDir, 'catalog/dvcqg_provinces_34.json'));
    for (const p of portal?.data?.rows ?? []) byName.set(nameKey(p.name), p.code);
    const history = readJson<ProvinceHistory>(path.join(sharedDataDir, 'catalog/provinces_current_and_defunct.json'));
    for (const p of history?.current ?? []) byName.set(nameKey(p.name), p.code);
    for (const d of history?.defunct ?? []) {
      const into = byName.get(nameKey(d.merged_into));
      if (into) byName.set(nameKey(d.name), into);
    }
  }
  // Longest names first, so "Bình Định" is not mistaken for a shorter name inside it.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);
  return {
    provinceOf(bodyName: string) {
      const text = comparable(bodyName);
      for (const name of names) {
        let at = text.indexOf(name);
        while (at >= 0) {
          if (!isLetter(text[at - 1]) && !isLetter(text[at + name.length])) return byName.get(name)!;
          at = text.indexOf(name, at + 1);
        }
      }
      return null;
    },
  };
}
