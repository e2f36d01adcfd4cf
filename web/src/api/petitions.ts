import type { z } from 'zod';
import type { PetitionDetail, PetitionSummary, PublicPetition, PetitionReceipt } from '@motcua/core/petitions/schemas.ts';
import { api } from './client.ts';

export type PetitionDetailView = z.infer<typeof PetitionDetail>;
export type PetitionSummaryView = z.infer<typeof PetitionSummary>;
export type PublicPetitionView = z.infer<typeof PublicPetition>;
export type PetitionReceiptView = z.infer<typeof PetitionReceipt>;

export const sendPetition = (body: unknown) => api.post<PetitionReceiptView>('/api/public/petitions', body);
export const publicPetitionPath = (code: string, secret: string) => `/api/public/petitions/${encodeURIComponent(code)}?k=${encodeURIComponent(secret)}`;
export const sendPetitionFeedback = (code: string, secret: string, satisfied: boolean) => api.post<PublicPetitionView>(`/api/public/petitions/${encodeURIComponent(code)}/feedback`, { secret, satisfied });
export const actOnPetition = (id: string, body: Record<string, unknown>) => api.post<PetitionDetailView>(`/api/petitions/${id}/actions`, body);
