import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProcessingTimeFields } from './ProcessingTimeFields.tsx';
import { blankCase, type CaseDraft } from './procedureDraft.ts';

interface CasesEditorProps {
  cases: CaseDraft[];
  onChange: (cases: CaseDraft[]) => void;
  errors: Record<string, string>;
}

/** The procedure's cases (e.g. 1.001193.01), each with its own processing time. */
export function CasesEditor({ cases, onChange, errors }: CasesEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, next: CaseDraft) => onChange(cases.map((old, i) => (i === index ? next : old)));
  return (
    <Stack gap="sm">
      {cases.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('catalog.admin.edit.noCases')}
        </Text>
      )}
      {cases.map((c, index) => {
        const context = t('catalog.admin.edit.caseNumbered', { n: index + 1 });
        return (
          <Paper withBorder p="sm" key={index}>
            <Stack gap="xs">
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('catalog.admin.edit.caseName')}
                  aria-label={`${t('catalog.admin.edit.caseName')} — ${context}`}
                  value={c.name}
                  onChange={(event) => set(index, { ...c, name: event.currentTarget.value })}
                  style={{ flex: '1 1 280px' }}
                  error={errors[`cases[${index}].name`]}
                />
                <TextInput
                  label={t('catalog.admin.edit.caseCode')}
                  aria-label={`${t('catalog.admin.edit.caseCode')} — ${context}`}
                  value={c.code}
                  onChange={(event) => set(index, { ...c, code: event.currentTarget.value })}
                  w={160}
                  error={errors[`cases[${index}].code`]}
                />
                <Button variant="subtle" color="red" size="sm" onClick={() => onChange(cases.filter((_, i) => i !== index))} aria-label={`${t('catalog.admin.edit.removeCase')} — ${context}`}>
                  {t('catalog.admin.edit.removeCase')}
                </Button>
              </Group>
              <ProcessingTimeFields
                time={c.processingTime}
                onChange={(processingTime) => set(index, { ...c, processingTime })}
                context={context}
                path={`cases[${index}].processingTime`}
                errors={errors}
              />
            </Stack>
          </Paper>
        );
      })}
      <Button variant="light" size="compact-sm" w="fit-content" onClick={() => onChange([...cases, blankCase()])}>
        {t('catalog.admin.edit.addCase')}
      </Button>
    </Stack>
  );
}
