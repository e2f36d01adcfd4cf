import type { Generated } from 'kysely';

export interface QueueTables {
  queue_centre: { centre_id: string; max_priority_in_row: Generated<number>; slot_minutes: Generated<number>; slot_capacity: Generated<number>; updated_at: Generated<Date> };
  queue_group: {
    id: string;
    centre_id: string;
    prefix: string;
    name: string;
    field_name: string | null;
    minutes_per_ticket: Generated<number>;
    sort: Generated<number>;
    active: Generated<boolean>;
    created_at: Generated<Date>;
  };
  queue_counter: { id: string; centre_id: string; number: number; name: string; active: Generated<boolean>; priority_streak: Generated<number>; created_at: Generated<Date> };
  queue_counter_group: { counter_id: string; group_id: string };
  queue_counter_session: { counter_id: string; officer_id: string; officer_name: string; signed_in_at: Date };
  queue_number_counter: { group_id: string; day: string; last: number };
  queue_ticket: {
    id: string;
    centre_id: string;
    group_id: string;
    day: string;
    seq: number | null;
    number: string | null;
    channel: 'kiosk' | 'portal' | 'sms' | 'counter';
    priority: 'none' | 'elderly' | 'disability' | 'pregnant' | 'appointment';
    status: 'booked' | 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';
    slot_start: Date | null;
    booking_code: string | null;
    phone: string | null;
    issued_at: Date;
    activated_at: Date | null;
    queued_at: Date | null;
    target_counter_id: string | null;
    counter_id: string | null;
    officer_id: string | null;
    officer_name: string | null;
    first_called_at: Date | null;
    called_at: Date | null;
    call_count: Generated<number>;
    service_started_at: Date | null;
    finished_at: Date | null;
    dossier_id: string | null;
    dossier_code: string | null;
  };
  queue_ticket_event: {
    id: Generated<number>;
    ticket_id: string;
    at: Date;
    kind: string;
    counter_id: string | null;
    officer_id: string | null;
    detail: string | null;
  };
  queue_rating: {
    ticket_id: string;
    centre_id: string;
    level: 'very_satisfied' | 'satisfied' | 'not_satisfied';
    reasons: string;
    comment: string | null;
    officer_id: string | null;
    counter_id: string | null;
    rated_at: Date;
  };
}
