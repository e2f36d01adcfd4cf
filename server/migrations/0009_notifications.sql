-- Notifications (durable outbox, templates, sandbox inbox, inbound SMS), satisfaction ratings, petitions.

-- Templates are data: one per event kind and channel, Vietnamese with diacritics; SMS go out without them
-- (the optional unaccented_body, else the body stripped of diacritics).
create table notification_template (
  kind text not null,
  channel text not null check (channel in ('sms', 'email')),
  subject text,
  body text not null,
  unaccented_body text,
  enabled boolean not null default true,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (kind, channel)
);

-- The outbox: written in the same transaction as the state change that causes it. dedupe_key is unique per
-- event, channel and recipient (a message at most once per event); it is also the idempotency key the
-- gateway sees, so a send repeated after a crash is recognised as the same message.
create table notification_outbox (
  id uuid primary key,
  -- Write order: messages due at the same moment go out in the order their events happened.
  seq bigint generated always as identity,
  dedupe_key text not null unique,
  kind text not null,
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null,
  subject text,
  body text not null,
  dossier_id uuid,
  dossier_code text,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  -- pending: when to try next; sending: when the claim lapses (a worker that died lets it go then).
  next_attempt_at timestamptz not null,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null,
  sent_at timestamptz
);
create index notification_outbox_due on notification_outbox (next_attempt_at) where status in ('pending', 'sending');
create index notification_outbox_dossier on notification_outbox (dossier_id);

-- What the in-process sandbox gateways "delivered": the demo's and the tests' phone and mailbox. One row
-- per idempotency key, as a real gateway keeps its idempotency keys.
create table sandbox_message (
  id uuid primary key,
  seq bigint generated always as identity,
  idempotency_key text not null unique,
  channel text not null check (channel in ('sms', 'email')),
  recipient text not null,
  subject text,
  body text not null,
  received_at timestamptz not null
);
create index sandbox_message_recipient on sandbox_message (recipient, received_at);

