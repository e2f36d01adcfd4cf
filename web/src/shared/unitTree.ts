import { UNIT_KINDS, type Unit } from '@motcua/core/units/schemas.ts';

export interface UnitNode {
  unit: Unit;
  depth: number;
  children: UnitNode[];
}

const kindRank = new Map(UNIT_KINDS.map((kind, i) => [kind, i]));
const collator = new Intl.Collator('vi');

/**
 * Units (each with its parentId) as a forest: a unit whose parent is not in the list is a root,
 * which is what a jurisdiction below the province looks like. Siblings sort by kind, then name.
 */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null, depth: number): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .sort((a, b) => (kindRank.get(a.kind) ?? 0) - (kindRank.get(b.kind) ?? 0) || collator.compare(a.name, b.name))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in reading order, each unit with its depth (for indented pickers). */
export function flattenUnitTree(nodes: UnitNode[]): UnitNode[] {
  return nodes.flatMap((node) => [node, ...flattenUnitTree(node.children)]);
}
