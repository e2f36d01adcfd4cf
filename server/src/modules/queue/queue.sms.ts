import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './queue.repo.ts';
import { QueueService } from './queue.service.ts';

/**
 * `STT <group>` by SMS: a ticket in that group's line, answered with its number, the people ahead and
 * the expected wait. `<group>` is the group's letter prefix; when several centres use the prefix, the
 * centre's agency code follows (`STT A 000.00.01.H29`). The reply is plain Vietnamese text for the
 * SMS gateway to send back to `from`. The inbound SMS webhook (signed, with its command registry) calls
 * this for messages starting with `STT`; see `QUEUE_SMS_KEYWORD`.
 */
export const QUEUE_SMS_KEYWORD = 'STT';

const COMMAND = /^\s*STT\s+([A-Za-z]{1,2})(?:\s+(\S{1,40}))?\s*$/i;

export async function handleQueueSmsCommand(ctx: AppContext, input: { from: string; text: string }): Promise<string> {
  const match = COMMAND.exec(input.text.normalize('NFC'));
  if (!match) return 'Cú pháp: STT <nhóm dịch vụ>, ví dụ STT A. / Usage: STT <group>, e.g. STT A.';
  const prefix = match[1]!.toUpperCase();
  const centreCode = match[2];
  const service = new QueueService(ctx);
  let groups = await repo.groupsByPrefix(ctx.db, prefix);
  if (centreCode) {
    const centre = await service.centre(centreCode).catch(() => null);
    groups = centre ? groups.filter((g) => g.centre_id === centre.id) : [];
  }
  if (groups.length === 0) return `Không có nhóm dịch vụ "${prefix}"${centreCode ? ` tại ${centreCode}` : ''}. Mời gửi lại theo cú pháp STT <nhóm>, ví dụ STT A.`;
  if (groups.length > 1) return `Nhóm "${prefix}" có ở nhiều trung tâm: gửi STT ${prefix} <mã trung tâm>.`;
  const group = groups[0]!;
  const phone = input.from.replace(/[^\d+]/g, '').slice(0, 15) || null;
  try {
    const ticket = await service.issue(group.centre_id, { groupId: group.id, channel: 'sms', phone });
    const wait = ticket.peopleAhead > 0 ? ` Trước bạn có ${ticket.peopleAhead} người, dự kiến chờ khoảng ${ticket.estimatedWaitMinutes} phút.` : ' Bạn là người tiếp theo.';
    return `Số thứ tự của bạn: ${ticket.number} (${ticket.group.name}) tại ${ticket.centre.name}.${wait}`;
  } catch (error) {
    if (error instanceof AppError) return `Không cấp được số thứ tự: ${error.text.vi}.`;
    throw error;
  }
}
