import type { OfficeUnit, OfficeUnitTree } from '@mqlk/shared';

/** A unit of the tree as the pages draw it: how deep below the reader's scope, and its names. */
export interface UnitNode extends OfficeUnit {
  /** 0 for the scope's own unit */
  depth: number;
  /** its names from below the scope down, e.g. 石桥镇 / 东岭村 (the scope unit: its own name) */
  label: string;
}

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The tree in the server's order (the scope first, then path order), with depths and labels. */
export function unitNodes(tree: OfficeUnitTree): UnitNode[] {
  const byId = new Map(tree.units.map((u) => [u.id, u]));
  const root = byId.get(tree.scopeUnitId) ?? tree.units[0];
  const rootDepth = root ? idsOf(root.path).length : 1;
  return tree.units.map((unit) => {
    const chain = idsOf(unit.path)
      .slice(rootDepth)
      .map((id) => byId.get(id)?.name)
      .filter((name): name is string => Boolean(name));
    return {
      ...unit,
      depth: Math.max(0, idsOf(unit.path).length - rootDepth),
      label: chain.length > 0 ? chain.join(' / ') : unit.name,
    };
  });
}

/** The township (乡镇/街道) a unit lies in, or null above township level. */
export function townshipOf(nodes: readonly UnitNode[], unitId: number): UnitNode | null {
  const unit = nodes.find((n) => n.id === unitId);
  if (!unit) return null;
  const chain = idsOf(unit.path);
  return nodes.find((n) => n.kind === 'township' && chain.includes(n.id)) ?? null;
}

export const isOpenUnit = (unit: OfficeUnit) => unit.retiredAt === null;
