-- The procedure catalog: procedures, their immutable versions, what each import said about them,
-- the search columns and the synonyms citizens' words are expanded with.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- Search folding: lower case, no diacritics, đ → d, and the i/y spelling variants after a consonant
-- ("kí"/"ký", "lí"/"lý") made one. unaccent() is only STABLE (its dictionary could change); this wrapper
-- names the dictionary explicitly so it can be IMMUTABLE and feed generated columns and indexes.
create function catalog_fold(value text) returns text
  language sql immutable parallel safe strict
  as $$
    select regexp_replace(
      translate(lower(public.unaccent('public.unaccent'::regdictionary, value)), 'đ', 'd'),
      '([bcdghklmnpqrstvx])y\M', '\1i', 'g')
  $$;

-- A name or a query as compared: folded, punctuation as single spaces, without the "Thủ tục" that
-- starts about a third of the names and that citizens may or may not type.
create function catalog_name_core(value text) returns text
  language sql immutable parallel safe strict
  as $$
    select regexp_replace(btrim(regexp_replace(catalog_fold(value), '[^a-z0-9]+', ' ', 'g')), '^thu tuc ', '')
  $$;

create table catalog_import_run (
  id uuid primary key,
  source text not null,
  format text check (format in ('dvcqg_detail', 'dvcqg_list', 'portal_excel')),
  status text not null check (status in ('running', 'succeeded', 'failed')),
  actor_id uuid,
  started_at timestamptz not null,
  finished_at timestamptz,
  counts jsonb not null default '{}',
  anomalies jsonb not null default '[]',
  error jsonb
);
create index catalog_import_run_started_idx on catalog_import_run (started_at desc);

