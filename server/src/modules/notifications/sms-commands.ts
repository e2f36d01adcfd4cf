import { unaccent } from '@motcua/core/notifications/unaccent.ts';
import type { AppContext } from '../../context.ts';

/**
 * Inbound SMS commands: the first word of the message (any case, accents ignored) picks a handler from
 * this registry; the rest are its arguments. Modules add their own (`registerSmsCommand('STT', …)` for
 * the queue); anything unknown gets the help text listing every registered command.
 */
export interface SmsCommandRequest {
  ctx: AppContext;
  /** The sender's number as the gateway gave it. */
  from: string;
  args: string[];
}

export interface SmsCommand {
  keyword: string;
  /** One line of the help text, without diacritics, e.g. "HS <ma ho so> <ma tra cuu>: tinh trang ho so". */
  usage: string;
  /** The reply (it is sent without diacritics). */
  handle(request: SmsCommandRequest): Promise<string>;
}

const commands = new Map<string, SmsCommand>();

export function registerSmsCommand(keyword: string, usage: string, handle: SmsCommand['handle']) {
  const key = unaccent(keyword).trim().toUpperCase();
  if (!/^[A-Z0-9]{1,10}$/.test(key)) throw new Error(`SMS keyword must be 1–10 letters or digits: ${keyword}`);
  commands.set(key, { keyword: key, usage, handle });
}

export function registeredSmsCommands(): SmsCommand[] {
  return [...commands.values()].sort((a, b) => a.keyword.localeCompare(b.keyword));
}

export function smsHelpText(): string {
  return `MotCua - tin nhan khong hop le. Cu phap: ${registeredSmsCommands()
    .map((c) => c.usage)
    .join('; ')}`;
}

/** The command a message names (null when none is registered for it) and the reply to send back. */
export async function answerSms(ctx: AppContext, from: string, text: string): Promise<{ command: string | null; reply: string }> {
  const words = unaccent(text).trim().split(/\s+/).filter(Boolean);
  const keyword = (words[0] ?? '').toUpperCase();
  const command = commands.get(keyword);
  if (!command) return { command: null, reply: smsHelpText() };
  const reply = await command.handle({ ctx, from, args: words.slice(1) });
  return { command: command.keyword, reply: unaccent(reply) };
}
