import type { Commune, LegacyCommuneMapping, Province, Unit, UnitCreate, UnitUpdate } from '@motcua/core/units/schemas.ts';
import { api } from './client.ts';

export const unitPaths = {
  publicUnits: '/api/public/units',
  jurisdiction: '/api/units',
  provinces: '/api/admin-units/provinces',
  communes: (provinceCode: string) => `/api/admin-units/provinces/${encodeURIComponent(provinceCode)}/communes`,
};

export interface LegacyAddressInput {
  commune?: string;
  district?: string;
  province?: string;
  oldCommuneCode?: string;
}

export function convertLegacyAddress(input: LegacyAddressInput, signal?: AbortSignal) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input)) if (value && value.trim()) query.set(key, value.trim());
  return api.get<LegacyCommuneMapping[]>(`/api/admin-units/legacy?${query}`, signal);
}

export const createUnit = (input: UnitCreate) => api.post<Unit>('/api/units', input);
export const updateUnit = (id: string, input: UnitUpdate) => api.patch<Unit>(`/api/units/${id}`, input);

export type { Commune, Province, Unit };
