import type { ReactNode } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit, UnitKind } from '@motcua/core/units/schemas.ts';
import type { UnitNode } from './unitTree.ts';
import classes from './UnitTree.module.css';

const KIND_COLORS: Record<UnitKind, string> = {
  province_committee: 'red',
  service_centre: 'orange',
  department: 'blue',
  commune_committee: 'teal',
  other: 'gray',
};

interface UnitTreeItemProps {
  node: UnitNode;
  renderActions?: ((unit: Unit) => ReactNode) | undefined;
}

export function UnitTreeItem({ node, renderActions }: UnitTreeItemProps) {
  const { t } = useTranslation();
  const { unit } = node;
  return (
    <li className={classes.item} data-unit-code={unit.code}>
      <Group gap="xs" wrap="wrap" align="center">
        <Text fw={600} c={unit.active ? undefined : 'dimmed'}>
          {unit.name}
        </Text>
        <Badge variant="light" color={KIND_COLORS[unit.kind]} size="sm">
          {t(`unitKinds.${unit.kind}`)}
        </Badge>
        {!unit.active && (
          <Badge variant="outline" color="gray" size="sm">
            {t('units.inactive')}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {t('units.code', { code: unit.code })}
        </Text>
        {renderActions && (
          <Group gap={6} ml="auto">
            {renderActions(unit)}
          </Group>
        )}
      </Group>
      {node.children.length > 0 && (
        <ul className={classes.subtree}>
          {node.children.map((child) => (
            <UnitTreeItem key={child.unit.id} node={child} renderActions={renderActions} />
          ))}
        </ul>
      )}
    </li>
  );
}
