import { useMemo, useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { calendarPaths, replaceYearEntries, type CalendarEntry, type EntryScope, type YearChange } from '../../../api/calendar.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { fieldErrorsOf } from '../../../shared/problems.ts';
import { useLang } from '../../../shared/useLang.ts';
import { ChangePreview, type OpenDossiers } from './ChangePreview.tsx';
import { CsvImport } from './CsvImport.tsx';
import { EntryRowFields } from './EntryRowFields.tsx';
import { draftsOf, inputsOf, newDraft, signatureOf, type EntryDraft } from './entryDrafts.ts';

interface EntryListEditorProps {
  year: number;
  scope: EntryScope;
  /** The saved entries of this scope and year. */
  entries: CalendarEntry[];
  onApplied: (scope: EntryScope, change: YearChange) => void;
}

const ROW_FIELD = /^entries\[(\d+)\]\.(date|kind|label|holiday)$/;

/**
 * One list of the year's schedule (the official one, or the province's own days off), edited as rows.
 * "Preview" is a dry run listing the days that would change; "Apply" sends the same rows for real, and
 * is offered only while the preview still matches the rows on screen.
 */
export function EntryListEditor({ year, scope, entries, onApplied }: EntryListEditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [rows, setRows] = useState<EntryDraft[]>(() => draftsOf(entries));
  const [preview, setPreview] = useState<{ change: YearChange; signature: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [openDossiers, setOpenDossiers] = useState<OpenDossiers>('keep');
  const fieldErrors = fieldErrorsOf(error, lang);
  const signature = signatureOf(rows);
  const previewCurrent = preview !== null && preview.signature === signature;
  const savedSignature = useMemo(() => signatureOf(draftsOf(entries)), [entries]);
  const edited = signature !== savedSignature;
  const listName = t(scope === 'official' ? 'admin.calendar.entries.official' : 'admin.calendar.entries.local');
  const headingId = `calendar-entries-${scope}`;

  const update = (index: number, patch: Partial<EntryDraft>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function send(dryRun: boolean) {
    setBusy(dryRun ? 'preview' : 'apply');
    setError(null);
    try {
      const change = await replaceYearEntries(year, scope, inputsOf(rows, scope), dryRun, openDossiers);
      if (dryRun) setPreview({ change, signature });
      else {
        setPreview(null);
        onApplied(scope, change);
      }
    } catch (failure) {
      setError(failure);
      if (dryRun) setPreview(null);
    } finally {
      setBusy(null);
    }
  }

  function reset() {
    setRows(draftsOf(entries));
    setPreview(null);
    setError(null);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={4} id={headingId}>
            {listName}
          </Title>
          <Text size="sm" c="dimmed">
            {t(scope === 'official' ? 'admin.calendar.entries.officialHint' : 'admin.calendar.entries.localHint')}
          </Text>
        </div>
        <ProblemAlert error={error} placed={(path) => Number(ROW_FIELD.exec(path)?.[1] ?? Infinity) < rows.length} />
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.calendar.entries.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} aria-label={t('admin.calendar.entries.tableLabel', { list: listName })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('admin.calendar.entries.date')}</Table.Th>
                  <Table.Th w={160}>{t('admin.calendar.entries.kind')}</Table.Th>
                  <Table.Th>{t('admin.calendar.entries.label')}</Table.Th>
                  {scope === 'official' && <Table.Th w={210}>{t('admin.calendar.entries.holiday')}</Table.Th>}
                  <Table.Th w={70}>
                    <VisuallyHidden>{t('admin.calendar.entries.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => (
                  <EntryRowFields
                    key={row.key}
                    row={row}
                    n={index + 1}
                    year={year}
                    scope={scope}
                    errors={fieldErrors}
                    onChange={(patch) => update(index, patch)}
                    onRemove={() => {
                      // The server's row numbers no longer match the rows on screen.
                      setError(null);
                      setRows(rows.filter((_, i) => i !== index));
                    }}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group gap="sm">
          <Button variant="light" onClick={() => setRows([...rows, newDraft()])}>
            {t('admin.calendar.entries.addRow')}
          </Button>
          <Button variant="default" onClick={reset} disabled={!edited && !preview && !error}>
            {t('admin.calendar.entries.reset')}
          </Button>
          <Button onClick={() => send(true)} loading={busy === 'preview'} disabled={busy !== null}>
            {t('admin.calendar.entries.preview')}
          </Button>
          <Button color="green" onClick={() => send(false)} loading={busy === 'apply'} disabled={!previewCurrent || busy !== null}>
            {t('admin.calendar.entries.apply')}
          </Button>
          {!previewCurrent && (
            <Text size="sm" c="dimmed">
              {t('admin.calendar.entries.previewFirst')}
            </Text>
          )}
        </Group>
        {previewCurrent && <ChangePreview change={preview.change} openDossiers={openDossiers} onOpenDossiersChange={setOpenDossiers} />}
        <CsvImport year={year} scope={scope} onApplied={onApplied} />
        <Anchor href={calendarPaths.entriesCsv(year, scope)} download={`lich-${scope === 'official' ? 'chinh-thuc' : 'rieng-tinh'}-${year}.csv`} size="sm">
          {t('admin.calendar.entries.csvExport')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
