import { useState } from 'react';
import { Button, FileButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES, uploadFile, type UploadedFile } from '../../api/files.ts';
import { problemOf } from '../../shared/problems.ts';
import { useLang } from '../../shared/useLang.ts';
import { formatBytes } from './formatBytes.ts';

interface FileUploadFieldProps {
  file: UploadedFile | null;
  onUploaded: (file: UploadedFile) => void;
  /** The row this upload belongs to, for the button's accessible name ("Tải tệp — giấy tờ 3"). */
  uploadLabel: string;
  replaceLabel: string;
  error?: string | undefined;
}

/**
 * Uploads as soon as a file is chosen (POST /api/files) and shows what the server kept: name, size
 * and the start of its SHA-256, so the officer sees the scan is stored before the form is sent.
 */
export function FileUploadField({ file, onUploaded, uploadLabel, replaceLabel, error }: FileUploadFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function upload(chosen: File | null) {
    if (!chosen) return;
    setFailure(null);
    if (chosen.size > MAX_UPLOAD_BYTES) {
      setFailure(t('office.reception.fileTooLarge', { name: chosen.name }));
      return;
    }
    setBusy(true);
    try {
      const stored = await uploadFile(chosen);
      onUploaded({ ...stored, fileName: chosen.name });
    } catch (problem) {
      setFailure(problemOf(problem)?.message[lang] ?? t('errors.client'));
    } finally {
      setBusy(false);
    }
  }

  const message = failure ?? error;
  return (
    <Group gap="xs" wrap="wrap">
      <FileButton onChange={upload} accept="application/pdf,image/jpeg,image/png">
        {(props) => (
          <Button {...props} size="compact-sm" variant={file ? 'subtle' : 'light'} loading={busy} aria-label={file ? replaceLabel : uploadLabel}>
            {file ? t('office.reception.replaceFile') : t('office.reception.upload')}
          </Button>
        )}
      </FileButton>
      {busy && (
        <Text size="xs" c="dimmed" role="status">
          {t('office.reception.uploading')}
        </Text>
      )}
      {file && !busy && (
        <Text size="xs" c="green.9" fw={600} role="status" data-testid="upload-ok">
          ✓ {t('office.reception.uploaded', { name: file.fileName, size: formatBytes(file.size, i18n.language), sha: file.sha256.slice(0, 12) })}
        </Text>
      )}
      {message && (
        <Text size="xs" c="red.8" role="alert">
          {message}
        </Text>
      )}
    </Group>
  );
}
