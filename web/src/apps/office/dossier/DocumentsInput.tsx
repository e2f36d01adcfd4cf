import { Autocomplete, Button, Group, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UploadedFile } from '../../../api/files.ts';
import { FileUploadField } from '../FileUploadField.tsx';

export interface DocumentInputRow {
  key: string;
  name: string;
  file: UploadedFile | null;
}

interface DocumentsInputProps {
  rows: DocumentInputRow[];
  onChange: (rows: DocumentInputRow[]) => void;
  /** Results: "Tên kết quả 1", "Thêm kết quả"; papers: "Tên giấy tờ 1", "Thêm giấy tờ". */
  kind: 'result' | 'paper';
  errors: Record<string, string>;
  /** Names to offer (the catalog's results of the procedure). */
  suggestions?: string[] | undefined;
}

let rowCounter = 0;
export const newDocumentRow = (name = ''): DocumentInputRow => ({ key: `row-${++rowCounter}`, name, file: null });

/** Papers handed over in an action (a result, a supplement): a name and its file each. */
export function DocumentsInput({ rows, onChange, kind, errors, suggestions = [] }: DocumentsInputProps) {
  const { t } = useTranslation();
  const set = (key: string, patch: Partial<DocumentInputRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      {rows.map((row, i) => {
        const n = i + 1;
        return (
          <Paper withBorder p="xs" key={row.key}>
            <Stack gap={6}>
              <Autocomplete
                label={t(kind === 'result' ? 'dossier.form.resultName' : 'dossier.form.documentName', { n })}
                required
                data={suggestions}
                value={row.name}
                onChange={(name) => set(row.key, { name })}
                error={errors[`${row.key}.name`]}
              />
              <Group justify="space-between" gap="xs">
                <FileUploadField
                  file={row.file}
                  onUploaded={(file) => set(row.key, { file })}
                  uploadLabel={t('office.reception.rowUpload', { n })}
                  replaceLabel={t('office.reception.rowReplaceFile', { n })}
                  error={errors[`${row.key}.file`]}
                />
                {rows.length > 1 && (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange(rows.filter((r) => r.key !== row.key))} aria-label={t('office.reception.rowRemoveDocument', { n })}>
                    {t('office.reception.removeDocument')}
                  </Button>
                )}
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <div>
        <Button size="compact-sm" variant="default" onClick={() => onChange([...rows, newDocumentRow()])}>
          {t(kind === 'result' ? 'dossier.form.addResult' : 'dossier.form.addDocument')}
        </Button>
      </div>
    </Stack>
  );
}
