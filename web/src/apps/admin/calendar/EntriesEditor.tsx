import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry, EntryScope, YearChange } from '../../../api/calendar.ts';
import { EntryListEditor } from './EntryListEditor.tsx';

const SCOPES: EntryScope[] = ['official', 'local'];

interface EntriesEditorProps {
  year: number;
  entries: CalendarEntry[];
  onApplied: (scope: EntryScope, change: YearChange) => void;
}

/**
 * The year's two lists. Each list starts over from the saved entries whenever they change (after an
 * apply, or another year), and keeps the rows being edited otherwise.
 */
export function EntriesEditor({ year, entries, onApplied }: EntriesEditorProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Title order={3}>{t('admin.calendar.entries.title', { year })}</Title>
      {SCOPES.map((scope) => {
        const own = entries.filter((e) => e.scope === scope);
        return <EntryListEditor key={`${year}:${scope}:${JSON.stringify(own)}`} year={year} scope={scope} entries={own} onApplied={onApplied} />;
      })}
    </Stack>
  );
}
