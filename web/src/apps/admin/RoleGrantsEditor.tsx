import { useMemo } from 'react';
import { Button, Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { ROLES, type Role } from '@motcua/core/users/schemas.ts';
import { foldedOptionsFilter } from '../../shared/searchText.ts';
import { buildUnitTree, flattenUnitTree } from '../../shared/unitTree.ts';

export interface RoleGrantDraft {
  role: Role | null;
  unitId: string | null;
}

interface RoleGrantsEditorProps {
  value: RoleGrantDraft[];
  onChange: (value: RoleGrantDraft[]) => void;
  units: Unit[];
  /** Field errors by form path: `roles`, `roles[0].unitId` … */
  errors: Record<string, string>;
}

/** The account's roles, each held in one unit of the admin's jurisdiction. */
export function RoleGrantsEditor({ value, onChange, units, errors }: RoleGrantsEditorProps) {
  const { t } = useTranslation();
  const { options, depthOf } = useMemo(() => {
    const flat = flattenUnitTree(buildUnitTree(units));
    return {
      options: flat.map(({ unit }) => ({ value: unit.id, label: unit.name })),
      depthOf: new Map(flat.map(({ unit, depth }) => [unit.id, depth])),
    };
  }, [units]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const update = (index: number, patch: Partial<RoleGrantDraft>) =>
    onChange(value.map((grant, i) => (i === index ? { ...grant, ...patch } : grant)));

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm">
        {t('admin.staff.roles')}
      </Text>
      {value.map((grant, index) => (
        <Fieldset key={index} legend={t('admin.staff.roleRow', { n: index + 1 })} p="sm">
          <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
            <Select
              label={t('admin.staff.role')}
              data={roleOptions}
              value={grant.role}
              onChange={(role) => update(index, { role: role as Role | null })}
              error={errors[`roles[${index}].role`]}
              withAsterisk
            />
            <Select
              label={t('admin.staff.unit')}
              data={options}
              value={grant.unitId}
              onChange={(unitId) => update(index, { unitId })}
              searchable
              filter={foldedOptionsFilter}
              renderOption={({ option }) => <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 14 }}>{option.label}</span>}
              error={errors[`roles[${index}].unitId`]}
              withAsterisk
            />
          </Group>
          {value.length > 1 && (
            <Button
              mt="xs"
              size="compact-sm"
              variant="subtle"
              color="red"
              aria-label={t('admin.staff.removeRoleNumbered', { n: index + 1 })}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              {t('admin.staff.removeRole')}
            </Button>
          )}
        </Fieldset>
      ))}
      {errors.roles && (
        <Text c="red" size="sm" role="alert">
          {errors.roles}
        </Text>
      )}
      <Button
        size="compact-sm"
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => onChange([...value, { role: null, unitId: null }])}
      >
        {t('admin.staff.addRole')}
      </Button>
    </Stack>
  );
}
