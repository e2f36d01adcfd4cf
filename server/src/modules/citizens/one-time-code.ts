import type { Queryable } from '../../database.ts';
import type { Clock } from '../../platform/clock.ts';

/**
 * How a one-time sign-in code reaches the citizen's phone: one small interface so the notifications
 * outbox (or a real SMS gateway) can take over by passing another implementation in citizens.routes.ts.
 */
export interface OneTimeCodeSender {
  sendOneTimeCode(phone: string, code: string): Promise<void>;
}

/** The sandbox sender: the text lands in `sandbox_sms`, readable at /api/sandbox/sms. */
export function sandboxSmsSender(db: Queryable, clock: Clock): OneTimeCodeSender {
  return {
    async sendOneTimeCode(phone, code) {
      const body = `MotCua: ma dang nhap cua ban la ${code}, hieu luc 5 phut. Khong chia se ma nay.`;
      await db.insertInto('sandbox_sms').values({ phone, body, created_at: clock.now() }).execute();
    },
  };
}
