/**
 * Retry schedule of the delivery worker: exponential backoff (base × 2^(attempt−1), capped) with
 * "full jitter" between half and all of it, so messages that failed together do not retry in step.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
