import { countScore, totalTimeScore, unitTimeScore } from '@motcua/core/ratings/criteria.ts';
import type { RatingForm, RatingInput, UnitSatisfaction } from '@motcua/core/ratings/schemas.ts';
import { vietnamInstant } from '@motcua/core/calendar/vietnam-time.ts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../database.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { t } from '../../platform/i18n.ts';
import { DossierService } from '../dossiers/dossiers.service.ts';
import type { StaffPrincipal } from '../users/principal.ts';
import * as repo from './ratings.repo.ts';

/** Reads a dossier's control sheet for the computed indicators: no person acts, so no permission applies. */
const SYSTEM_READER: StaffPrincipal = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  fullName: 'MộtCửa',
  email: null,
  csrfToken: '',
  sessionHash: '',
  grants: [{ role: 'supervisor', unitId: '00000000-0000-0000-0000-000000000000', unitName: '', unitPath: '' }],
};

const notFound = () => new AppError(404, 'not_found', t('Không tìm thấy hồ sơ với mã và mã tra cứu này', 'No dossier with this code and lookup secret'));

export class RatingService {
  constructor(private readonly ctx: AppContext) {}

  private async dossier(code: string, secret: string) {
    const d = await repo.dossierByCode(this.ctx.db, code.trim().toUpperCase());
    if (!d || d.lookup_secret !== secret.trim().toUpperCase()) throw notFound();
    return d;
  }

  /** Indicators 1 and 2 from the dossier's events (its timeliness and its control sheet). */
  private async computed(dossierId: string): Promise<RatingForm['computed']> {
    const detail = await new DossierService(this.ctx).detail(SYSTEM_READER, dossierId);
    const units = detail.controlSheet.filter((row) => row.dueAt !== null).map((row) => ({ unitName: row.unit?.name ?? '', timeliness: row.timeliness }));
    return {
      totalTime: { score: totalTimeScore(detail.timeliness), timeliness: detail.timeliness },
      unitTime: { score: unitTimeScore(units.map((u) => u.timeliness)), units },
    };
  }

  async form(code: string, secret: string): Promise<RatingForm> {
    const d = await this.dossier(code, secret);
    const rating = await repo.ratingOf(this.ctx.db, d.id);
    return {
      code: d.code!,
      procedureName: d.procedure_name,
      status: d.status,
      returnedAt: d.returned_at?.toISOString() ?? null,
      canRate: d.status === 10 && !rating,
      rating: rating ? { overall: rating.overall, ratedAt: rating.rated_at.toISOString() } : null,
      computed: await this.computed(d.id),
    };
  }

  /** One rating per dossier, after its result was returned (status 10). */
  async rate(code: string, input: RatingInput) {
    const d = await this.dossier(code, input.secret);
    if (d.status !== 10) throw errors.conflict('not_returned', t('Chỉ đánh giá được sau khi hồ sơ đã trả kết quả', 'A dossier can be rated only after its result was returned'));
    const alreadyRated = () => errors.conflict('already_rated', t('Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần', 'This dossier was already rated; each dossier is rated once'));
    if (await repo.ratingOf(this.ctx.db, d.id)) throw alreadyRated();
    const computed = await this.computed(d.id);
    const now = this.ctx.clock.now();
    const row = {
      dossier_id: d.id,
      overall: input.overall,
      total_time_score: computed.totalTime.score,
      unit_time_score: computed.unitTime.score,
      contacts_score: countScore(input.extraContacts),
      agencies_score: countScore(input.otherAgencies),
      extra_contacts: input.extraContacts,
      agencies_contacted: input.otherAgencies,
      comment: input.comment ?? null,
      source: input.source,
      receiving_unit_id: d.receiving_unit_id,
      competent_unit_id: d.competent_unit_id,
      rated_at: now,
    };
    // The primary key settles a race between two submissions: the second insert writes nothing.
    const inserted = await this.ctx.db.insertInto('dossier_rating').values(row).onConflict((oc) => oc.column('dossier_id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw alreadyRated();
    return {
      code: d.code!,
      overall: row.overall,
      scores: { totalTime: row.total_time_score, unitTime: row.unit_time_score, contacts: row.contacts_score, agencies: row.agencies_score },
      source: row.source,
      ratedAt: now.toISOString(),
    };
  }
}

/**
 * Satisfaction per competent unit for ratings made between two Vietnam dates (inclusive), for the
 * statistics module and the supervisor: counts per level, the satisfied share and average 0–2 scores.
 * `unitIds` limits the units (null: all).
 */
export async function satisfactionFigures(db: Queryable, period: { from: string; to: string }, unitIds: string[] | null = null): Promise<UnitSatisfaction[]> {
  const from = new Date(vietnamInstant(period.from));
  const to = new Date(vietnamInstant(period.to) + 86_400_000);
  const rows = await repo.figuresByUnit(db, from, to, unitIds);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => {
    const ratings = Number(r.ratings);
    const happy = Number(r.very_satisfied) + Number(r.satisfied);
    return {
      unitId: r.unit_id,
      unitName: r.unit_name,
      ratings,
      verySatisfied: Number(r.very_satisfied),
      satisfied: Number(r.satisfied),
      dissatisfied: Number(r.dissatisfied),
      satisfiedShare: ratings > 0 ? Math.round((happy / ratings) * 10_000) / 10_000 : null,
      averageScores: { totalTime: num(r.total_time), unitTime: num(r.unit_time), contacts: num(r.contacts), agencies: num(r.agencies) },
    };
  });
}
