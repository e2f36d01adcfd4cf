/**
 * What the QR code in the top-left corner of every issued paper holds (TT 03/2025 Art. 13; TT 01/2023):
 * at least the dossier code, the procedure code, the applicant's identifier and the document's name,
 * plus the public status link with the lookup secret. One field a line, `KEY: value`, the link last so
 * a phone's camera offers to open it.
 */
export interface QrFields {
  dossierCode: string | null;
  procedureCode: string;
  applicantId: string | null;
  documentName: string;
  /** Result code or paper number, when the paper has one. */
  number?: string | null;
  /** The public status page (with `?k=secret`) or, for signed results, the verification page. */
  link: string | null;
}

const clean = (s: string) => s.replace(/[\r\n]+/g, ' ').normalize('NFC');

export function qrText(fields: QrFields): string {
  const lines = [
    `MHS: ${fields.dossierCode ?? '-'}`,
    `TTHC: ${fields.procedureCode}`,
    `DD: ${fields.applicantId ?? '-'}`,
    `GT: ${clean(fields.documentName)}`,
  ];
  if (fields.number) lines.push(`SO: ${clean(fields.number)}`);
  if (fields.link) lines.push(fields.link);
  return lines.join('\n');
}

/** The status page link printed on papers; the same URL the kiosk parses. */
export function statusLink(publicBaseUrl: string, code: string, lookupSecret: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/tra-cuu/${encodeURIComponent(code)}?k=${encodeURIComponent(lookupSecret)}`;
}

/** Reads a status link (from a QR or typed): the dossier code and secret, or null. */
export function parseStatusLink(text: string): { code: string; secret: string } | null {
  const match = /\/tra-cuu\/([^?\s/#]+)\?(?:[^#\s]*&)?k=([A-Za-z0-9]+)/.exec(text);
  if (!match) return null;
  return { code: decodeURIComponent(match[1]!), secret: match[2]! };
}

/** The verification link of a signed result. */
export function verificationLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/xac-minh/${encodeURIComponent(token)}`;
}
