import type { Generated } from 'kysely';

type Measures = {
  n: Generated<string | number>;
  supplement_n: Generated<string | number>;
  digitized_n: Generated<string | number>;
  online_ok_n: Generated<string | number>;
  minutes: Generated<string | number>;
  timed_n: Generated<string | number>;
  on_time_766_n: Generated<string | number>;
  result_file_n: Generated<string | number>;
  doc_result_n: Generated<string | number>;
};

export interface ReportsTables {
  report_dossier_fact: {
    dossier_id: string;
    version: number;
    unit_id: string;
    procedure_code: string;
    field: string;
    officer_id: string;
    channel: number;
    day: string;
    intake: 'received' | 'refused' | 'pending';
    end_day: string | null;
    end_outcome: 'early' | 'on_time' | 'late' | 'withdrawn' | 'stopped' | null;
    working_minutes: number | null;
    on_time_766: boolean;
    open: boolean;
    due_at: Date | null;
    supplement_requests: number;
    digitized: boolean;
    doc_result_required: boolean;
    result_file: boolean;
    apology_issued: boolean;
    late_due_at: Date | null;
  };
  report_counter: { grain: 'day' | 'month'; period: string; unit_id: string; channel: number; kind: string; outcome: string } & Measures;
  report_counter_detail: { day: string; unit_id: string; procedure_code: string; field: string; officer_id: string; channel: number; kind: string; outcome: string } & Measures;
  report_duration_hist: { grain: 'day' | 'month'; period: string; unit_id: string; bucket: number; n: Generated<string | number> };
  report_procedure_use: { grain: 'day' | 'month'; period: string; unit_id: string; procedure_code: string; received_n: Generated<string | number>; online_n: Generated<string | number> };
  report_watermark: { name: string; last_event_id: string | number; refreshed_at: Date | null };
  report_index_weight: { indicator_id: string; points: string | number; threshold: string | number | null; updated_at: Date; updated_by: string | null };
}
