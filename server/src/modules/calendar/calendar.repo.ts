import { randomUUID } from 'node:crypto';
import type { WorkingHoursSpec } from '@motcua/core/calendar/index.ts';
import type { Queryable } from '../../database.ts';

export async function calendarRevision(db: Queryable): Promise<number> {
  const row = await db.selectFrom('calendar_revision').select('revision').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.revision);
}

export async function bumpRevision(db: Queryable) {
  await db.updateTable('calendar_revision').set((eb) => ({ revision: eb('revision', '+', 1) })).where('id', '=', 1).execute();
}

/** Every entry ever valid (current and replaced), with its validity. */
export function allEntries(db: Queryable) {
  return db
    .selectFrom('calendar_entry')
    .select(['id', 'scope', 'day', 'kind', 'label', 'holiday', 'valid_from', 'valid_to'])
    .orderBy('day')
    .orderBy('scope')
    .execute();
}

export function entriesOfYear(db: Queryable, year: number) {
  return db
    .selectFrom('calendar_entry')
    .select(['scope', 'day', 'kind', 'label', 'holiday'])
    .where('year', '=', year)
    .where('valid_to', 'is', null)
    .orderBy('day')
    .execute();
}

/**
 * Replaces a scope's current entries for a year. `keepPromised`: the old entries stay valid for dossiers
 * received before `now`, the new ones apply from `now`; otherwise the new ones apply to every dossier.
 */
export async function replaceYearEntries(
  db: Queryable,
  scope: 'official' | 'local',
  year: number,
  entries: { date: string; kind: 'off' | 'workday'; label: string; holiday: string | null }[],
  actorId: string | null,
  options: { keepPromised: boolean; now: Date } = { keepPromised: false, now: new Date(0) },
) {
  const current = db.updateTable('calendar_entry').where('scope', '=', scope).where('year', '=', year).where('valid_to', 'is', null);
  if (options.keepPromised) await current.set({ valid_to: options.now }).execute();
  else await db.deleteFrom('calendar_entry').where('scope', '=', scope).where('year', '=', year).execute();
  if (entries.length > 0)
    await db
      .insertInto('calendar_entry')
      .values(
        entries.map((e) => ({
          id: randomUUID(),
          scope,
          day: e.date,
          year,
          kind: e.kind,
          label: e.label,
          holiday: e.holiday,
          created_by: actorId,
          valid_from: options.keepPromised ? options.now : null,
          valid_to: null,
        })),
      )
      .execute();
}

/** The opening hours set on the unit or its nearest ancestor (ids from the unit's path, root first). */
export async function nearestWorkingHours(db: Queryable, pathIds: string[]): Promise<{ unitId: string; spec: WorkingHoursSpec } | null> {
  if (pathIds.length === 0) return null;
  const rows = await db.selectFrom('unit_working_hours').select(['unit_id', 'spec']).where('unit_id', 'in', pathIds).execute();
  for (let i = pathIds.length - 1; i >= 0; i--) {
    const row = rows.find((r) => r.unit_id === pathIds[i]);
    if (row) return { unitId: row.unit_id, spec: row.spec };
  }
  return null;
}

export async function setWorkingHours(db: Queryable, unitId: string, spec: WorkingHoursSpec | null, actorId: string | null, now: Date) {
  if (spec === null) {
    await db.deleteFrom('unit_working_hours').where('unit_id', '=', unitId).execute();
    return;
  }
  await db
    .insertInto('unit_working_hours')
    .values({ unit_id: unitId, spec: JSON.stringify(spec), updated_by: actorId, updated_at: now })
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ spec: JSON.stringify(spec), updated_by: actorId, updated_at: now }))
    .execute();
}
