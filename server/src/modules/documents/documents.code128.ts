/**
 * Code 128 (ISO/IEC 15417) for printable ASCII: subset B for text, subset C for runs of four or
 * more digits (the Annex E rules, as bwip-js chooses them: the same bars, checked in the tests), the
 * modulo-103 check character and the stop pattern. bwip-js took about 0.8 ms a barcode going through
 * its PostScript engine; this takes microseconds. Text outside printable ASCII returns null (the
 * caller uses bwip-js).
 */

/** Bar and space widths (in modules) of symbol values 0–105, then the stop pattern (106). */
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 ' +
  '221312 231212 112232 122132 122231 113222 123122 123221 223211 221132 ' +
  '221231 213212 223112 312131 311222 321122 321221 312212 322112 322211 ' +
  '212123 212321 232121 111323 131123 131321 112313 132113 132311 211313 ' +
  '231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 ' +
  '231131 213113 213311 213131 311123 311321 331121 312113 312311 332111 ' +
  '314111 221411 431111 111224 111422 121124 121421 141122 141221 112214 ' +
  '112412 122114 122411 142112 142211 241211 221114 413111 241112 134111 ' +
  '111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 ' +
  '214121 412121 111143 111341 131141 114113 114311 411113 411311 113141 ' +
  '114131 311141 411131 211412 211214 211232 2331112'
)
  .split(' ')
  .map((p) => [...p].map(Number));

const CODE_C = 99;
const CODE_B = 100;
const START_B = 104;
const START_C = 105;
const STOP = 106;

/** The symbol values, start to check character (no stop). */
export function code128Values(text: string): number[] | null {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 127) return null;
  }
  const isDigit = (i: number) => {
    const c = text.charCodeAt(i);
    return c >= 48 && c <= 57;
  };
  const digitsFrom = (i: number) => {
    let j = i;
    while (j < n && isDigit(j)) j++;
    return j - i;
  };
  const values: number[] = [];
  let subsetC = (n === 2 && digitsFrom(0) === 2) || digitsFrom(0) >= 4;
  values.push(subsetC ? START_C : START_B);
  let i = 0;
  while (i < n) {
    const run = digitsFrom(i);
    if (subsetC) {
      if (run >= 2) {
        values.push((text.charCodeAt(i) - 48) * 10 + text.charCodeAt(i + 1) - 48);
        i += 2;
      } else {
        values.push(CODE_B);
        subsetC = false;
      }
    } else if (run >= 4) {
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      subsetC = true;
    } else values.push(text.charCodeAt(i++) - 32);
  }
  let sum = values[0]!;
  for (let k = 1; k < values.length; k++) sum += values[k]! * k;
  values.push(sum % 103);
  return values;
}

/** Bar/space widths in modules, bar first, start to stop; null for text outside printable ASCII. */
export function code128Widths(text: string): number[] | null {
  const values = code128Values(text);
  if (!values) return null;
  const widths: number[] = [];
  for (const v of values) widths.push(...PATTERNS[v]!);
  widths.push(...PATTERNS[STOP]!);
  return widths;
}
