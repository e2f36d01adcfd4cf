import { useState } from 'react';
import { Button, FileInput, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importContentType, uploadCatalogFile, type ImportReport } from '../../../api/procedures.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';

interface ImportUploadProps {
  /** A report came back (succeeded). */
  onImported: (report: ImportReport) => void;
  /** The server refused the file (the failed run is in the list too). */
  onFailed: () => void;
}

/** Sends a national portal file as it is: detail or list JSON lines, or the Excel list. */
export function ImportUpload({ onImported, onFailed }: ImportUploadProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const contentType = file ? importContentType(file.name) : null;

  async function upload() {
    if (!file || !contentType) return;
    setBusy(true);
    setError(null);
    try {
      const report = await uploadCatalogFile(file, contentType);
      setFile(null);
      onImported(report);
    } catch (failure) {
      setError(failure);
      onFailed();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <FileInput
          label={t('catalog.admin.imports.file')}
          description={t('catalog.admin.imports.fileHint')}
          placeholder={t('catalog.admin.imports.filePlaceholder')}
          accept=".jsonl,.ndjson,.xlsx,application/x-ndjson,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setError(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('common.clear') }}
          error={file && !contentType ? t('catalog.admin.imports.wrongType') : undefined}
          disabled={busy}
          w={{ base: '100%', sm: 420 }}
        />
        <Button onClick={upload} loading={busy} disabled={!file || !contentType}>
          {t('catalog.admin.imports.upload')}
        </Button>
      </Group>
      <ProblemAlert error={error} />
    </Stack>
  );
}
