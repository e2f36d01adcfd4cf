import { Button, Group, NativeSelect, NumberInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FEE_KINDS, isOneOf } from '../../../shared/catalog/catalogValues.ts';
import type { FeeDraft } from './procedureDraft.ts';

interface FeeRowFieldsProps {
  fee: FeeDraft;
  onChange: (fee: FeeDraft) => void;
  onRemove: () => void;
  /** "khoản 1 — Nộp trực tiếp" */
  context: string;
  path: string;
  errors: Record<string, string>;
}

/** One fee: kind, amount in integer đồng (blank when the catalog gives only words), and the words. */
export function FeeRowFields({ fee, onChange, onRemove, context, path, errors }: FeeRowFieldsProps) {
  const { t, i18n } = useTranslation();
  const vi = i18n.language !== 'en';
  const named = (label: string) => ({ label, 'aria-label': `${label} — ${context}` });
  return (
    <Group gap="sm" align="flex-start" wrap="wrap" data-fee-row>
      <NativeSelect
        {...named(t('catalog.admin.edit.feeKind'))}
        data={FEE_KINDS.map((kind) => ({ value: kind, label: t(`catalog.feeKinds.${kind}`) }))}
        value={fee.kind}
        onChange={(event) => {
          const kind = event.currentTarget.value;
          if (isOneOf(FEE_KINDS, kind)) onChange({ ...fee, kind });
        }}
        w={140}
        error={errors[`${path}.kind`]}
      />
      <NumberInput
        {...named(t('catalog.admin.edit.feeAmount'))}
        value={fee.amount}
        onChange={(value) => onChange({ ...fee, amount: typeof value === 'number' ? value : '' })}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={vi ? '.' : ','}
        decimalSeparator={vi ? ',' : '.'}
        w={170}
        error={errors[`${path}.amount`]}
      />
      <Textarea
        {...named(t('catalog.admin.edit.feeText'))}
        value={fee.text}
        onChange={(event) => onChange({ ...fee, text: event.currentTarget.value })}
        autosize
        minRows={1}
        maxRows={5}
        style={{ flex: '1 1 220px' }}
        error={errors[`${path}.text`]}
      />
      <Button variant="subtle" color="red" size="sm" mt={26} onClick={onRemove} aria-label={`${t('catalog.admin.edit.removeFee')} — ${context}`}>
        {t('catalog.admin.edit.removeFee')}
      </Button>
    </Group>
  );
}
