import type { StaffAccount, StaffCreate, StaffUpdate } from '@motcua/core/users/schemas.ts';
import { api } from './client.ts';

export const staffPaths = { list: '/api/staff' };

export const createStaff = (input: StaffCreate) => api.post<StaffAccount>('/api/staff', input);
export const updateStaff = (id: string, input: StaffUpdate) => api.patch<StaffAccount>(`/api/staff/${id}`, input);
