import type { Generated } from 'kysely';

export interface NotificationsTables {
  notification_template: {
    kind: string;
    channel: 'sms' | 'email';
    subject: string | null;
    body: string;
    unaccented_body: string | null;
    enabled: Generated<boolean>;
    updated_at: Generated<Date>;
    updated_by: string | null;
  };
  notification_outbox: {
    id: string;
    seq: Generated<number>;
    dedupe_key: string;
    kind: string;
    channel: 'sms' | 'email';
    recipient: string;
    subject: string | null;
    body: string;
    dossier_id: string | null;
    dossier_code: string | null;
    status: Generated<'pending' | 'sending' | 'sent' | 'failed'>;
    attempts: Generated<number>;
    next_attempt_at: Date;
    last_error: string | null;
    provider_message_id: string | null;
    created_at: Date;
    sent_at: Date | null;
  };
  sandbox_message: {
    id: string;
    seq: Generated<number>;
    idempotency_key: string;
    channel: 'sms' | 'email';
    recipient: string;
    subject: string | null;
    body: string;
    received_at: Date;
  };
  sms_inbound: { message_id: string; command: string | null; received_at: Date };
}
