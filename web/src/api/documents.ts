import type { PaperTemplateView as PaperTemplateViewSchema, SignedDocumentView as SignedDocumentViewSchema, SignerKeyView as SignerKeyViewSchema, VerificationResult as VerificationResultSchema } from '@motcua/core/documents/schemas.ts';
import type { PublicDossierStatus as PublicDossierStatusSchema } from '@motcua/core/dossiers/schemas.ts';
import { api } from './client.ts';
import type { Wire } from './wire.ts';

export type SignedDocument = Wire<typeof SignedDocumentViewSchema>;
export type Verification = Wire<typeof VerificationResultSchema>;
export type PaperTemplateView = Wire<typeof PaperTemplateViewSchema>;
export type PaperTemplate = PaperTemplateView['template'];
export type PublicStatus = Wire<typeof PublicDossierStatusSchema>;
export type VerifyRecord = Omit<SignedDocument, 'sha256'>;
export type SignerKey = Wire<typeof SignerKeyViewSchema>;

export type SlipKind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stop' | 'control-sheet';

export const documentPaths = {
  slip: (dossierId: string, kind: SlipKind) => `/api/dossiers/${encodeURIComponent(dossierId)}/documents/${kind}.pdf`,
  signed: (dossierId: string) => `/api/dossiers/${encodeURIComponent(dossierId)}/signed-results`,
  signedFile: (id: string) => `/api/signed-results/${encodeURIComponent(id)}/file`,
  publicStatus: (code: string, secret: string) => `/api/public/dossiers/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`,
  verifyRecord: (token: string) => `/api/public/verify/${encodeURIComponent(token)}`,
  templates: '/api/paper-templates',
  signerKey: (userId: string) => `/api/signer-keys/${encodeURIComponent(userId)}`,
};

export const signResult = (dossierId: string, resultCode: string, summary?: string) => api.post<SignedDocument>(documentPaths.signed(dossierId), { resultCode, ...(summary ? { summary } : {}) });
export const revokeSigned = (id: string, reason: string) => api.post<SignedDocument>(`/api/signed-results/${encodeURIComponent(id)}/revoke`, { reason });
export const verifyPdf = (file: Blob) => api.postBlob<Verification>('/api/public/verify', file, 'application/pdf');
export const saveTemplate = (scope: string, template: PaperTemplate) => api.put<PaperTemplateView>(`${documentPaths.templates}/${encodeURIComponent(scope)}`, template);
/** Installs a signer's .p12 (sent as base64 with its password) in place of the test CA's key. */
export async function installSignerKey(userId: string, file: Blob, password: string) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return api.put<SignerKey>(documentPaths.signerKey(userId), { p12: btoa(binary), password });
}
