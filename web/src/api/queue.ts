import type { BoardEvent, BoardState, CounterDesk, PublicCentre, QueueSetup, QueueStats, TicketView } from '@motcua/core/queue/schemas.ts';
import { api } from './client.ts';

export type { BoardEvent, BoardState, CounterDesk, PublicCentre, QueueSetup, QueueStats, TicketView };

const c = encodeURIComponent;

export const queuePaths = {
  setup: (centre: string) => `/api/queue/centres/${c(centre)}`,
  stats: (centre: string, day: string) => `/api/queue/centres/${c(centre)}/stats?day=${day}`,
  desk: (counterId: string) => `/api/queue/counters/${counterId}`,
  publicCentre: (centre: string) => `/api/public/queue/centres/${c(centre)}`,
  board: (centre: string) => `/api/public/queue/centres/${c(centre)}/board`,
  events: (centre: string) => `/api/public/queue/centres/${c(centre)}/events`,
  ticket: (id: string) => `/api/public/queue/tickets/${id}`,
};

export const queueApi = {
  issue: (centre: string, groupId: string, priority: string) => api.post<TicketView>(`/api/public/queue/centres/${c(centre)}/tickets`, { groupId, priority }),
  activate: (code: string) => api.post<TicketView>(`/api/public/queue/bookings/${c(code)}/activate`),
  served: (centre: string, number: string) =>
    api.get<{ number: string; officerName: string | null; counterNumber: number | null; status: string; rated: boolean }>(`/api/public/queue/centres/${c(centre)}/served/${c(number)}`),
  rate: (centre: string, body: { number: string; level: string; reasons: string[] }) => api.post(`/api/public/queue/centres/${c(centre)}/ratings`, body),
  signIn: (counterId: string) => api.post<CounterDesk>(`/api/queue/counters/${counterId}/sign-in`),
  signOut: (counterId: string) => api.post<void>(`/api/queue/counters/${counterId}/sign-out`),
  callNext: (counterId: string) => api.post<{ ticket: TicketView | null }>(`/api/queue/counters/${counterId}/call-next`),
  call: (counterId: string, ticketId: string) => api.post<{ ticket: TicketView | null }>(`/api/queue/counters/${counterId}/call`, { ticketId }),
  act: (ticketId: string, action: 'recall' | 'no-show' | 'start' | 'finish') => api.post<TicketView>(`/api/queue/tickets/${ticketId}/${action}`),
  transfer: (ticketId: string, target: { groupId?: string; counterId?: string }) => api.post<TicketView>(`/api/queue/tickets/${ticketId}/transfer`, target),
  linkDossier: (ticketId: string, dossierCode: string) => api.post<TicketView>(`/api/queue/tickets/${ticketId}/dossier`, { dossierCode }),
  createGroup: (centre: string, body: unknown) => api.post(`/api/queue/centres/${c(centre)}/groups`, body),
  createCounter: (centre: string, body: unknown) => api.post(`/api/queue/centres/${c(centre)}/counters`, body),
  updateCounter: (id: string, body: unknown) => api.patch(`/api/queue/counters/${id}`, body),
  updateSettings: (centre: string, body: unknown) => api.patch(`/api/queue/centres/${c(centre)}/settings`, body),
};
