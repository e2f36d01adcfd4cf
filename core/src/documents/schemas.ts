/**
 * The documents API's shapes: paper templates the admin adjusts, signed results, verification answers,
 * digitization figures. Shared by the server (validation, OpenAPI) and the web apps.
 */
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max).transform((s) => s.normalize('NFC'));

/**
 * What the admin may adjust on the papers, per unit (or for every unit: scope `default`). Empty fields
 * fall back to the default scope, then to the unit's own name and the built-in titles.
 */
export const PaperTemplate = z.strictObject({
  /** The line above the unit's name (its superior body), e.g. "UBND THÀNH PHỐ HỒ CHÍ MINH". */
  superiorName: text(200).default(''),
  /** The unit's name as printed, when it differs from the registry's. */
  unitDisplayName: text(200).default(''),
  /** The place before the date, e.g. "Thành phố Hồ Chí Minh". */
  placeName: text(100).default(''),
  /** Title above the receiving officer's signature. */
  officerTitle: text(100).default(''),
  /** Title above the head of the agency's signature (apology, stop notice, results). */
  headTitle: text(100).default(''),
  /** Where and how results are returned, printed on the receipt. */
  returnPlace: text(300).default(''),
  /** A line printed at the bottom of every paper (hotline, website). */
  footer: text(300).default(''),
});
export type PaperTemplate = z.infer<typeof PaperTemplate>;

export const TemplateScope = z.union([z.literal('default'), z.uuid()]);

/** The same fields as answered (no transforms: responses are serialized, not parsed). */
const PaperTemplateOut = z.object(Object.fromEntries(Object.keys(PaperTemplate.shape).map((k) => [k, z.string()])) as Record<keyof PaperTemplate, z.ZodString>);

export const PaperTemplateView = z.object({
  scope: z.string(),
  unitName: z.string().nullable(),
  template: PaperTemplateOut,
  updatedAt: z.string().nullable(),
});

export const SignInput = z.strictObject({
  /** The result document (`{code}-KQ{n}`) to sign. */
  resultCode: z.string().trim().min(1).max(80),
  /** What the result says, printed on its page (e.g. the decision). */
  summary: text(2000).optional(),
});

export const SignedDocumentView = z.object({
  id: z.uuid(),
  token: z.string(),
  dossierCode: z.string().nullable(),
  resultCode: z.string(),
  procedureName: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  unitName: z.string(),
  signedAt: z.string(),
  sha256: z.string(),
  certificateSubject: z.string(),
  certificateSerial: z.string(),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  verificationUrl: z.string(),
});
export type SignedDocumentView = z.infer<typeof SignedDocumentView>;

export const RevokeInput = z.strictObject({ reason: text(500).pipe(z.string().min(1)) });

/** What anyone learns about an uploaded PDF (or a QR link). */
export const VerificationResult = z.object({
  /** valid: signature good, bytes identical to what was issued, not revoked. */
  verdict: z.enum(['valid', 'tampered', 'revoked', 'unknown', 'unsigned']),
  signatureValid: z.boolean().nullable(),
  /** The signed bytes hash to the digest the signature holds. */
  digestMatches: z.boolean().nullable(),
  /** The file is byte for byte the one this system issued. */
  identicalToIssued: z.boolean().nullable(),
  /** The signing certificate chains to this system's certificate authority. */
  certificateTrusted: z.boolean().nullable(),
  signerCertificate: z.string().nullable(),
  signedAt: z.string().nullable(),
  document: SignedDocumentView.omit({ sha256: true }).nullable(),
  message: z.object({ vi: z.string(), en: z.string() }),
});
export type VerificationResult = z.infer<typeof VerificationResult>;

export const DigitizationFigures = z.object({
  dossiers: z.number().int(),
  /** Dossiers all of whose received paper documents are digitized (scanned file attached). */
  dossiersDigitized: z.number().int(),
  /** Result documents issued. */
  results: z.number().int(),
  /** Results stored as an electronic file. */
  resultsDigitized: z.number().int(),
});
export type DigitizationFigures = z.infer<typeof DigitizationFigures>;

export const RegisterQuery = z.strictObject({
  unitId: z.uuid(),
  from: z.iso.date(),
  to: z.iso.date(),
  lang: z.enum(['vi', 'en']).optional(),
});

/**
 * A signer's certificate from a licensed provider, as PKCS#12 (base64) with its password: it replaces
 * the key the local test CA issued for that signer.
 */
export const SignerKeyUpload = z.strictObject({
  p12: z.string().trim().min(1).max(200_000),
  password: z.string().max(200),
});
export type SignerKeyUpload = z.infer<typeof SignerKeyUpload>;

/** The certificate a signer signs with (never the key or its password). */
export const SignerKeyView = z.object({
  userId: z.uuid(),
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** `uploaded`: installed by an administrator; `local_ca`: issued by this deployment's test CA. */
  source: z.enum(['uploaded', 'local_ca']),
});
export type SignerKeyView = z.infer<typeof SignerKeyView>;
