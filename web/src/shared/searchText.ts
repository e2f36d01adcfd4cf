import { isOptionsGroup, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';

/** "Lái Thiêu" and "lai thieu" compare equal: no case, no tone or vowel marks, đ as d. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** Select/Combobox filter that ignores Vietnamese diacritics (people often type without them). */
export const foldedOptionsFilter: OptionsFilter = ({ options, search }) => {
  const query = foldForSearch(search);
  if (!query) return options;
  const matches = (item: ComboboxItem) => foldForSearch(item.label).includes(query);
  const kept: ComboboxParsedItem[] = [];
  for (const item of options) {
    if (!isOptionsGroup(item)) {
      if (matches(item)) kept.push(item);
    } else {
      const items = item.items.filter(matches);
      if (items.length > 0) kept.push({ ...item, items });
    }
  }
  return kept;
};
