import { z } from 'zod';
import { nfcText } from '../units/schemas.ts';
import { PRIORITIES } from './ordering.ts';

/** Wire shapes of the queue: setup (groups, counters), tickets, counter actions, the board, figures. */

export const Priority = z.enum(PRIORITIES);
export const TICKET_STATUSES = ['booked', 'waiting', 'called', 'serving', 'done', 'no_show', 'cancelled'] as const;
export const TicketStatus = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatus>;
export const CHANNELS = ['kiosk', 'portal', 'sms', 'counter'] as const;
export const Channel = z.enum(CHANNELS);
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export const RatingLevel = z.enum(RATING_LEVELS);
/** Reasons a citizen may tick (the kiosk shows them in their language). */
export const RATING_REASONS = ['friendly', 'fast', 'clear_guidance', 'slow', 'unclear_guidance', 'impolite', 'asked_extra_papers'] as const;
export const RatingReason = z.enum(RATING_REASONS);

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' });

export const CentreSettings = z.object({
  maxPriorityInRow: z.number().int().min(1).max(20),
  slotMinutes: z.number().int().min(5).max(240),
  slotCapacity: z.number().int().min(1).max(500),
});
export type CentreSettings = z.infer<typeof CentreSettings>;
export const CentreSettingsInput = CentreSettings.partial().strict();

export const GroupInput = z.strictObject({
  prefix: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}$/, { message: 'prefix_format' }),
  name: nfcText(200),
  fieldName: nfcText(200).nullable().optional(),
  minutesPerTicket: z.number().int().min(1).max(240).optional(),
  sort: z.number().int().min(0).max(999).optional(),
  active: z.boolean().optional(),
});
export type GroupInput = z.infer<typeof GroupInput>;
export const GroupUpdate = GroupInput.partial().strict();

export const Group = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  prefix: z.string(),
  name: z.string(),
  fieldName: z.string().nullable(),
  minutesPerTicket: z.number().int(),
  sort: z.number().int(),
  active: z.boolean(),
});
export type Group = z.infer<typeof Group>;

export const CounterInput = z.strictObject({
  number: z.number().int().min(1).max(999),
  name: nfcText(200),
  groupIds: z.array(z.uuid()).max(50),
  active: z.boolean().optional(),
});
export type CounterInput = z.infer<typeof CounterInput>;
export const CounterUpdate = CounterInput.partial().strict();

export const Counter = z.object({
  id: z.uuid(),
  centreId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  groupIds: z.array(z.uuid()),
  officer: z.object({ id: z.uuid(), name: z.string(), signedInAt: z.string() }).nullable(),
});
export type Counter = z.infer<typeof Counter>;

export const CentreRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const OpeningHours = z.object({
  day: z.string(),
  open: z.boolean(),
  periods: z.array(z.object({ start: z.string(), end: z.string() })),
  openNow: z.boolean(),
});

export const QueueSetup = z.object({
  centre: CentreRef,
  settings: CentreSettings,
  groups: z.array(Group),
  counters: z.array(Counter),
  hoursToday: OpeningHours,
});
export type QueueSetup = z.infer<typeof QueueSetup>;

/** The public face of a centre (kiosk, portal): its groups with the line each has now. */
export const PublicCentre = z.object({
  centre: CentreRef,
  hoursToday: OpeningHours,
  groups: z.array(z.object({ id: z.uuid(), prefix: z.string(), name: z.string(), fieldName: z.string().nullable(), waiting: z.number().int(), estimatedWaitMinutes: z.number().int() })),
});
export type PublicCentre = z.infer<typeof PublicCentre>;

export const IssueInput = z.strictObject({ groupId: z.uuid(), priority: Priority.default('none') });

export const TicketView = z.object({
  id: z.uuid(),
  number: z.string().nullable(),
  status: TicketStatus,
  priority: Priority,
  channel: Channel,
  day: z.string(),
  issuedAt: z.string(),
  centre: CentreRef,
  group: z.object({ id: z.uuid(), prefix: z.string(), name: z.string() }),
  peopleAhead: z.number().int(),
  estimatedWaitMinutes: z.number().int(),
  counter: z.object({ id: z.uuid(), number: z.number().int(), name: z.string() }).nullable(),
  slotStart: z.string().nullable(),
  bookingCode: z.string().nullable(),
  officerName: z.string().nullable(),
  dossierCode: z.string().nullable(),
  calledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  rated: z.boolean(),
});
export type TicketView = z.infer<typeof TicketView>;