-- Inbound SMS already answered (the gateway's message id): a replayed request is not answered twice.
create table sms_inbound (
  message_id text primary key,
  command text,
  received_at timestamptz not null
);

insert into notification_template (kind, channel, subject, body) values
  ('dossier_received', 'sms', null,
   'MộtCửa: Hồ sơ {{code}} ({{procedure}}) đã được tiếp nhận, hẹn trả {{dueAt}}. Tra cứu: {{lookupUrl}}'),
  ('dossier_received', 'email', 'Hồ sơ {{code}} đã được tiếp nhận',
   E'Kính gửi ông/bà {{applicant}},\n\nHồ sơ {{code}} ({{procedure}}) đã được tiếp nhận lúc {{receivedAt}}; ngày hẹn trả kết quả: {{dueAt}}.\nTra cứu tình trạng hồ sơ: {{lookupUrl}} (mã tra cứu {{secret}}).\n\nTrân trọng,\nBộ phận Một cửa'),
  ('intake_supplement_requested', 'sms', null,
   'MộtCửa: Hồ sơ {{procedure}} nộp trực tuyến cần bổ sung: {{missing}}. Lý do: {{reason}}'),
  ('intake_supplement_requested', 'email', 'Hồ sơ nộp trực tuyến cần bổ sung',
   E'Kính gửi ông/bà {{applicant}},\n\nHồ sơ {{procedure}} ông/bà nộp trực tuyến cần bổ sung, hoàn thiện: {{missing}}.\nLý do: {{reason}}\n\nTrân trọng,\nBộ phận Một cửa'),
  ('supplement_requested', 'sms', null,
   'MộtCửa: Hồ sơ {{code}} cần bổ sung: {{missing}}. Lý do: {{reason}}. Chi tiết: {{lookupUrl}}'),
  ('supplement_requested', 'email', 'Hồ sơ {{code}} cần bổ sung, hoàn thiện',
   E'Kính gửi ông/bà {{applicant}},\n\nHồ sơ {{code}} ({{procedure}}) cần bổ sung, hoàn thiện: {{missing}}.\nLý do: {{reason}}\nTra cứu: {{lookupUrl}}\n\nTrân trọng,\nBộ phận Một cửa'),
  ('result_ready', 'sms', null,
   'MộtCửa: Hồ sơ {{code}} đã có kết quả. Mời ông/bà nhận kết quả tại {{returnPlace}}. Tra cứu: {{lookupUrl}}'),
  ('result_ready', 'email', 'Hồ sơ {{code}} đã có kết quả',
   E'Kính gửi ông/bà {{applicant}},\n\nHồ sơ {{code}} ({{procedure}}) đã có kết quả. Mời ông/bà nhận kết quả tại {{returnPlace}}.\nTra cứu: {{lookupUrl}}\n\nTrân trọng,\nBộ phận Một cửa'),
  ('apology_issued', 'sms', null,
   'MộtCửa xin lỗi: hồ sơ {{code}} chưa kịp trả đúng hẹn ({{reason}}). Hẹn trả mới: {{newDueAt}}.'),
  ('apology_issued', 'email', 'Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{code}}',
   E'Kính gửi ông/bà {{applicant}},\n\nCơ quan chân thành xin lỗi vì hồ sơ {{code}} ({{procedure}}) chưa thể trả kết quả đúng hẹn {{dueAt}}.\nLý do: {{reason}}\nNgày hẹn trả mới: {{newDueAt}}.\n\nTrân trọng,\nThủ trưởng cơ quan'),
  ('rating_invite', 'sms', null,
   'MộtCửa: Cảm ơn ông/bà. Mời đánh giá mức độ hài lòng với hồ sơ {{code}}: {{ratingUrl}}'),
  ('rating_invite', 'email', 'Mời đánh giá mức độ hài lòng: hồ sơ {{code}}',
   E'Kính gửi ông/bà {{applicant}},\n\nHồ sơ {{code}} ({{procedure}}) đã trả kết quả. Mời ông/bà đánh giá mức độ hài lòng: {{ratingUrl}}\n\nTrân trọng,\nBộ phận Một cửa'),
  ('petition_answered', 'sms', null,
   'MộtCửa: Phản ánh {{code}} đã được trả lời. Xem câu trả lời: {{followUrl}}'),
  ('petition_answered', 'email', 'Phản ánh {{code}} đã được trả lời',
   E'Kính gửi ông/bà {{petitioner}},\n\nPhản ánh, kiến nghị {{code}} ("{{title}}") đã được trả lời. Xem câu trả lời và cho biết ông/bà có hài lòng không: {{followUrl}}\n\nTrân trọng'),
  ('sms_reply', 'sms', null, '{{text}}');

-- Satisfaction: one rating per dossier (the primary key), from the portal, the SMS link or the kiosk.
-- Indicators of Circular 01/2018 art. 13 scored 0–2: 1 and 2 computed from the events, 3 and 4 asked.
create table dossier_rating (
  dossier_id uuid primary key references dossier (id),
  overall text not null check (overall in ('very_satisfied', 'satisfied', 'dissatisfied')),
  total_time_score smallint check (total_time_score between 0 and 2),
  unit_time_score smallint check (unit_time_score between 0 and 2),
  contacts_score smallint not null check (contacts_score between 0 and 2),
  agencies_score smallint not null check (agencies_score between 0 and 2),
  extra_contacts smallint not null,
  agencies_contacted smallint not null,
  comment text,
  source text not null check (source in ('portal', 'sms', 'kiosk')),
  receiving_unit_id uuid not null references unit (id),
  competent_unit_id uuid not null references unit (id),
  rated_at timestamptz not null
);
create index dossier_rating_unit on dossier_rating (competent_unit_id, rated_at);
create index dossier_rating_receiving on dossier_rating (receiving_unit_id, rated_at);

-- Petitions (phản ánh, kiến nghị; NĐ 20/2008 as amended by NĐ 92/2017): registered, classified, routed to
-- the responsible unit or forwarded outside within 5 working days, answered by the deadline, published.
create table petition_code_counter (
  day text primary key,
  last integer not null
);

create table petition (
  id uuid primary key,
  code text not null unique,
  lookup_secret text not null,
  idempotency_key text unique,
  subject_kind text not null check (subject_kind in ('procedure', 'regulation', 'conduct', 'other')),
  title text not null,
  content text not null,
  procedure_code text,
  dossier_code text,
  petitioner jsonb not null,
  status text not null check (status in ('received', 'in_progress', 'forwarded', 'answered', 'refused')),
  category text check (category in ('procedure', 'regulation', 'conduct', 'other')),
  unit_id uuid references unit (id),
  received_at timestamptz not null,
  forward_due_at timestamptz not null,
  answer_due_at timestamptz not null,
  forwarded_at timestamptz,
  forwarded_to text,
  answer text,
  answered_at timestamptz,
  answered_by uuid,
  published boolean not null default false,
  published_at timestamptz,
  feedback text check (feedback in ('satisfied', 'unsatisfied')),
  feedback_comment text,
  feedback_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null
);
create index petition_unit on petition (unit_id, received_at);
create index petition_status on petition (status, answer_due_at);

-- What happened to a petition, who did it and when (the handling history shown to staff).
create table petition_event (
  id bigint generated always as identity primary key,
  petition_id uuid not null references petition (id),
  type text not null,
  at timestamptz not null,
  actor_id uuid,
  unit_id uuid,
  note text,
  data jsonb not null default '{}'
);
create index petition_event_petition on petition_event (petition_id, id);
