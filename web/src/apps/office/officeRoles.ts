import type { Role } from '@motcua/core/users/schemas.ts';
import type { StaffAccount } from '@motcua/core/users/schemas.ts';

/** The units where the officer holds a counter officer role: where they may receive dossiers. */
export function counterUnits(user: StaffAccount): { id: string; name: string }[] {
  return user.roles.filter((g) => g.role === 'counter_officer').map((g) => ({ id: g.unitId, name: g.unitName }));
}

export function holdsRole(user: StaffAccount, roles: readonly Role[]): boolean {
  return user.roles.some((g) => roles.includes(g.role));
}
