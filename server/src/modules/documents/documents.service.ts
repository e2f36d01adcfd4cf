import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { formFor, paperName, type RuleVersion, type SlipKind } from '@motcua/core/documents/forms.ts';
import { qrText, statusLink, verificationLink } from '@motcua/core/documents/qr.ts';
import { PaperTemplate, type DigitizationFigures, type SignedDocumentView, type SignerKeyUpload, type SignerKeyView, type VerificationResult } from '@motcua/core/documents/schemas.ts';
import type { DossierDetail } from '@motcua/core/dossiers/schemas.ts';
import type { AppContext } from '../../context.ts';
import { publicBaseUrl } from '../../platform/config.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DossierService } from '../dossiers/dossiers.service.ts';
import { getUnitRecord, listCommunes } from '../units/units.service.ts';
import { covers, type StaffPrincipal } from '../users/principal.ts';
import forge from 'node-forge';
import { findAccount } from '../users/users.repo.ts';
import { BadSignerKey, issuerText, KeyStore } from './documents.keys.ts';
import { Paper, vnDate, vnShort } from './documents.paper.ts';
import * as repo from './documents.repo.ts';
import { renderResult } from './documents.result.ts';
import { checkSignature, signPdf } from './documents.signing.ts';
import { renderSlip, SlipUnavailable, type ResolvedTemplate } from './documents.slips.ts';

const BUILT_IN = { officerTitle: 'Người tiếp nhận hồ sơ', headTitle: 'Thủ trưởng cơ quan' };
const RETURN_METHODS: Record<string, string> = { counter: 'Tại Bộ phận Một cửa', electronic: 'Trực tuyến', postal: 'Bưu chính công ích' };
/** A register line stays readable: very long procedure names (some run past 1,000 characters) are cut. */
const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const token = () => {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
};

/** Papers, signed results, verification and digitization figures (REGULATIONS.md §4; TT 03/2025 Art. 5, 13). */
export class DocumentService {
  private readonly dossiers: DossierService;
  readonly keys: KeyStore;

  constructor(private readonly ctx: AppContext) {
    this.dossiers = new DossierService(ctx);
    this.keys = new KeyStore(ctx.config.DATA_DIR, 'MộtCửa');
  }

  private get db() {
    return this.ctx.db;
  }

  get baseUrl() {
    return publicBaseUrl(this.ctx.config);
  }

  /** The wording for papers of `unitId`: its own settings over the default ones over the registry's names. */
  async templateFor(unitId: string): Promise<ResolvedTemplate> {
    const unit = await getUnitRecord(this.db, unitId);
    if (!unit) throw errors.notFound(t('đơn vị', 'Unit'));
    const rows = await repo.templates(this.db, ['default', unitId]);
    const own = rows.find((r) => r.scope === unitId)?.settings ?? {};
    const fallback = rows.find((r) => r.scope === 'default')?.settings ?? {};
    const pick = (key: keyof PaperTemplate) => (own[key] || fallback[key] || '') as string;
    const root = unit.parent_id ? (await this.db.selectFrom('unit').select('name').where('parent_id', 'is', null).executeTakeFirst())?.name ?? '' : '';
    return {
      superiorName: pick('superiorName') || root,
      unitName: pick('unitDisplayName') || unit.name,
      placeName: pick('placeName') || (root || unit.name).replace(/^(Ủy ban nhân dân|UBND)\s+/i, ''),
      officerTitle: pick('officerTitle') || BUILT_IN.officerTitle,
      headTitle: pick('headTitle') || BUILT_IN.headTitle,
      returnPlace: pick('returnPlace'),
      footer: pick('footer'),
    };
  }

  private async communeNames(d: DossierDetail) {
    const codes = [(d.applicant as { address?: { communeCode?: string } }).address?.communeCode, (d.representative as { address?: { communeCode?: string } } | null)?.address?.communeCode].filter((c): c is string => Boolean(c));
    if (codes.length === 0) return {};
    const unit = await getUnitRecord(this.db, d.receivingUnit.id);
    if (!unit) return {};
    const communes = await listCommunes(this.db, unit.province_code).catch(() => []);
    return Object.fromEntries(communes.filter((c) => codes.includes(c.code)).map((c) => [c.code, c.name]));
  }

