/**
 * The form in which administrative unit names are compared: Unicode NFC, lower case, single spaces,
 * without the unit-type word in front ("Phường Lái Thiêu" and "lái  thiêu" compare equal).
 * Diacritics are kept: "Hòa" and "Hoà" are the same after NFC, but "Hoa" is another name.
 */
const TYPE_PREFIXES = [
  'thành phố trực thuộc trung ương',
  'thành phố',
  'thị trấn',
  'thị xã',
  'đặc khu',
  'phường',
  'quận',
  'huyện',
  'tỉnh',
  'xã',
  'tp.',
  'tp',
];

export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function unitNameKey(name: string): string {
  let key = normalizeName(name)
    .toLocaleLowerCase('vi')
    .replace(/\s*\(\d+\)\s*$/, '') // "Quận Ba Đình (001)": the code in brackets is not part of the name
    .trim();
  // Old-style tone placement (hoà, thuỷ) and new-style (hòa, thủy) are the same name.
  key = key.replace(/oà/g, 'òa').replace(/oá/g, 'óa').replace(/oả/g, 'ỏa').replace(/oã/g, 'õa').replace(/oạ/g, 'ọa')
    .replace(/uỳ/g, 'ùy').replace(/uý/g, 'úy').replace(/uỷ/g, 'ủy').replace(/uỹ/g, 'ũy').replace(/uỵ/g, 'ụy');
  for (const prefix of TYPE_PREFIXES) {
    if (key.startsWith(prefix + ' ')) {
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  return key;
}
