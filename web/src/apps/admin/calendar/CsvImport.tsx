import { useState } from 'react';
import { Button, FileInput, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importYearEntriesCsv, type EntryScope, type YearChange } from '../../../api/calendar.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { ChangePreview, type OpenDossiers } from './ChangePreview.tsx';

interface CsvImportProps {
  year: number;
  scope: EntryScope;
  onApplied: (scope: EntryScope, change: YearChange) => void;
}

/**
 * Replaces one list from a CSV file: choosing the file runs a dry run (problems come back per line),
 * and only then can the same file be applied.
 */
export function CsvImport({ year, scope, onApplied }: CsvImportProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<YearChange | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [openDossiers, setOpenDossiers] = useState<OpenDossiers>('keep');

  function discard() {
    setFile(null);
    setText(null);
    setPreview(null);
    setError(null);
  }

  async function choose(chosen: File | null) {
    discard();
    if (!chosen) return;
    setFile(chosen);
    setBusy(true);
    try {
      const content = await chosen.text();
      setText(content);
      setPreview(await importYearEntriesCsv(year, scope, content, true));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (text === null) return;
    setBusy(true);
    setError(null);
    try {
      const change = await importYearEntriesCsv(year, scope, text, false, openDossiers);
      discard();
      onApplied(scope, change);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <FileInput
        label={t('admin.calendar.entries.csvFile')}
        description={t('admin.calendar.entries.csvHint')}
        placeholder={t('admin.calendar.entries.csvPlaceholder')}
        accept=".csv,text/csv"
        value={file}
        onChange={choose}
        clearable
        maw={520}
        disabled={busy}
      />
      <ProblemAlert error={error} />
      {preview && file && (
        <>
          <ChangePreview change={preview} title={t('admin.calendar.entries.csvPreviewOf', { name: file.name })} openDossiers={openDossiers} onOpenDossiersChange={setOpenDossiers} />
          <Group gap="sm">
            <Button color="green" onClick={apply} loading={busy}>
              {t('admin.calendar.entries.csvApply', { name: file.name })}
            </Button>
            <Button variant="default" onClick={discard} disabled={busy}>
              {t('admin.calendar.entries.csvDiscard')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
