import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { subjectText, type KeyStore, type SignerKey } from './documents.keys.ts';

/**
 * Signing a PDF (a detached CMS signature with SubFilter ETSI.CAdES.detached, the PAdES form readers
 * and `pdfsig` check) and checking one: the signed byte ranges hash to the digest in the signature,
 * the signature verifies with the certificate's key, and the certificate comes from our authority.
 */
export async function signPdf(pdf: Buffer, key: SignerKey, meta: { reason: string; name: string; location: string; signingTime: Date }): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: ascii(meta.reason),
    contactInfo: '',
    name: ascii(meta.name),
    location: ascii(meta.location),
    signingTime: meta.signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'MotCua',
  });
  const signer = new P12Signer(key.p12, { passphrase: key.password });
  return Buffer.from(await new SignPdf().sign(withPlaceholder, signer, meta.signingTime));
}

/** The placeholder writes PDF literal strings as they are: keep them ASCII (the visible stamp carries the Vietnamese). */
const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, ' ');

export interface SignatureCheck {
  found: boolean;
  digestMatches: boolean | null;
  signatureValid: boolean | null;
  certificateTrusted: boolean | null;
  signerCertificate: string | null;
  signedAt: string | null;
  /** What the signed bytes say about where they came from (our info dictionary keyword). */
  token: string | null;
}

const NONE: SignatureCheck = { found: false, digestMatches: null, signatureValid: null, certificateTrusted: null, signerCertificate: null, signedAt: null, token: null };

export function checkSignature(bytes: Buffer, store: KeyStore): SignatureCheck {
  const text = bytes.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  const tokenMatch = /motcua-verify:([A-Z0-9]{8,40})/.exec(text);
  const token = tokenMatch?.[1] ?? null;
  if (at < 0) return { ...NONE, token };
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 120));
  if (!range) return { ...NONE, found: true, digestMatches: false, signatureValid: false, token };
  const [a, b, c, d] = range.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || b <= 0 || c <= b || c + d > bytes.length || bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e)
    return { ...NONE, found: true, digestMatches: false, signatureValid: false, token };
  const signed = Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
  const hex = text.slice(b + 1, c - 1).replace(/(00)+$/, '');
  try {
    const der = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der.toString('binary'), false)) as forge.pkcs7.PkcsSignedData & {
      rawCapture: { authenticatedAttributes?: forge.asn1.Asn1[]; signature: string; digestAlgorithm: string };
    };
    const cert = message.certificates[0];
    const attrs = message.rawCapture.authenticatedAttributes ?? [];
    let digest: string | null = null;
    let signingTime: string | null = null;
    for (const attr of attrs) {
      const oid = forge.asn1.derToOid((attr.value as forge.asn1.Asn1[])[0]!.value as string);
      const value = ((attr.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
      if (oid === forge.pki.oids.messageDigest) digest = value.value as string;
      if (oid === forge.pki.oids.signingTime) signingTime = forge.asn1.utcTimeToDate(value.value as string).toISOString();
    }
    const digestMatches = digest !== null && Buffer.from(digest, 'binary').equals(createHash('sha256').update(signed).digest());
    let signatureValid = false;
    if (cert && attrs.length > 0) {
      const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attrs);
      const md = forge.md.sha256.create();
      md.update(forge.asn1.toDer(set).getBytes());
      try {
        signatureValid = (cert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().bytes(), message.rawCapture.signature);
      } catch {
        signatureValid = false;
      }
    }
    return {
      found: true,
      digestMatches,
      signatureValid: signatureValid && digestMatches,
      certificateTrusted: cert ? store.trusts(cert) : false,
      signerCertificate: cert ? subjectText(cert) : null,
      signedAt: signingTime,
      token,
    };
  } catch {
    return { ...NONE, found: true, digestMatches: false, signatureValid: false, token };
  }
}
