import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Inbound webhook signatures: `X-MotCua-Timestamp` (Unix seconds) and `X-MotCua-Signature`
 * (`sha256=` + hex HMAC-SHA256 under the shared secret of `<timestamp>.<raw body>`). The timestamp is
 * inside the signed text, so an old request cannot be replayed with a fresh one.
 */
export const TIMESTAMP_HEADER = 'x-motcua-timestamp';
export const SIGNATURE_HEADER = 'x-motcua-signature';

export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'invalid' | 'expired';

export function checkWebhookSignature(secret: string | undefined, headers: Record<string, unknown>, rawBody: string, nowMs: number, maxAgeSeconds: number): SignatureCheck {
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !timestamp || !signature) return 'missing';
  // Without a configured secret nothing can be verified: everything is refused.
  if (!secret || !/^\d{1,12}$/.test(timestamp)) return 'invalid';
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxAgeSeconds) return 'expired';
  return 'ok';
}
