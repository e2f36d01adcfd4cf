import type { Generated } from 'kysely';

export interface UsersTables {
  staff_account: {
    id: string;
    username: string;
    full_name: string;
    email: string | null;
    password_hash: string;
    active: Generated<boolean>;
    failed_logins: Generated<number>;
    locked_until: Date | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  role_grant: { user_id: string; role: string; unit_id: string };
  staff_session: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Generated<Date>;
    expires_at: Date;
  };
}
