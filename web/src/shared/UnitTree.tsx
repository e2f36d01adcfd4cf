import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { buildUnitTree } from './unitTree.ts';
import { UnitTreeItem } from './UnitTreeItem.tsx';
import classes from './UnitTree.module.css';

interface UnitTreeProps {
  units: Unit[];
  /** Buttons shown beside each unit (admin app). */
  renderActions?: (unit: Unit) => ReactNode;
  label?: string;
}

/** Agencies and units as nested lists, always expanded: a province has a few hundred at most. */
export function UnitTree({ units, renderActions, label }: UnitTreeProps) {
  const { t } = useTranslation();
  const roots = buildUnitTree(units);
  if (roots.length === 0) return <Text c="dimmed">{t('units.empty')}</Text>;
  return (
    <ul className={classes.tree} aria-label={label ?? t('units.treeLabel')}>
      {roots.map((node) => (
        <UnitTreeItem key={node.unit.id} node={node} renderActions={renderActions} />
      ))}
    </ul>
  );
}
