/** 532 → "532 B", 48_213 → "47,1 kB", 3_500_000 → "3,3 MB" (the language's decimal mark). */
export function formatBytes(bytes: number, language: string): string {
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} kB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}
