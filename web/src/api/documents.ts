import type { PaperTemplateView as PaperTemplateViewSchema, SignedDocumentView as SignedDocumentViewSchema, VerificationResult as VerificationResultSchema } from '@motcua/core/documents/schemas.ts';
import type { PublicDossierStatus as PublicDossierStatusSchema } from '@motcua/core/dossiers/schemas.ts';
import { api } from './client.ts';
import type { Wire } from './wire.ts';

export type SignedDocument = Wire<typeof SignedDocumentViewSchema>;
export type Verification = Wire<typeof VerificationResultSchema>;
export type PaperTemplateView = Wire<typeof PaperTemplateViewSchema>;
export type PaperTemplate = PaperTemplateView['template'];
export type PublicStatus = Wire<typeof PublicDossierStatusSchema>;
export type VerifyRecord = Omit<SignedDocument, 'sha256'>;

export type SlipKind = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stop' | 'control-sheet';

export const documentPaths = {
  slip: (dossierId: string, kind: SlipKind) => `/api/dossiers/${encodeURIComponent(dossierId)}/documents/${kind}.pdf`,
  signed: (dossierId: string) => `/api/dossiers/${encodeURIComponent(dossierId)}/signed-results`,
  signedFile: (id: string) => `/api/signed-results/${encodeURIComponent(id)}/file`,
  publicStatus: (code: string, secret: string) => `/api/public/dossiers/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`,
  verifyRecord: (token: string) => `/api/public/verify/${encodeURIComponent(token)}`,
  templates: '/api/paper-templates',
};

export const signResult = (dossierId: string, resultCode: string, summary?: string) => api.post<SignedDocument>(documentPaths.signed(dossierId), { resultCode, ...(summary ? { summary } : {}) });
export const revokeSigned = (id: string, reason: string) => api.post<SignedDocument>(`/api/signed-results/${encodeURIComponent(id)}/revoke`, { reason });
export const verifyPdf = (file: Blob) => api.postBlob<Verification>('/api/public/verify', file, 'application/pdf');
export const saveTemplate = (scope: string, template: PaperTemplate) => api.put<PaperTemplateView>(`${documentPaths.templates}/${encodeURIComponent(scope)}`, template);
