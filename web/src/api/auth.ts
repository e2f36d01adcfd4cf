import type { SessionInfo } from '@motcua/core/users/schemas.ts';
import { api } from './client.ts';

export const fetchSession = (signal?: AbortSignal) => api.get<SessionInfo>('/api/auth/me', signal);
export const login = (username: string, password: string) => api.post<SessionInfo>('/api/auth/login', { username, password });
export const logout = () => api.post<void>('/api/auth/logout');
