-- Queue tickets (số thứ tự) at the service centres: service groups and counters per centre, tickets
-- numbered per group per day, the calls made at the counters, and the citizens' ratings of the officer.

-- Per-centre settings: the fairness bound and the portal's appointment slots.
create table queue_centre (
  centre_id uuid primary key references unit(id),
  -- At most this many priority tickets called in a row at one counter while a normal ticket waits for it.
  max_priority_in_row integer not null default 2 check (max_priority_in_row between 1 and 20),
  slot_minutes integer not null default 30 check (slot_minutes between 5 and 240),
  slot_capacity integer not null default 4 check (slot_capacity between 1 and 500),
  updated_at timestamptz not null default now()
);

-- A service group (by field, lĩnh vực): its tickets are numbered with its letter prefix (A001, B014 …).
create table queue_group (
  id uuid primary key,
  centre_id uuid not null references unit(id),
  prefix text not null check (prefix ~ '^[A-Z]{1,2}$'),
  name text not null,
  field_name text,
  minutes_per_ticket integer not null default 10 check (minutes_per_ticket between 1 and 240),
  sort integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (centre_id, prefix)
);

create table queue_counter (
  id uuid primary key,
  centre_id uuid not null references unit(id),
  number integer not null check (number between 1 and 999),
  name text not null,
  active boolean not null default true,
  -- Priority tickets this counter has called in a row (the fairness rule reads and resets it).
  priority_streak integer not null default 0,
  created_at timestamptz not null default now(),
  unique (centre_id, number)
);

create table queue_counter_group (
  counter_id uuid not null references queue_counter(id) on delete cascade,
  group_id uuid not null references queue_group(id) on delete cascade,
  primary key (counter_id, group_id)
);

-- Who is signed in at a counter: one officer per counter, one counter per officer.
create table queue_counter_session (
  counter_id uuid primary key references queue_counter(id) on delete cascade,
  officer_id uuid not null unique,
  officer_name text not null,
  signed_in_at timestamptz not null
);

-- Gap-free numbering: the row is locked by the upsert until the issuing transaction commits.
create table queue_number_counter (
  group_id uuid not null references queue_group(id),
  day text not null check (day ~ '^\d{4}-\d{2}-\d{2}$'),
  last integer not null,
  primary key (group_id, day)
);

create table queue_ticket (
  id uuid primary key,
  centre_id uuid not null references unit(id),
  group_id uuid not null references queue_group(id),
  day text not null check (day ~ '^\d{4}-\d{2}-\d{2}$'),
  seq integer,
  number text,
  channel text not null check (channel in ('kiosk', 'portal', 'sms', 'counter')),
  priority text not null default 'none' check (priority in ('none', 'elderly', 'disability', 'pregnant', 'appointment')),
  status text not null check (status in ('booked', 'waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  -- Portal bookings: the slot, and the code its QR carries (activated at the kiosk on arrival).
  slot_start timestamptz,
  booking_code text unique,
  phone text,
  issued_at timestamptz not null,
  activated_at timestamptz,
  -- The order in the line (activation; kept on a transfer, so a transferred ticket keeps its place).
  queued_at timestamptz,
  -- A transfer to one counter: only that counter calls it (ahead of its line).
  target_counter_id uuid references queue_counter(id),
  counter_id uuid references queue_counter(id),
  officer_id uuid,
  officer_name text,
  first_called_at timestamptz,
  called_at timestamptz,
  call_count integer not null default 0,
  service_started_at timestamptz,
  finished_at timestamptz,
  dossier_id uuid,
  dossier_code text,
  unique (group_id, day, seq)
);
create index queue_ticket_waiting on queue_ticket (group_id, status, queued_at) where status = 'waiting';
create index queue_ticket_centre_day on queue_ticket (centre_id, day);
create index queue_ticket_at_counter on queue_ticket (counter_id) where status in ('called', 'serving');
create index queue_ticket_number on queue_ticket (centre_id, day, number);

-- Everything that happened to a ticket, in order (the figures and the audit read it).
create table queue_ticket_event (
  id bigint generated always as identity primary key,
  ticket_id uuid not null references queue_ticket(id),
  at timestamptz not null,
  kind text not null,
  counter_id uuid,
  officer_id uuid,
  detail jsonb
);
create index queue_ticket_event_ticket on queue_ticket_event (ticket_id);

-- The citizen's rating of the officer who served the ticket: once per ticket.
create table queue_rating (
  ticket_id uuid primary key references queue_ticket(id),
  centre_id uuid not null references unit(id),
  level text not null check (level in ('very_satisfied', 'satisfied', 'not_satisfied')),
  reasons jsonb not null default '[]',
  comment text,
  officer_id uuid,
  counter_id uuid,
  rated_at timestamptz not null
);
