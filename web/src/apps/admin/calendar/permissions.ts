import type { Unit } from '@motcua/core/units/schemas.ts';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';

/**
 * What the signed-in officer may change on the calendar page, so the page hides controls the server
 * would refuse (it checks every call itself): the yearly schedule is the province administrators'
 * (admin on the root unit), a unit's hours belong to admins of that unit or of a unit above it.
 */

export function rootUnitOf(units: Unit[]): Unit | null {
  return units.find((u) => u.parentId === null) ?? null;
}

/** The unit and its ancestors, nearest first. */
function lineage(unitId: string, units: Unit[]): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: string[] = [];
  for (let unit = byId.get(unitId); unit && !chain.includes(unit.id); unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    chain.push(unit.id);
  }
  return chain;
}

export function isAdminOver(user: StaffAccount, unitId: string, units: Unit[]): boolean {
  const chain = lineage(unitId, units);
  return user.roles.some((grant) => grant.role === 'admin' && chain.includes(grant.unitId));
}

export function isProvinceAdmin(user: StaffAccount, units: Unit[]): boolean {
  const root = rootUnitOf(units);
  return root !== null && user.roles.some((grant) => grant.role === 'admin' && grant.unitId === root.id);
}
