import { Badge, Button, Checkbox, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FileUploadField } from '../FileUploadField.tsx';
import type { DocumentDraft } from './receptionDraft.ts';

interface DocumentRowProps {
  doc: DocumentDraft;
  /** The row's number as shown, naming its controls ("Bản chính — giấy tờ 3"). */
  n: number;
  onChange: (doc: DocumentDraft) => void;
  onRemove?: (() => void) | undefined;
  error?: string | undefined;
}

/** One paper of the checklist: handed in or not, how many originals and copies, digitized, its scan. */
export function DocumentRow({ doc, n, onChange, onRemove, error }: DocumentRowProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<DocumentDraft>) => onChange({ ...doc, ...patch });
  const extra = doc.requirementIndex === null;
  return (
    <Paper withBorder p="sm" radius="sm" data-doc-row={n} bg={doc.provided ? 'green.0' : undefined} role="group" aria-label={t('office.reception.docRow', { n })}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Text fw={700} c="dimmed" miw={24} ta="right" aria-hidden>
          {n}.
        </Text>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          {extra ? (
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Checkbox
                aria-label={t('office.reception.docRow', { n })}
                checked={doc.provided}
                onChange={(e) => set({ provided: e.currentTarget.checked })}
                mb={8}
              />
              <TextInput
                style={{ flex: 1 }}
                label={t('office.reception.rowName', { n })}
                value={doc.name}
                onChange={(e) => set({ name: e.currentTarget.value })}
              />
            </Group>
          ) : (
            <Checkbox
              label={
                <>
                  {doc.name}
                  {doc.required && (
                    <Badge size="xs" color="red" variant="light" ml={6} component="span">
                      {t('office.reception.required')}
                    </Badge>
                  )}
                </>
              }
              checked={doc.provided}
              onChange={(e) => set({ provided: e.currentTarget.checked })}
            />
          )}
          <Group gap="sm" wrap="wrap" align="center">
            <NumberInput
              size="xs"
              w={96}
              label={t('office.reception.originals')}
              aria-label={t('office.reception.rowOriginals', { n })}
              min={0}
              max={50}
              allowDecimal={false}
              allowNegative={false}
              value={doc.originals}
              onChange={(value) => set({ originals: value })}
            />
            <NumberInput
              size="xs"
              w={96}
              label={t('office.reception.copies')}
              aria-label={t('office.reception.rowCopies', { n })}
              min={0}
              max={50}
              allowDecimal={false}
              allowNegative={false}
              value={doc.copies}
              onChange={(value) => set({ copies: value })}
            />
            <Checkbox
              size="xs"
              mt={18}
              label={t('office.reception.digitized')}
              aria-label={t('office.reception.rowDigitized', { n })}
              checked={doc.digitized || doc.file !== null}
              disabled={doc.file !== null}
              onChange={(e) => set({ digitized: e.currentTarget.checked })}
            />
            <div style={{ marginTop: 18 }}>
              <FileUploadField
                file={doc.file}
                onUploaded={(file) => set({ file, provided: true, digitized: true })}
                uploadLabel={t('office.reception.rowUpload', { n })}
                replaceLabel={t('office.reception.rowReplaceFile', { n })}
                error={error}
              />
            </div>
            {onRemove && (
              <Button size="compact-sm" variant="subtle" color="red" mt={18} onClick={onRemove} aria-label={t('office.reception.rowRemoveDocument', { n })}>
                {t('office.reception.removeDocument')}
              </Button>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