  statusUrl(d: { code: string | null; lookupSecret: string }) {
    return d.code ? statusLink(this.baseUrl, d.code, d.lookupSecret) : null;
  }

  /**
   * A slip of a dossier the officer may read, as PDF bytes; `null` for the applicant's own dossier,
   * whose ownership the caller has checked.
   */
  async slip(principal: StaffPrincipal | null, dossierId: string, kind: SlipKind): Promise<{ pdf: Buffer; fileName: string }> {
    const d = await this.dossiers.detail(principal, dossierId);
    if (!formFor(d.ruleVersion as RuleVersion, kind))
      throw errors.conflict('not_in_circular', t('Hồ sơ tiếp nhận trước 01/07/2025 (Thông tư 01/2018) không có mẫu thông báo dừng giải quyết', 'Dossiers received before 1 July 2025 (Circular 01/2018) have no stop notice form'));
    // Papers of the head of agency (apology, stop) come from the competent unit; the others from the receiving one.
    const unitId = kind === 'apology' || kind === 'stop' ? d.competentUnit.id : d.receivingUnit.id;
    const [template, communeNames] = await Promise.all([this.templateFor(unitId), this.communeNames(d)]);
    try {
      const pdf = await renderSlip({ kind, dossier: d, template, issuedAt: this.ctx.clock.now().getTime(), statusUrl: this.statusUrl(d), communeNames });
      return { pdf, fileName: `${kind}-${d.code ?? d.id}.pdf` };
    } catch (error) {
      if (error instanceof SlipUnavailable)
        throw errors.conflict('no_such_event', t('Hồ sơ chưa có sự kiện tương ứng với phiếu này (chưa yêu cầu bổ sung, từ chối, xin lỗi hoặc dừng)', 'The dossier has no event this paper records (no supplement request, refusal, apology or stop yet)'));
      throw error;
    }
  }

  private async unitCovered(principal: StaffPrincipal, unitId: string, roles?: Parameters<typeof covers>[2]) {
    const unit = await getUnitRecord(this.db, unitId);
    if (!unit || !covers(principal, unit.path, roles)) throw errors.forbidden();
    return unit;
  }

