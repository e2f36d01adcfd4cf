import { useMemo, type CSSProperties } from 'react';
import { Select, type StyleProp } from '@mantine/core';
import type { Unit } from '@motcua/core/units/schemas.ts';
import { foldedOptionsFilter } from '../../../shared/searchText.ts';
import { buildUnitTree, flattenUnitTree } from '../../../shared/unitTree.ts';

interface UnitSelectProps {
  label: string;
  units: Unit[];
  value: string | null;
  onChange: (unitId: string) => void;
  error?: string | undefined;
  /** Wide enough for the long official names ("Trung tâm Phục vụ hành chính công …"). */
  width?: StyleProp<CSSProperties['width']>;
}

/** A unit of the province, indented as in the tree; typing without diacritics finds it. */
export function UnitSelect({ label, units, value, onChange, error, width }: UnitSelectProps) {
  const { options, depthOf } = useMemo(() => {
    const flat = flattenUnitTree(buildUnitTree(units));
    return {
      options: flat.map(({ unit }) => ({ value: unit.id, label: unit.name })),
      depthOf: new Map(flat.map(({ unit, depth }) => [unit.id, depth])),
    };
  }, [units]);
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      searchable
      filter={foldedOptionsFilter}
      renderOption={({ option }) => <span style={{ paddingLeft: (depthOf.get(option.value) ?? 0) * 14 }}>{option.label}</span>}
      error={error}
      comboboxProps={{ position: 'bottom-start' }}
      w={width}
    />
  );
}
