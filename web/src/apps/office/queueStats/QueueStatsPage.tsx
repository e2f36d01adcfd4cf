import { useState } from 'react';
import { Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queuePaths, type QueueStats } from '../../../api/queue.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useServiceCentre } from '../../../shared/useServiceCentre.ts';

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
type Figures = QueueStats['totals'];
const COLUMNS = ['issued', 'served', 'noShows', 'waiting', 'avgWaitMinutes', 'maxWaitMinutes', 'avgServiceMinutes'] as const;
const LABELS = { issued: 'issued', served: 'served', noShows: 'noShows', waiting: 'waitingNow', avgWaitMinutes: 'avgWait', maxWaitMinutes: 'maxWait', avgServiceMinutes: 'avgService' } as const;

function FiguresTable({ title, rows }: { title: string; rows: (Figures & { label: string })[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} mb="sm">
        {title}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            {COLUMNS.map((c) => (
              <Table.Th key={c}>{t(`queue.stats.${LABELS[c]}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>{r.label}</Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c}>{r[c] ?? '—'}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** /office/queue-stats: the supervisor's figures of a day — waits and service times, per hour, no-shows, ratings. */
export function QueueStatsPage() {
  const { t } = useTranslation();
  const { centre } = useServiceCentre();
  const [day, setDay] = useState(today());
  const stats = useApiData<QueueStats>(centre && /^\d{4}-\d{2}-\d{2}$/.test(day) ? queuePaths.stats(centre.id, day) : null);
  const s = stats.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('queue.stats.title')}</Title>
          <Text c="dimmed">{centre?.name}</Text>
        </div>
        <TextInput type="date" label={t('queue.stats.day')} value={day} onChange={(e) => setDay(e.currentTarget.value)} />
      </Group>
      <ProblemAlert error={stats.error} />
      {s && (
        <>
          <FiguresTable title={t('queue.stats.total')} rows={[{ label: t('queue.stats.total'), ...s.totals }]} />
          <FiguresTable title={t('queue.stats.byGroup')} rows={s.byGroup.map((g) => ({ label: `${g.prefix} — ${g.name}`, ...g }))} />
          <FiguresTable title={t('queue.stats.byCounter')} rows={s.byCounter.map((c) => ({ label: c.name, ...c }))} />
          <FiguresTable title={t('queue.stats.byOfficer')} rows={s.byOfficer.map((o) => ({ label: o.name, ...o }))} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md" component="section" aria-label={t('queue.stats.byHour')}>
              <Title order={3} mb="sm">{t('queue.stats.byHour')}</Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('queue.stats.hour')}</Table.Th>
                    <Table.Th>{t('queue.stats.issued')}</Table.Th>
                    <Table.Th>{t('queue.stats.served')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byHour.map((h) => (
                    <Table.Tr key={h.hour}>
                      <Table.Td>{`${String(h.hour).padStart(2, '0')}:00`}</Table.Td>
                      <Table.Td>{h.issued}</Table.Td>
                      <Table.Td>{h.served}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            <Paper withBorder p="md" component="section" aria-label={t('queue.stats.ratings')}>
              <Title order={3} mb="sm">{t('queue.stats.ratings')}</Title>
              <Table>
                <Table.Tbody>
                  {(['very_satisfied', 'satisfied', 'not_satisfied'] as const).map((l) => (
                    <Table.Tr key={l}>
                      <Table.Td>{t(`queue.levels.${l}`)}</Table.Td>
                      <Table.Td>{s.ratings[l]}</Table.Td>
                    </Table.Tr>
                  ))}
                  {Object.entries(s.ratings.reasons).map(([r, n]) => (
                    <Table.Tr key={r}>
                      <Table.Td c="dimmed">{t(`queue.reasons.${r as 'fast'}`)}</Table.Td>
                      <Table.Td>{n}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
