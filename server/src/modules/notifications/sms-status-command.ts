import { messageDateTime } from '@motcua/core/notifications/templates.ts';
import { DossierService } from '../dossiers/dossiers.service.ts';
import { registerSmsCommand } from './sms-commands.ts';

/** `HS <code> <secret>`: the status lookup printed on the receipt, by SMS. */
export function registerDossierStatusCommand() {
  registerSmsCommand('HS', 'HS <ma ho so> <ma tra cuu>: tinh trang ho so', async ({ ctx, args }) => {
    const [code, secret] = args;
    if (!code || !secret) return 'Cu phap: HS <ma ho so> <ma tra cuu>, vi du HS 000.00.06.H56-231027-0361 ABCD2345EF';
    const status = await new DossierService(ctx).publicStatus(code.toUpperCase(), secret);
    if (!status) return `Khong tim thay ho so ${code} voi ma tra cuu nay.`;
    const parts = [`Ho so ${status.code}: ${status.statusName.vi}`];
    if (status.resultReady) parts.push('Da co ket qua, moi ong/ba den nhan');
    else if (status.returnedAt) parts.push(`Da tra ket qua luc ${messageDateTime(Date.parse(status.returnedAt))}`);
    else if (status.dueAt) parts.push(`Hen tra ${messageDateTime(Date.parse(status.dueAt))}`);
    if (status.holdingUnitName && !status.returnedAt) parts.push(`Dang xu ly tai ${status.holdingUnitName}`);
    return `${parts.join('. ')}.`;
  });
}