export const BookingInput = z.strictObject({
  groupId: z.uuid(),
  slotStart: z.iso.datetime({ offset: true }),
  phone: z.string().trim().regex(/^\+?\d{9,12}$/, { message: 'phone_format' }).optional(),
});
export const Slot = z.object({ start: z.string(), end: z.string(), booked: z.number().int(), capacity: z.number().int(), available: z.boolean() });
export const SlotList = z.object({ day: z.string(), open: z.boolean(), slots: z.array(Slot) });

export const BoardCounter = z.object({
  counterId: z.uuid(),
  counterNumber: z.number().int(),
  counterName: z.string(),
  ticketNumber: z.string().nullable(),
  groupName: z.string().nullable(),
  status: z.enum(['called', 'serving']).nullable(),
});
export const BoardCall = z.object({ ticketId: z.uuid(), number: z.string(), counterNumber: z.number().int(), counterName: z.string(), at: z.string() });
export const BoardState = z.object({
  centre: CentreRef,
  counters: z.array(BoardCounter),
  lastCalled: z.array(BoardCall),
  waiting: z.array(z.object({ groupId: z.uuid(), prefix: z.string(), name: z.string(), waiting: z.number().int() })),
});
export type BoardState = z.infer<typeof BoardState>;
export type BoardCall = z.infer<typeof BoardCall>;

/** What a board receives live (server-sent events, event name `queue`). */
export const BoardEvent = z.object({
  kind: z.enum(['called', 'recalled', 'changed']),
  centreId: z.uuid(),
  call: BoardCall.nullable(),
  sentAt: z.number(),
});
export type BoardEvent = z.infer<typeof BoardEvent>;

export const WaitingTicket = z.object({ id: z.uuid(), number: z.string(), groupId: z.uuid(), priority: Priority, queuedAt: z.string(), targetCounterId: z.uuid().nullable() });
export const CounterDesk = z.object({
  counter: Counter,
  current: TicketView.nullable(),
  waiting: z.array(WaitingTicket),
  groups: z.array(Group),
  counters: z.array(z.object({ id: z.uuid(), number: z.number().int(), name: z.string() })),
});
export type CounterDesk = z.infer<typeof CounterDesk>;

export const CallInput = z.strictObject({ ticketId: z.uuid() });
export const TransferInput = z
  .strictObject({ groupId: z.uuid().optional(), counterId: z.uuid().optional() })
  .refine((v) => Boolean(v.groupId) !== Boolean(v.counterId), { message: 'transfer_target' });
export const LinkDossierInput = z
  .strictObject({ dossierId: z.uuid().optional(), dossierCode: z.string().trim().min(3).max(60).optional() })
  .refine((v) => Boolean(v.dossierId) || Boolean(v.dossierCode), { message: 'dossier_required' });

export const RatingInput = z.strictObject({
  number: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d{3,6}$/, { message: 'ticket_number_format' }),
  level: RatingLevel,
  reasons: z.array(RatingReason).max(RATING_REASONS.length).default([]),
  comment: nfcText(500).optional(),
});
export const ServedTicket = z.object({ number: z.string(), officerName: z.string().nullable(), counterNumber: z.number().int().nullable(), status: TicketStatus, rated: z.boolean() });

const Figures = z.object({
  issued: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  waiting: z.number().int(),
  avgWaitMinutes: z.number().nullable(),
  maxWaitMinutes: z.number().nullable(),
  avgServiceMinutes: z.number().nullable(),
});
export const QueueStats = z.object({
  centre: CentreRef,
  day: z.string(),
  totals: Figures,
  byGroup: z.array(Figures.extend({ groupId: z.uuid(), prefix: z.string(), name: z.string() })),
  byCounter: z.array(Figures.extend({ counterId: z.uuid(), number: z.number().int(), name: z.string() })),
  byOfficer: z.array(Figures.extend({ officerId: z.uuid(), name: z.string() })),
  byHour: z.array(z.object({ hour: z.number().int(), issued: z.number().int(), served: z.number().int() })),
  ratings: z.object({ very_satisfied: z.number().int(), satisfied: z.number().int(), not_satisfied: z.number().int(), reasons: z.record(z.string(), z.number().int()) }),
});
export type QueueStats = z.infer<typeof QueueStats>;
