import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { SLIP_KINDS, type SlipKind } from '@motcua/core/documents/forms.ts';
import { DigitizationFigures, PaperTemplate, PaperTemplateView, RegisterQuery, RevokeInput, SignInput, SignedDocumentView, SignerKeyUpload, SignerKeyView, TemplateScope, VerificationResult } from '@motcua/core/documents/schemas.ts';
import { DossierDetail, Sha256 } from '@motcua/core/dossiers/schemas.ts';
import { Problem } from '@motcua/core/http/problem.ts';
import type { AppContext } from '../../context.ts';
import type { HttpApp } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { citizenOf, requireCitizen } from '../citizens/citizens.auth.ts';
import { OnlineSubmissionService } from '../dossiers/dossiers.online.ts';
import { requireStaff, staffOf } from '../users/users.auth.ts';
import { DocumentService } from './documents.service.ts';

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const SLIP_FILES = SLIP_KINDS.map((k) => `${k}.pdf`) as [`${SlipKind}.pdf`, ...`${SlipKind}.pdf`[]];
const MAX_VERIFY_BYTES = 20 * 1024 * 1024;

const asciiName = (name: string) => name.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '');

export function registerDocumentRoutes(app: HttpApp, ctx: AppContext) {
  const service = new DocumentService(ctx);
  const staff = requireStaff(ctx);
  const citizen = requireCitizen(ctx);
  const online = new OnlineSubmissionService(ctx);

  const slipRequest = {
    params: z.strictObject({ id: z.uuid(), file: z.enum(SLIP_FILES) }),
    querystring: z.strictObject({ download: z.enum(['1']).optional(), lang: z.enum(['vi', 'en']).optional() }),
    produces: ['application/pdf'],
    response: { 200: z.any(), ...problems },
  };
  const slipKind = (file: string) => file.replace(/\.pdf$/, '') as SlipKind;
  const sendSlip = (reply: FastifyReply, slip: { pdf: Buffer; fileName: string }, download: boolean) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `${download ? 'attachment' : 'inline'}; filename="${asciiName(slip.fileName)}"`)
      .header('cache-control', 'no-store')
      .send(slip.pdf);

  app.get(
    '/api/dossiers/:id/documents/:file',
    {
      preHandler: staff,
      schema: {
        tags: ['documents'],
        summary: 'In phiếu của hồ sơ (PDF) / A slip of the dossier as PDF: receipt, supplement, refusal, apology, stop, control-sheet',
        ...slipRequest,
      },
    },
    async (request, reply) =>
      sendSlip(reply, await service.slip(staffOf(request), request.params.id, slipKind(request.params.file)), Boolean(request.query.download)),
  );

  // The applicant's own papers (the receipt with its QR, a supplement request …) from "my dossiers".
  app.get(
    '/api/citizen/dossiers/:id/documents/:file',
    { preHandler: citizen, schema: { tags: ['documents'], summary: 'Phiếu của hồ sơ tôi đã nộp (PDF) / A paper of my own dossier as PDF', ...slipRequest } },
    async (request, reply) => {
      await online.assertOwn(citizenOf(request).id, request.params.id);
      return sendSlip(reply, await service.slip(null, request.params.id, slipKind(request.params.file)), Boolean(request.query.download));
    },
  );

  app.get(
    '/api/documents/register',
    {
      preHandler: staff,
      schema: {
        tags: ['documents'],
        summary: 'Sổ theo dõi hồ sơ của đơn vị theo kỳ (PDF hoặc Excel) / A unit’s dossier tracking book for a period',
        querystring: RegisterQuery.extend({ format: z.enum(['pdf', 'xlsx']).default('pdf') }),
        produces: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any(), ...problems },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const out = await service.register(staffOf(request), q.unitId, q.from, q.to, q.format);
      return reply.type(out.type).header('content-disposition', `attachment; filename="${asciiName(out.fileName)}"`).header('cache-control', 'no-store').send(out.body);
    },
  );

  app.get(
    '/api/paper-templates',
    { preHandler: staff, schema: { tags: ['documents'], summary: 'Mẫu giấy tờ (tên đơn vị, chức danh, địa danh, chân trang) / Paper templates', response: { 200: z.array(PaperTemplateView), ...problems } } },
    async (request) => service.listTemplates(staffOf(request)),
  );

  app.put(
    '/api/paper-templates/:scope',
    {
      preHandler: staff,
      schema: { tags: ['documents'], summary: 'Lưu mẫu giấy tờ của một đơn vị (hoặc mặc định) / Save the paper template of a unit (or the default)', params: z.strictObject({ scope: TemplateScope }), body: PaperTemplate, response: { 200: PaperTemplateView, ...problems } },
    },
    async (request) => service.saveTemplate(staffOf(request), request.params.scope, request.body),
  );

  app.get(
    '/api/signer-keys/:userId',
    {
      preHandler: staff,
      schema: { tags: ['documents'], summary: 'Chứng thư số người ký đang dùng (quản trị) / The certificate a signer signs with (admin)', params: z.strictObject({ userId: z.uuid() }), response: { 200: SignerKeyView, ...problems } },
    },
    async (request) => service.signerKey(staffOf(request), request.params.userId),
  );

  app.put(
    '/api/signer-keys/:userId',
    {
      preHandler: staff,
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['documents'],
        summary: 'Cài chứng thư số (.p12, base64, có mật khẩu) của nhà cung cấp cho người ký, thay khóa của CA thử nghiệm (quản trị) / Install a signer’s PKCS#12 from a licensed provider in place of the test CA’s key (admin)',
        params: z.strictObject({ userId: z.uuid() }),
        body: SignerKeyUpload,
        response: { 200: SignerKeyView, ...problems },
      },
    },
    async (request) => service.installSignerKey(staffOf(request), request.params.userId, request.body),
  );

  app.post(
    '/api/dossiers/:id/signed-results',
    {
      preHandler: staff,
      schema: { tags: ['documents'], summary: 'Ký số kết quả / A leader signs a result of the dossier (PAdES, visible stamp, verification QR)', params: z.strictObject({ id: z.uuid() }), body: SignInput, response: { 201: SignedDocumentView, ...problems } },
    },
    async (request, reply) => reply.status(201).send(await service.sign(staffOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/dossiers/:id/signed-results',
    { preHandler: staff, schema: { tags: ['documents'], summary: 'Kết quả đã ký số của hồ sơ / Signed results of the dossier', params: z.strictObject({ id: z.uuid() }), response: { 200: z.array(SignedDocumentView), ...problems } } },
    async (request) => service.signedOfDossier(staffOf(request), request.params.id),
  );

  app.get(
    '/api/signed-results/:id/file',
    { preHandler: staff, schema: { tags: ['documents'], summary: 'Tệp kết quả đã ký / The signed PDF', params: z.strictObject({ id: z.uuid() }), produces: ['application/pdf'], response: { 200: z.any(), ...problems } } },
    async (request, reply) => {
      const file = await service.signedFile(staffOf(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${asciiName(file.fileName)}"`).send(fs.createReadStream(file.path));
    },
  );

  app.post(
    '/api/signed-results/:id/revoke',
    { preHandler: staff, schema: { tags: ['documents'], summary: 'Thu hồi văn bản đã ký / Revoke a signed result', params: z.strictObject({ id: z.uuid() }), body: RevokeInput, response: { 200: SignedDocumentView, ...problems } } },
    async (request) => service.revoke(staffOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/dossiers/:id/documents/:documentId/digitized',
    {
      preHandler: staff,
      schema: {
        tags: ['documents'],
        summary: 'Số hóa giấy tờ đã nhận (gắn bản quét) / Mark a received paper digitized with its scanned file',
        params: z.strictObject({ id: z.uuid(), documentId: z.uuid() }),
        body: z.strictObject({ fileSha256: Sha256, fileName: z.string().trim().max(200).nullable().optional() }),
        response: { 200: DossierDetail, ...problems },
      },
    },
    async (request) => service.markDigitized(staffOf(request), request.params.id, request.params.documentId, { sha256: request.body.fileSha256, name: request.body.fileName ?? null }),
  );

  app.get(
    '/api/dossiers/:id/digitization',
    { preHandler: staff, schema: { tags: ['documents'], summary: 'Số hóa của hồ sơ / Digitization of the dossier', params: z.strictObject({ id: z.uuid() }), response: { 200: DigitizationFigures, ...problems } } },
    async (request) => service.digitizationOfDossier(staffOf(request), request.params.id),
  );

  app.get(
    '/api/documents/digitization',
    {
      preHandler: staff,
      schema: {
        tags: ['documents'],
        summary: 'Số hồ sơ, kết quả đã số hóa của đơn vị / Dossiers and results digitized in a unit’s subtree',
        querystring: z.strictObject({ unitId: z.uuid(), from: z.iso.date().optional(), to: z.iso.date().optional(), lang: z.enum(['vi', 'en']).optional() }),
        response: { 200: DigitizationFigures, ...problems },
      },
    },
    async (request) => service.digitizationOfUnit(staffOf(request), request.query.unitId, request.query.from, request.query.to),
  );

  const lookupLimit = { rateLimit: { max: ctx.config.LOOKUP_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  const VerifyRecord = SignedDocumentView.omit({ sha256: true });

  app.get(
    '/api/public/verify/:token',
    {
      config: lookupLimit,
      schema: { tags: ['documents'], summary: 'Xác minh văn bản theo mã QR / The signed result a verification QR points to', params: z.strictObject({ token: z.string().regex(/^[A-Z2-9]{8,40}$/) }), response: { 200: VerifyRecord, 400: Problem, 404: Problem, 429: Problem } },
    },
    async (request) => service.byToken(request.params.token),
  );

  app.register(async (scoped) => {
    scoped.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_VERIFY_BYTES }, (_req, body, done) => done(null, body));
    scoped.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/api/public/verify',
      {
        config: lookupLimit,
        bodyLimit: MAX_VERIFY_BYTES,
        schema: {
          tags: ['documents'],
          summary: 'Xác minh tệp PDF (ai ký, hồ sơ nào, còn nguyên vẹn, đã thu hồi?) / Verify an uploaded PDF',
          consumes: ['application/pdf', 'application/octet-stream'],
          response: { 200: VerificationResult, 400: Problem, 413: Problem, 429: Problem },
        },
      },
      async (request) => {
        const body = request.body as Buffer | undefined;
        if (!body || body.length === 0 || body.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw new AppError(400, 'not_pdf', t('Hãy tải lên một tệp PDF', 'Upload a PDF file'), [{ path: 'body', code: 'not_pdf', message: t('Nội dung không phải PDF', 'The content is not a PDF') }]);
        return service.verify(body);
      },
    );
  });
}
