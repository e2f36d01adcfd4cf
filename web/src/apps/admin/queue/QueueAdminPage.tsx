import { useState } from 'react';
import { Button, Group, MultiSelect, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queueApi, queuePaths, type QueueSetup } from '../../../api/queue.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { useApiData } from '../../../shared/useApiData.ts';
import { useServiceCentre } from '../../../shared/useServiceCentre.ts';

/** /admin/queue: the centre's service groups (prefix, field), counters and the groups each serves, and the priority rule. */
export function QueueAdminPage() {
  const { t } = useTranslation();
  const { centre } = useServiceCentre();
  const setup = useApiData<QueueSetup>(centre ? queuePaths.setup(centre.id) : null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [group, setGroup] = useState({ prefix: '', name: '', fieldName: '', minutesPerTicket: 10 });
  const [counter, setCounter] = useState({ number: 1, name: '', groupIds: [] as string[] });
  const [maxInRow, setMaxInRow] = useState<number | null>(null);
  const s = setup.data;

  async function run(action: () => Promise<unknown>) {
    setError(null);
    setSaved(false);
    try {
      await action();
      setSaved(true);
      setup.reload();
    } catch (e) {
      setError(e);
    }
  }
  if (!s) return <ProblemAlert error={setup.error} />;
  const groupOptions = s.groups.map((g) => ({ value: g.id, label: `${g.prefix} — ${g.name}` }));
  return (
    <Stack gap="md">
      <Title order={2}>{t('queue.admin.title')}</Title>
      <Text c="dimmed">
        {t('queue.admin.centre')}: {s.centre.name} ·{' '}
        {s.hoursToday.open ? t('queue.hoursToday', { periods: s.hoursToday.periods.map((p) => `${p.start}–${p.end}`).join(', ') }) : t('queue.closedToday')}
      </Text>
      <ProblemAlert error={error} />
      {saved && <Text role="status" c="green">{t('queue.admin.saved')}</Text>}
      <Paper withBorder p="md" component="section" aria-label={t('queue.admin.settings')}>
        <Title order={3} mb="xs">{t('queue.admin.settings')}</Title>
        <Group align="flex-end">
          <NumberInput label={t('queue.admin.maxPriorityInRow')} description={t('queue.admin.maxPriorityHelp')} min={1} max={20} value={maxInRow ?? s.settings.maxPriorityInRow} onChange={(v) => setMaxInRow(Number(v))} w={420} />
          <Button onClick={() => void run(() => queueApi.updateSettings(s.centre.id, { maxPriorityInRow: maxInRow ?? s.settings.maxPriorityInRow }))}>{t('queue.admin.save')}</Button>
        </Group>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('queue.admin.groups')}>
        <Title order={3} mb="xs">{t('queue.admin.groups')}</Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queue.admin.prefix')}</Table.Th>
              <Table.Th>{t('queue.admin.name')}</Table.Th>
              <Table.Th>{t('queue.admin.fieldName')}</Table.Th>
              <Table.Th>{t('queue.admin.minutes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.groups.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td fw={700}>{g.prefix}</Table.Td>
                <Table.Td>{g.name}</Table.Td>
                <Table.Td>{g.fieldName ?? '—'}</Table.Td>
                <Table.Td>{g.minutesPerTicket}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" mt="sm">
          <TextInput label={t('queue.admin.prefix')} value={group.prefix} onChange={(e) => setGroup({ ...group, prefix: e.currentTarget.value })} w={90} />
          <TextInput label={t('queue.admin.name')} value={group.name} onChange={(e) => setGroup({ ...group, name: e.currentTarget.value })} />
          <TextInput label={t('queue.admin.fieldName')} value={group.fieldName} onChange={(e) => setGroup({ ...group, fieldName: e.currentTarget.value })} />
          <NumberInput label={t('queue.admin.minutes')} value={group.minutesPerTicket} min={1} max={240} onChange={(v) => setGroup({ ...group, minutesPerTicket: Number(v) })} w={180} />
          <Button onClick={() => void run(() => queueApi.createGroup(s.centre.id, { ...group, fieldName: group.fieldName || null }))}>{t('queue.admin.addGroup')}</Button>
        </Group>
      </Paper>
      <Paper withBorder p="md" component="section" aria-label={t('queue.admin.counters')}>
        <Title order={3} mb="xs">{t('queue.admin.counters')}</Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('queue.admin.counterNumber')}</Table.Th>
              <Table.Th>{t('queue.admin.name')}</Table.Th>
              <Table.Th>{t('queue.admin.counterGroups')}</Table.Th>
              <Table.Th>{t('queue.admin.officer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.counters.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td fw={700}>{c.number}</Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>
                  <MultiSelect aria-label={`${t('queue.admin.counterGroups')} ${c.name}`} data={groupOptions} value={c.groupIds} onChange={(ids) => void run(() => queueApi.updateCounter(c.id, { groupIds: ids }))} />
                </Table.Td>
                <Table.Td>{c.officer?.name ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group align="flex-end" mt="sm">
          <NumberInput label={t('queue.admin.counterNumber')} value={counter.number} min={1} max={999} onChange={(v) => setCounter({ ...counter, number: Number(v) })} w={120} />
          <TextInput label={t('queue.admin.name')} value={counter.name} onChange={(e) => setCounter({ ...counter, name: e.currentTarget.value })} />
          <MultiSelect label={t('queue.admin.counterGroups')} data={groupOptions} value={counter.groupIds} onChange={(ids) => setCounter({ ...counter, groupIds: ids })} w={320} />
          <Button onClick={() => void run(() => queueApi.createCounter(s.centre.id, counter))}>{t('queue.admin.addCounter')}</Button>
        </Group>
      </Paper>
    </Stack>
  );
}
