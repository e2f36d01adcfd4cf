import { Anchor, Radio, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { YearChange } from '../../../api/calendar.ts';
import { dayKindText, formatDayWithWeekday } from './calendarText.ts';
import { formatAppointment } from '../../../shared/vietnamDate.ts';

export type OpenDossiers = 'keep' | 'move';
import classes from './YearCalendar.module.css';

/**
 * The days an edit would change (a dry run's answer): date, kind before → kind after; and the open
 * dossiers whose promised date would move, with the administrator's choice to keep or move them.
 */
export function ChangePreview({
  change,
  title,
  openDossiers,
  onOpenDossiersChange,
}: {
  change: YearChange;
  title?: string | undefined;
  openDossiers?: OpenDossiers;
  onOpenDossiersChange?: (choice: OpenDossiers) => void;
}) {
  const { t } = useTranslation();
  const kind = (value: string) => (
    <span className={classes.kind} data-kind={value} style={{ padding: '1px 8px', borderRadius: 4, display: 'inline-block' }}>
      {dayKindText(value, t)}
    </span>
  );
  return (
    <Stack gap={6} role="status">
      {title && <Text fw={600}>{title}</Text>}
      <Text size="sm" fw={600}>
        {t('admin.calendar.entries.changesTitle', { count: change.changedDays.length })}
      </Text>
      {change.changedDays.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('admin.calendar.entries.noChanges')}
        </Text>
      ) : (
        <Table withTableBorder striped aria-label={t('admin.calendar.entries.changesLabel')} maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.calendar.entries.date')}</Table.Th>
              <Table.Th>{t('admin.calendar.entries.before')}</Table.Th>
              <Table.Th aria-hidden />
              <Table.Th>{t('admin.calendar.entries.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {change.changedDays.map((day) => (
              <Table.Tr key={day.date} data-date={day.date}>
                <Table.Td>{formatDayWithWeekday(day.date, t)}</Table.Td>
                <Table.Td>{kind(day.before)}</Table.Td>
                <Table.Td aria-hidden>→</Table.Td>
                <Table.Td>{kind(day.after)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {change.changedDays.length > 0 && (
        <>
          <Text size="sm" fw={600}>
            {change.affectedDossiers.total > 0 ? t('admin.calendar.entries.affectedTitle', { count: change.affectedDossiers.total }) : t('admin.calendar.entries.affectedNone')}
          </Text>
          {change.affectedDossiers.items.length > 0 && (
            <Table withTableBorder striped aria-label={t('admin.calendar.entries.affectedTitle', { count: change.affectedDossiers.total })} maw={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.calendar.entries.affectedCode')}</Table.Th>
                  <Table.Th>{t('admin.calendar.entries.affectedDue')}</Table.Th>
                  <Table.Th>{t('admin.calendar.entries.affectedMoved')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {change.affectedDossiers.items.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/office/dossiers/${d.id}`}>
                        {d.code ?? d.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{formatAppointment(d.dueAt, t)}</Table.Td>
                    <Table.Td>{d.dueIfMoved ? formatAppointment(d.dueIfMoved, t) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {change.affectedDossiers.total > 0 && onOpenDossiersChange && (
            <Radio.Group label={t('admin.calendar.entries.openDossiersLabel')} value={openDossiers ?? 'keep'} onChange={(v) => onOpenDossiersChange(v as OpenDossiers)}>
              <Stack gap={4} mt={4}>
                <Radio value="keep" label={t('admin.calendar.entries.keepPromised')} />
                <Radio value="move" label={t('admin.calendar.entries.movePromised')} />
              </Stack>
            </Radio.Group>
          )}
        </>
      )}
    </Stack>
  );
}
