import { Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentDraft } from './procedureDraft.ts';

interface DocumentRowFieldsProps {
  document: DocumentDraft;
  index: number;
  count: number;
  onChange: (document: DocumentDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  errors: Record<string, string>;
}

/** One required document: heading, name, originals and copies, required; order and removal. */
export function DocumentRowFields({ document, index, count, onChange, onMove, onRemove, errors }: DocumentRowFieldsProps) {
  const { t } = useTranslation();
  const n = index + 1;
  const context = t('catalog.admin.edit.documentNumbered', { n });
  const path = `documents[${index}]`;
  const named = (label: string) => ({ label, 'aria-label': `${label} — ${context}` });
  return (
    <Paper withBorder p="sm" data-document-row={n}>
      <Stack gap="xs">
        <Textarea
          {...named(t('catalog.admin.edit.documentName'))}
          value={document.name}
          onChange={(event) => onChange({ ...document, name: event.currentTarget.value })}
          autosize
          minRows={1}
          maxRows={6}
          error={errors[`${path}.name`]}
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            {...named(t('catalog.admin.edit.documentGroup'))}
            value={document.group}
            onChange={(event) => onChange({ ...document, group: event.currentTarget.value })}
            style={{ flex: '1 1 200px' }}
            error={errors[`${path}.group`]}
          />
          <NumberInput
            {...named(t('catalog.admin.edit.originals'))}
            value={document.originals}
            onChange={(value) => onChange({ ...document, originals: typeof value === 'number' ? value : '' })}
            min={0}
            max={100}
            allowDecimal={false}
            w={110}
            error={errors[`${path}.originals`]}
          />
          <NumberInput
            {...named(t('catalog.admin.edit.copies'))}
            value={document.copies}
            onChange={(value) => onChange({ ...document, copies: typeof value === 'number' ? value : '' })}
            min={0}
            max={100}
            allowDecimal={false}
            w={110}
            error={errors[`${path}.copies`]}
          />
          <Checkbox
            label={t('catalog.admin.edit.required')}
            aria-label={`${t('catalog.admin.edit.required')} — ${context}`}
            checked={document.required}
            onChange={(event) => onChange({ ...document, required: event.currentTarget.checked })}
            mb={8}
          />
        </Group>
        {document.templates.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('catalog.procedure.documents.templates')} {document.templates.map((tpl) => tpl.fileName).join('; ')}
          </Text>
        )}
        <Group gap="xs">
          <Button variant="subtle" size="compact-sm" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`${t('catalog.admin.edit.moveUp')} — ${context}`}>
            {t('catalog.admin.edit.moveUp')}
          </Button>
          <Button variant="subtle" size="compact-sm" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`${t('catalog.admin.edit.moveDown')} — ${context}`}>
            {t('catalog.admin.edit.moveDown')}
          </Button>
          <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove} aria-label={`${t('catalog.admin.edit.removeDocument')} — ${context}`}>
            {t('catalog.admin.edit.removeDocument')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
