import type { Role } from '@motcua/core/users/schemas.ts';

/** The signed-in officer as every permission check sees them. */
export interface StaffPrincipal {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  csrfToken: string;
  sessionHash: string;
  grants: { role: Role; unitId: string; unitName: string; unitPath: string }[];
}

/**
 * A role held in a unit covers that unit and everything below it: the grant's path is a prefix of the
 * target's path. With `roles`, only grants of those roles count.
 */
export function covers(principal: StaffPrincipal, unitPath: string, roles?: readonly Role[]): boolean {
  return principal.grants.some((g) => (!roles || roles.includes(g.role)) && unitPath.startsWith(g.unitPath));
}

/** The roots of the subtrees where the principal holds any of `roles` (all roles when omitted). */
export function jurisdictionRoots(principal: StaffPrincipal, roles?: readonly Role[]): string[] {
  const paths = principal.grants.filter((g) => !roles || roles.includes(g.role)).map((g) => g.unitPath);
  // Drop paths already inside another one.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}
