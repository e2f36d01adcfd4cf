/**
 * A dossier's statistical fact, derived from its events (folded by the dossier lifecycle), its documents,
 * its procedure version and the working calendar valid at its reception. The refresh and the
 * from-scratch check both use this one function, so the counters are always a sum of it.
 */
import { sql } from 'kysely';
import type { WorkingCalendar } from '@motcua/core/calendar/index.ts';
import { vietnamEpochDay } from '@motcua/core/calendar/vietnam-time.ts';
import { DEFAULT_PROCESS } from '@motcua/core/dossiers/process.ts';
import { NO_OFFICER, onTime766, type DossierFact, type EndOutcome } from '@motcua/core/reports/facts.ts';
import type { Queryable } from '../../database.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { derive, eventFromRow, type Derived } from '../dossiers/dossiers.projection.ts';
import type { Db } from '../../database.ts';

const dossierColumns = ['id', 'version', 'channel', 'procedure_code', 'procedure_version_id', 'competent_unit_id', 'receiving_unit_id', 'created_at', 'received_at', 'duration', 'supplement_policy', 'cutoff_15h', 'cutoff_last_hour'] as const;

/** Net working minutes between two instants with the closed clock pauses taken out. */
function netWorkingMinutes(calendar: WorkingCalendar, from: number, to: number, pauses: { start: number; end: number | null }[]) {
  let ms = calendar.workingMsAt(to) - calendar.workingMsAt(from);
  for (const p of pauses) {
    if (p.end === null) continue;
    const s = Math.max(p.start, from);
    const e = Math.min(p.end, to);
    if (e > s) ms -= calendar.workingMsAt(e) - calendar.workingMsAt(s);
  }
  return Math.max(0, ms / 60_000);
}

/** Facts of the given dossiers, read from their events and documents. */
export async function factsOf(db: Db | Queryable, ids: string[]): Promise<DossierFact[]> {
  if (ids.length === 0) return [];
  const [dossiers, events, documents] = await Promise.all([
    db.selectFrom('dossier').select(dossierColumns).where('id', 'in', ids).execute(),
    db.selectFrom('dossier_event').selectAll().where('dossier_id', 'in', ids).orderBy('dossier_id').orderBy('seq').execute(),
    db.selectFrom('dossier_document').select(['dossier_id', 'purpose', 'provided', 'digitized', 'file_sha256']).where('dossier_id', 'in', ids).execute(),
  ]);
  const versionIds = [...new Set(dossiers.map((d) => d.procedure_version_id))];
  const versions = versionIds.length
    ? await db
        .selectFrom('procedure_version')
        .innerJoin('procedure', 'procedure.id', 'procedure_version.procedure_id')
        .select(['procedure_version.id', 'procedure.fields', sql<number>`coalesce(jsonb_array_length(procedure_version.content -> 'results'), 0)`.as('results')])
        .where('procedure_version.id', 'in', versionIds)
        .execute()
    : [];
  const unitIds = [...new Set(dossiers.map((d) => d.receiving_unit_id))];
  const units = await db.selectFrom('unit').select(['id', 'path']).where('id', 'in', unitIds).execute();
  const eventsBy = new Map<string, typeof events>();
  for (const e of events) (eventsBy.get(e.dossier_id) ?? eventsBy.set(e.dossier_id, []).get(e.dossier_id)!).push(e);
  const docsBy = new Map<string, typeof documents>();
  for (const d of documents) (docsBy.get(d.dossier_id) ?? docsBy.set(d.dossier_id, []).get(d.dossier_id)!).push(d);
  const calendars = calendarService(db as Db);
  const facts: DossierFact[] = [];
  for (const d of dossiers) {
    const unit = units.find((u) => u.id === d.receiving_unit_id) ?? null;
    const calendar = await calendars.calendarFor(unit, d.received_at ?? d.created_at, db);
    const version = versions.find((v) => v.id === d.procedure_version_id);
    facts.push(factOf(d, (eventsBy.get(d.id) ?? []).map(eventFromRow), docsBy.get(d.id) ?? [], calendar, { field: version?.fields[0] ?? '', docResultRequired: Number(version?.results ?? 0) > 0 }));
  }
  return facts;
}

type DossierInput = { id: string; channel: number; procedure_code: string; competent_unit_id: string; created_at: Date; duration: unknown; supplement_policy: 'pause' | 'restart'; cutoff_15h: boolean; cutoff_last_hour: boolean };

export function factOf(
  d: DossierInput,
  events: ReturnType<typeof eventFromRow>[],
  documents: { purpose: string; provided: boolean; digitized: boolean; file_sha256: string | null }[],
  calendar: WorkingCalendar,
  procedure: { field: string; docResultRequired: boolean },
  /** The events already derived (the synthetic generator derives once for the projection and the fact). */
  derived: Derived = derive(d as Parameters<typeof derive>[0], events, calendar, DEFAULT_PROCESS),
): DossierFact {
  const s = derived.state;
  const received = s.receivedAt !== null;
  let endDay: number | null = null;
  let endOutcome: EndOutcome | null = null;
  let workingMinutes: number | null = null;
  let onTime = false;
  if (s.resultIssuedAt !== null) {
    endDay = vietnamEpochDay(s.resultIssuedAt);
    endOutcome = derived.timeliness ?? 'on_time';
    workingMinutes = s.clockStart !== null ? netWorkingMinutes(calendar, s.clockStart, s.resultIssuedAt, s.pauses) : null;
    onTime = onTime766({ resultIssuedAt: s.resultIssuedAt, dueWithPauses: derived.dueAt, supplementRequests: s.supplementRequests, netWorkingMinutes: workingMinutes, maxWorkingMinutes: null });
  } else if (s.stoppedAt !== null) {
    endDay = vietnamEpochDay(s.stoppedAt);
    endOutcome = s.withdrawalRequestedAt !== null ? 'withdrawn' : 'stopped';
  }
  const officer = [...s.handovers].reverse().find((h) => h.assigneeId)?.assigneeId ?? NO_OFFICER;
  const intakeDocs = documents.filter((x) => x.purpose === 'intake' && x.provided);
  return {
    dossierId: d.id,
    version: s.version,
    unitId: d.competent_unit_id,
    procedureCode: d.procedure_code,
    field: procedure.field,
    officerId: officer,
    channel: d.channel as 1 | 2 | 3,
    day: vietnamEpochDay(s.receivedAt ?? d.created_at.getTime()),
    intake: s.status === 3 ? 'refused' : received ? 'received' : 'pending',
    endDay,
    endOutcome,
    workingMinutes: workingMinutes === null ? null : Math.round(workingMinutes),
    onTime766: onTime,
    open: received && s.resultIssuedAt === null && s.stoppedAt === null,
    dueAt: received && s.resultIssuedAt === null && s.stoppedAt === null ? derived.effectiveDueAt : null,
    supplementRequests: s.supplementRequests,
    digitized: intakeDocs.length > 0 && intakeDocs.every((x) => x.digitized),
    docResultRequired: procedure.docResultRequired,
    resultFile: documents.some((x) => x.purpose === 'result' && x.file_sha256 !== null),
    apologyIssued: s.apology !== null,
    lateDueAt: endOutcome === 'late' ? derived.dueAt : null,
  };
}