  /** The dossier tracking book of a unit for [from, to] (Vietnam dates), as PDF or Excel. */
  async register(principal: StaffPrincipal, unitId: string, from: string, to: string, format: 'pdf' | 'xlsx') {
    const unit = await this.unitCovered(principal, unitId);
    const start = new Date(`${from}T00:00:00+07:00`);
    const end = new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000);
    if (!(end > start)) throw errors.validation([{ path: 'querystring.to', code: 'before_from', message: t('Ngày cuối phải sau ngày đầu', 'The end date must not be before the start') }]);
    const rows = await repo.registerRows(this.db, unitId, start, end);
    const lines = rows.map((r, i) => {
      const a = r.applicant as { fullName?: string; phone?: string; address?: { detail?: string } };
      return [String(i + 1), r.code ?? '', `${r.procedure_code} — ${shorten(r.procedure_name, 160)}`, a.fullName ?? '', [a.address?.detail, a.phone].filter(Boolean).join('; '), r.competent_name, vnShort(r.received_at), vnShort(r.effective_due_at), vnShort(r.returned_at), RETURN_METHODS[r.return_method] ?? r.return_method, ''];
    });
    const heads = ['STT', 'Mã hồ sơ', 'Thủ tục hành chính', 'Người nộp', 'Địa chỉ, số điện thoại', 'Cơ quan chủ trì giải quyết', 'Ngày nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Hình thức nhận kết quả', 'Ký nhận'];
    const fileBase = `so-theo-doi-${unit.code}-${from}-${to}`;
    if (format === 'xlsx') {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Sổ theo dõi hồ sơ');
      sheet.addRow([`SỔ THEO DÕI HỒ SƠ — ${unit.name}`]).font = { bold: true, size: 14 };
      sheet.addRow([`Từ ngày ${vnDate(start)} đến ngày ${to.split('-').reverse().join('/')}`]);
      sheet.addRow(heads).font = { bold: true };
      for (const l of lines) sheet.addRow(l);
      [6, 28, 50, 24, 30, 32, 17, 17, 17, 20, 12].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
      return { body: Buffer.from(await book.xlsx.writeBuffer()), type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${fileBase}.xlsx` };
    }
    const template = await this.templateFor(unitId);
    const form = formFor('nd118_2025', 'register')!;
    const paper = new Paper({
      qrText: qrText({ dossierCode: null, procedureCode: '-', applicantId: null, documentName: `${paperName('nd118_2025', 'register')} ${from} – ${to}`, link: null }),
      superiorName: template.superiorName,
      unitName: template.unitName,
      number: `Từ ${vnDate(start)} đến ${to.split('-').reverse().join('/')}`,
      placeName: template.placeName,
      issuedAt: this.ctx.clock.now().getTime(),
      formLabel: `Mẫu số ${form.number} — ${form.circular} (Mẫu số 06 — Thông tư số 01/2018/TT-VPCP)`,
      title: form.title,
      subtitle: `${lines.length} hồ sơ`,
      footer: template.footer,
      landscape: true,
      pdfTitle: `Sổ theo dõi hồ sơ ${unit.code} ${from} – ${to}`,
    });
    paper.table(heads.map((title, i) => ({ title, width: [4, 16, 18, 10, 12, 12, 8, 8, 8, 8, 6][i]!, align: i === 0 ? ('center' as const) : ('left' as const) })), lines, { size: 8.5 });
    return { body: await paper.finish(), type: 'application/pdf', fileName: `${fileBase}.pdf` };
  }

  // ---- templates -------------------------------------------------------------------------------

  private async requireAdmin(principal: StaffPrincipal) {
    const root = await this.db.selectFrom('unit').select('path').where('parent_id', 'is', null).executeTakeFirst();
    if (!root || !covers(principal, root.path, ['admin'])) throw errors.forbidden();
  }

  async listTemplates(principal: StaffPrincipal) {
    await this.requireAdmin(principal);
    const rows = await repo.allTemplates(this.db);
    const units = rows.length ? await this.db.selectFrom('unit').select(['id', 'name']).where('id', 'in', rows.filter((r) => r.scope !== 'default').map((r) => r.scope).concat(['00000000-0000-0000-0000-000000000000'])).execute() : [];
    const list = rows.map((r) => ({ scope: r.scope, unitName: units.find((u) => u.id === r.scope)?.name ?? null, template: PaperTemplate.parse(r.settings), updatedAt: r.updated_at.toISOString() }));
    if (!list.some((x) => x.scope === 'default')) list.unshift({ scope: 'default', unitName: null, template: PaperTemplate.parse({}), updatedAt: null as unknown as string });
    return list;
  }

  async saveTemplate(principal: StaffPrincipal, scope: string, template: PaperTemplate) {
    await this.requireAdmin(principal);
    let unitName: string | null = null;
    if (scope !== 'default') {
      const unit = await getUnitRecord(this.db, scope);
      if (!unit) throw errors.validation([{ path: 'params.scope', code: 'unknown_unit', message: t('Không có đơn vị này', 'No such unit') }]);
      unitName = unit.name;
    }
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertTemplate(trx, scope, template, principal.id);
      await recordAudit(trx, { actorId: principal.id, action: 'paper_template.save', objectType: 'paper_template', objectId: scope === 'default' ? null : scope });
    });
    return { scope, unitName, template, updatedAt: this.ctx.clock.now().toISOString() };
  }

  // ---- signed results --------------------------------------------------------------------------

  private view(r: NonNullable<Awaited<ReturnType<typeof repo.signedById>>>): SignedDocumentView {
    return {
      id: r.id,
      token: r.token,
      dossierCode: r.dossier_code,
      resultCode: r.result_code,
      procedureName: r.procedure_name,
      signerName: r.signer_name,
      signerTitle: r.signer_title,
      unitName: r.unit_name,
      signedAt: r.signed_at.toISOString(),
      sha256: r.sha256,
      certificateSubject: r.certificate_subject,
      certificateSerial: r.certificate_serial,
      revoked: r.revoked_at !== null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
      revokedReason: r.revoked_reason,
      verificationUrl: verificationLink(this.baseUrl, r.token),
    };
  }

  /** A leader signs a result of the dossier with their key; the signed PDF is stored and registered. */
  async sign(principal: StaffPrincipal, dossierId: string, input: { resultCode: string; summary?: string | undefined }) {
    const d = await this.dossiers.detail(principal, dossierId);
    const competent = await getUnitRecord(this.db, d.competentUnit.id);
    const leaderGrant = principal.grants.find((g) => g.role === 'leader' && competent && competent.path.startsWith(g.unitPath));
    if (!leaderGrant) throw errors.forbidden();
    const result = d.documents.find((x) => x.purpose === 'result' && x.resultCode === input.resultCode);
    if (!result) throw errors.validation([{ path: 'body.resultCode', code: 'unknown_result', message: t('Hồ sơ không có kết quả mang mã này', 'The dossier has no result with this code') }]);
    let file: { bytes: Buffer; mediaType: string; name: string } | null = null;
    if (result.fileSha256 && this.ctx.files.has(result.fileSha256)) {
      const stored = await this.db.selectFrom('stored_file').select('media_type').where('sha256', '=', result.fileSha256).executeTakeFirst();
      file = { bytes: fs.readFileSync(this.ctx.files.pathOf(result.fileSha256)), mediaType: stored?.media_type ?? 'application/pdf', name: result.fileName ?? `${result.resultCode}.pdf` };
    }
    const template = await this.templateFor(d.competentUnit.id);
    const key = this.keys.signerKey(principal.id, principal.fullName, leaderGrant.unitName);
    const signedAt = this.ctx.clock.now();
    const verifyToken = token();
    const verificationUrl = verificationLink(this.baseUrl, verifyToken);
    const signer = { name: principal.fullName, title: template.headTitle, unitName: template.unitName };
    const pdf = await renderResult({ dossier: d, resultCode: input.resultCode, resultName: result.name, summary: input.summary ?? null, template, signer, signedAt: signedAt.getTime(), token: verifyToken, verificationUrl, file });
    const signed = await signPdf(pdf, key, { reason: `Ky so ket qua ${input.resultCode}`, name: principal.fullName, location: template.placeName, signingTime: signedAt });
    const stored = await this.ctx.files.put(signed);
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('stored_file').values({ sha256: stored.sha256, media_type: 'application/pdf', size: stored.size, created_by: principal.id }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      await repo.upsertSignerKey(trx, { user_id: principal.id, certificate_pem: key.certificatePem, subject: key.subject, serial: key.serial, not_after: key.notAfter });
      await trx.insertInto('signed_document').values({
        id, token: verifyToken, dossier_id: d.id, result_code: input.resultCode, sha256: stored.sha256, signer_id: principal.id, signer_name: signer.name, signer_title: signer.title,
        unit_name: signer.unitName, signed_at: signedAt, certificate_subject: key.subject, certificate_serial: key.serial,
      }).execute();
      await recordAudit(trx, { actorId: principal.id, action: 'result.sign', objectType: 'dossier', objectId: d.id, detail: { resultCode: input.resultCode, sha256: stored.sha256 } });
    });
    return this.view((await repo.signedById(this.db, id))!);
  }

  async signedOfDossier(principal: StaffPrincipal, dossierId: string) {
    await this.dossiers.detail(principal, dossierId);
    return (await repo.signedOfDossier(this.db, dossierId)).map((r) => this.view(r));
  }

  /** The signed file's bytes, for staff who may read the dossier. */
  async signedFile(principal: StaffPrincipal, id: string) {
    const row = await repo.signedById(this.db, id);
    if (!row) throw errors.forbidden();
    await this.dossiers.detail(principal, row.dossier_id);
    return { path: this.ctx.files.pathOf(row.sha256), fileName: `${row.result_code}.pdf` };
  }

  async revoke(principal: StaffPrincipal, id: string, reason: string) {
    const row = await repo.signedById(this.db, id);
    if (!row) throw errors.forbidden();
    const d = await this.dossiers.detail(principal, row.dossier_id);
    await this.unitCovered(principal, d.competentUnit.id, ['leader', 'admin']);
    if (row.revoked_at) throw errors.conflict('already_revoked', t('Văn bản đã bị thu hồi trước đó', 'The document was already revoked'));
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('signed_document').set({ revoked_at: this.ctx.clock.now(), revoked_by: principal.id, revoked_reason: reason }).where('id', '=', id).execute();
      await recordAudit(trx, { actorId: principal.id, action: 'result.revoke', objectType: 'signed_document', objectId: id, detail: { reason } });
    });
    return this.view((await repo.signedById(this.db, id))!);
  }

  // ---- verification ----------------------------------------------------------------------------

  // ---- signer keys -----------------------------------------------------------------------------

  private static readonly BAD_KEY: Record<BadSignerKey['reason'], { vi: string; en: string }> = {
    unreadable: { vi: 'Không mở được tệp .p12: sai mật khẩu hoặc tệp không phải PKCS#12', en: 'The .p12 file does not open: wrong password or not a PKCS#12 file' },
    no_key: { vi: 'Tệp .p12 phải chứa đúng một khóa bí mật', en: 'The .p12 file must hold exactly one private key' },
    key_mismatch: { vi: 'Tệp .p12 không có chứng thư số của khóa bí mật', en: 'The .p12 file holds no certificate for its private key' },
    not_valid_now: { vi: 'Chứng thư số chưa có hiệu lực hoặc đã hết hạn', en: 'The certificate is not yet valid or has expired' },
    not_for_signing: { vi: 'Chứng thư số không cho phép ký số', en: 'The certificate does not allow digital signatures' },
  };

  /** The certificate a staff member signs with, if they have one yet (administrators only). */
  async signerKey(principal: StaffPrincipal, userId: string): Promise<SignerKeyView> {
    await this.requireAdmin(principal);
    const row = await this.db.selectFrom('signer_key').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw errors.notFound(t('chứng thư số của người ký này', 'Signing certificate of this signer'));
    const cert = forge.pki.certificateFromPem(row.certificate_pem);
    return {
      userId,
      subject: row.subject,
      issuer: issuerText(cert),
      serial: row.serial,
      notBefore: cert.validity.notBefore.toISOString(),
      notAfter: row.not_after.toISOString(),
      source: this.keys.isInstalled(userId) ? 'uploaded' : 'local_ca',
    };
  }

  /** An administrator installs a signer's certificate from a licensed provider (.p12 and its password). */
  async installSignerKey(principal: StaffPrincipal, userId: string, input: SignerKeyUpload): Promise<SignerKeyView> {
    await this.requireAdmin(principal);
    const account = await findAccount(this.db, userId);
    if (!account) throw errors.notFound(t('cán bộ', 'Staff member'));
    const bytes = Buffer.from(input.p12, 'base64');
    if (bytes.length === 0 || bytes.toString('base64').replace(/=+$/, '') !== input.p12.replace(/\s+/g, '').replace(/=+$/, ''))
      throw errors.validation([{ path: 'body.p12', code: 'not_base64', message: t('Tệp .p12 phải được gửi dưới dạng base64', 'The .p12 file must be sent as base64') }]);
    let staged;
    try {
      staged = this.keys.install(userId, bytes, input.password, this.ctx.clock.now());
    } catch (e) {
      if (!(e instanceof BadSignerKey)) throw e;
      throw errors.validation([{ path: 'body.p12', code: e.reason, message: t(DocumentService.BAD_KEY[e.reason].vi, DocumentService.BAD_KEY[e.reason].en) }]);
    }
    const installed = staged.key;
    try {
      await this.db.transaction().execute(async (trx) => {
        await repo.upsertSignerKey(trx, { user_id: userId, certificate_pem: installed.certificatePem, subject: installed.subject, serial: installed.serial, not_after: installed.notAfter });
        await recordAudit(trx, { actorId: principal.id, action: 'signer_key.install', objectType: 'staff_account', objectId: userId, detail: { subject: installed.subject, issuer: installed.issuer, serial: installed.serial } });
        // The files last: a statement that failed above leaves the installed key as it was.
        staged.apply();
      });
    } finally {
      staged.discard();
    }
    return { userId, subject: installed.subject, issuer: installed.issuer, serial: installed.serial, notBefore: installed.notBefore.toISOString(), notAfter: installed.notAfter.toISOString(), source: 'uploaded' };
  }

  /** What the QR of a signed result leads to: the record, without the file. */
  async byToken(verifyToken: string) {
    const row = await repo.signedByToken(this.db, verifyToken);
    if (!row) throw new AppError(404, 'not_found', t('Không tìm thấy văn bản với mã xác minh này', 'No document with this verification code'));
    const { sha256: _sha, ...view } = this.view(row);
    return view;
  }

  /** Anyone's uploaded PDF: signed by whom, for which dossier, valid and unchanged, revoked or not. */
  async verify(bytes: Buffer): Promise<VerificationResult> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const check = checkSignature(bytes, this.keys);
    const exact = await repo.signedBySha(this.db, sha256);
    const claimed = exact ?? (check.token ? await repo.signedByToken(this.db, check.token) : undefined);
    const document = claimed ? (({ sha256: _s, ...v }) => v)(this.view(claimed)) : null;
    const base = {
      signatureValid: check.found ? check.signatureValid : null,
      digestMatches: check.digestMatches,
      identicalToIssued: claimed ? Boolean(exact) : null,
      certificateTrusted: check.certificateTrusted,
      signerCertificate: check.signerCertificate,
      signedAt: check.signedAt,
      document,
    };
    if (!check.found && !exact)
      return { ...base, verdict: 'unsigned', message: t('Tệp không có chữ ký số và không phải văn bản do hệ thống ban hành', 'The file carries no digital signature and was not issued by this system') };
    if (exact && check.signatureValid) {
      if (exact.revoked_at) return { ...base, verdict: 'revoked', message: t(`Văn bản hợp lệ nhưng đã bị thu hồi ngày ${vnDate(exact.revoked_at)}: ${exact.revoked_reason ?? ''}`, `The document is genuine but was revoked on ${exact.revoked_at.toISOString().slice(0, 10)}: ${exact.revoked_reason ?? ''}`) };
      return { ...base, verdict: 'valid', message: t('Chữ ký số hợp lệ; tệp đúng nguyên bản do hệ thống ban hành', 'The signature is valid and the file is exactly as issued') };
    }
    if (claimed || check.found && (!check.signatureValid || !check.digestMatches))
      return { ...base, verdict: 'tampered', message: t('Tệp đã bị thay đổi sau khi ký: chữ ký không còn khớp hoặc nội dung khác bản đã ban hành', 'The file was changed after signing: the signature no longer matches or the bytes differ from the issued document') };
    return { ...base, verdict: 'unknown', message: t('Chữ ký số không do hệ thống này cấp; không xác minh được nguồn gốc', 'The signature was not made by this system; its origin cannot be confirmed') };
  }

  // ---- digitization ----------------------------------------------------------------------------

  /** "Dossiers digitized" and "results digitized" for one dossier, for statistics of a unit's subtree, or for a period. */
  digitizationFigures(filter: { dossierId?: string; unitPath?: string; from?: Date; to?: Date }): Promise<DigitizationFigures> {
    return repo.digitization(this.db, filter);
  }

  async digitizationOfUnit(principal: StaffPrincipal, unitId: string, from?: string, to?: string) {
    const unit = await this.unitCovered(principal, unitId);
    return this.digitizationFigures({
      unitPath: unit.path,
      ...(from ? { from: new Date(`${from}T00:00:00+07:00`) } : {}),
      ...(to ? { to: new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000) } : {}),
    });
  }

  async digitizationOfDossier(principal: StaffPrincipal, dossierId: string) {
    await this.dossiers.detail(principal, dossierId);
    return this.digitizationFigures({ dossierId });
  }

  markDigitized(principal: StaffPrincipal, dossierId: string, documentId: string, file: { sha256: string; name: string | null }) {
    return this.dossiers.markDigitized(principal, dossierId, documentId, file);
  }
}

/** For other modules (statistics): the digitization figures over dossiers received by a unit's subtree in a period. */
export function digitizationFigures(ctx: AppContext, filter: { dossierId?: string; unitPath?: string; from?: Date; to?: Date }) {
  return repo.digitization(ctx.db, filter);
}