-- One row per procedure: its identity, the columns listing and filtering need (copied from the current
-- version), and the search columns. The full content lives in procedure_version.
-- Identity is (code, scope): scope is 'national', or the province code of a province's own procedure
-- (two provinces' procedures may share a code in the national list), or 'unknown' when the publishing
-- province could not be told (never shown).
create table procedure (
  id uuid primary key,
  code text not null,
  scope text not null check (scope = 'national' or scope = 'unknown' or scope ~ '^[0-9]{2}$'),
  kind text not null check (kind in ('national', 'internal', 'province_specific')),
  state text not null check (state in ('active', 'updated', 'abolished')),
  name text not null,
  fields text[] not null default '{}',
  levels text[] not null default '{}',
  agencies text[] not null default '{}',
  issuing_agency text,
  online_level text check (online_level in ('information', 'partly_online', 'fully_online')),
  processing_time jsonb,
  has_fees boolean,
  has_detail boolean not null default false,
  missing_components text[] not null default '{}',
  complete boolean generated always as (cardinality(missing_components) = 0) stored,
  keywords text not null default '',
  fields_text text not null default '',
  content_hash text not null,
  current_version_id uuid not null,
  version_count integer not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  name_core text generated always as (catalog_name_core(name)) stored,
  -- Words in the name: fewer extra words rank a name higher when several contain the query.
  name_words integer generated always as (cardinality(string_to_array(catalog_name_core(name), ' '))) stored,
  search_vector tsvector generated always as (
    setweight(to_tsvector('simple'::regconfig, catalog_name_core(name)), 'A') ||
    setweight(to_tsvector('simple'::regconfig, catalog_name_core(keywords)), 'B') ||
    setweight(to_tsvector('simple'::regconfig, catalog_name_core(fields_text)), 'C')
  ) stored,
  unique (code, scope)
);
create index procedure_code_idx on procedure (code);
-- A bulk import leaves its entries in GIN's pending list, which only (auto)vacuum flushes and PGlite
-- never runs: the import flushes it itself (gin_clean_pending_list), or every search would scan it.
create index procedure_search_idx on procedure using gin (search_vector);
create index procedure_fields_idx on procedure using gin (fields);
create index procedure_agencies_idx on procedure using gin (agencies);

-- An immutable snapshot of a procedure as published by one decision. Dossiers keep the id of the
-- version they were received under, so a later change never moves a deadline already promised.
create table procedure_version (
  id uuid primary key,
  procedure_id uuid not null references procedure (id),
  number integer not null,
  content jsonb not null,
  content_hash text not null,
  decision_number text,
  effective_from date,
  source text not null check (source in ('import', 'admin')),
  import_run_id uuid references catalog_import_run (id),
  actor_id uuid,
  created_at timestamptz not null,
  unique (procedure_id, number)
);

-- A procedure row and its first version are written in one transaction, in either order.
alter table procedure add constraint procedure_current_version_fk
  foreign key (current_version_id) references procedure_version (id) deferrable initially deferred;

create function procedure_version_is_immutable() returns trigger
  language plpgsql
  as $$ begin raise exception 'procedure_version % is immutable', old.id; end $$;
create trigger procedure_version_immutable before update or delete on procedure_version
  for each row execute function procedure_version_is_immutable();

-- What each source last said about a procedure (its normalised part of the content). A version's
-- content is these merged, local edits first, then the detail, the list, the Excel list; so importing
-- the same files again, or in another order, changes nothing.
create table procedure_source (
  procedure_id uuid not null references procedure (id),
  format text not null check (format in ('local', 'dvcqg_detail', 'dvcqg_list', 'portal_excel')),
  content_hash text not null,
  data jsonb not null,
  import_run_id uuid references catalog_import_run (id),
  updated_at timestamptz not null,
  primary key (procedure_id, format)
);

-- Words of the catalog's names, keywords and fields: what a misspelt query word is corrected to.
-- Rebuilt after every import or edit.
create table catalog_term (
  term text primary key,
  ndoc integer not null
);
create index catalog_term_trgm_idx on catalog_term using gin (term gin_trgm_ops);

create table catalog_synonym (
  phrase text not null,
  expansion text not null,
  phrase_key text generated always as (catalog_name_core(phrase)) stored,
  expansion_key text generated always as (catalog_name_core(expansion)) stored,
  primary key (phrase, expansion)
);

-- Everyday words citizens type, and what the catalog calls the thing (editable by administrators).
-- An empty expansion marks filler words a name need not contain.
insert into catalog_synonym (phrase, expansion) values
  ('thủ tục', ''),
  ('làm', ''),
  ('xin', ''),
  ('cách', ''),
  ('hướng dẫn', ''),
  ('như thế nào', ''),
  ('thế nào', ''),
  ('ở đâu', ''),
  ('cần gì', ''),
  ('muốn', ''),
  ('tôi', ''),
  ('nhập hộ khẩu', 'đăng ký thường trú'),
  ('đăng ký hộ khẩu', 'đăng ký thường trú'),
  ('chuyển hộ khẩu', 'đăng ký thường trú'),
  ('cắt hộ khẩu', 'xóa đăng ký thường trú'),
  ('hộ khẩu', 'thường trú'),
  ('đăng ký tạm vắng', 'khai báo tạm vắng'),
  ('giấy phép kinh doanh', 'đăng ký thành lập hộ kinh doanh'),
  ('giấy phép kinh doanh', 'đăng ký doanh nghiệp'),
  ('đăng ký kinh doanh', 'đăng ký thành lập hộ kinh doanh'),
  ('mở công ty', 'đăng ký thành lập công ty'),
  ('thành lập công ty', 'đăng ký thành lập công ty'),
  ('giấy khai sinh', 'đăng ký khai sinh'),
  ('khai sinh cho con', 'đăng ký khai sinh'),
  ('giấy chứng tử', 'đăng ký khai tử'),
  ('báo tử', 'đăng ký khai tử'),
  ('giấy đăng ký kết hôn', 'đăng ký kết hôn'),
  ('cưới', 'kết hôn'),
  ('ghi chú', 'ghi vào sổ hộ tịch'),
  ('với người nước ngoài', 'có yếu tố nước ngoài'),
  ('xác nhận độc thân', 'xác nhận tình trạng hôn nhân'),
  ('giấy độc thân', 'xác nhận tình trạng hôn nhân'),
  ('cccd', 'căn cước'),
  ('cmnd', 'căn cước'),
  ('chứng minh nhân dân', 'căn cước'),
  ('căn cước công dân', 'căn cước'),
  ('bị mất', 'cấp lại'),
  ('làm lại', 'cấp lại'),
  ('passport', 'hộ chiếu'),
  ('làm hộ chiếu', 'cấp hộ chiếu phổ thông'),
  ('bằng lái xe', 'giấy phép lái xe'),
  ('bằng lái', 'giấy phép lái xe'),
  ('gplx', 'giấy phép lái xe'),
  ('sổ đỏ', 'giấy chứng nhận quyền sử dụng đất'),
  ('sổ hồng', 'giấy chứng nhận quyền sử dụng đất'),
  ('công chứng', 'chứng thực'),
  ('sao y', 'chứng thực bản sao'),
  ('lý lịch', 'lý lịch tư pháp'),
  ('bhyt', 'bảo hiểm y tế'),
  ('bhxh', 'bảo hiểm xã hội'),
  ('mst', 'mã số thuế'),
  ('xây nhà', 'giấy phép xây dựng'),
  ('biển số xe', 'đăng ký xe');
