/**
 * The QR code on a chip citizen ID card (CCCD) reads, through a keyboard-wedge scanner, as
 * `ID|old ID|full name|birth date ddmmyyyy|sex|address|issue date ddmmyyyy`. The ID number field
 * takes it whole and spreads it over the form.
 */
export interface CitizenCardFacts {
  idNumber: string;
  fullName: string | null;
  address: string | null;
}

export function parseCitizenCardQr(text: string): CitizenCardFacts | null {
  const parts = text.split('|').map((p) => p.trim());
  if (parts.length < 3 || !/^\d{12}$/.test(parts[0]!)) return null;
  return { idNumber: parts[0]!, fullName: parts[2] || null, address: parts[5] || null };
}
