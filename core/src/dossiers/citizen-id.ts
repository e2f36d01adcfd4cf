/**
 * The 12-digit personal identification number (số định danh cá nhân, printed on the CCCD card):
 * 3 digits of the province of birth registration (Circular 07/2016/TT-BCA, the 63 pre-2025 provinces),
 * 1 digit for century and sex, 2 digits of the birth year, 6 serial digits.
 */
const PROVINCE_CODES = new Set(
  (
    '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 ' +
    '040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 ' +
    '083 084 086 087 089 091 092 093 094 095 096'
  ).split(' '),
);

export type CitizenIdProblem = 'format' | 'province' | 'birth_year';

export interface CitizenIdFacts {
  provinceCode: string;
  sex: 'male' | 'female';
  birthYear: number;
}

/** The facts a valid number carries, or what is wrong with it. */
export function checkCitizenId(id: string, currentYear?: number): { ok: true; facts: CitizenIdFacts } | { ok: false; problem: CitizenIdProblem } {
  if (!/^\d{12}$/.test(id)) return { ok: false, problem: 'format' };
  const provinceCode = id.slice(0, 3);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, problem: 'province' };
  const centuryDigit = Number(id[3]);
  if (centuryDigit > 9) return { ok: false, problem: 'format' };
  const century = 1900 + Math.floor(centuryDigit / 2) * 100; // 0/1: 1900s, 2/3: 2000s, … 8/9: 2300s
  const birthYear = century + Number(id.slice(4, 6));
  if (currentYear !== undefined && birthYear > currentYear) return { ok: false, problem: 'birth_year' };
  return { ok: true, facts: { provinceCode, sex: centuryDigit % 2 === 0 ? 'male' : 'female', birthYear } };
}
