import { Anchor, Badge, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PetitionSummaryView } from '../../../api/petitions.ts';
import { ProblemAlert } from '../../../shared/ProblemAlert.tsx';
import { formatDateTime } from '../../../shared/formatDateTime.ts';
import { useApiData } from '../../../shared/useApiData.ts';

const FILTERS = ['received', 'in_progress', 'answered', 'forwarded', ''] as const;

/** /office/petitions: petitions to classify, route, forward and answer, soonest deadline first. */
export function PetitionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>('');
  const { data, error } = useApiData<PetitionSummaryView[]>(`/api/petitions${status ? `?status=${status}` : ''}`);
  return (
    <Stack gap="md">
      <Title order={2}>{t('notify.petitions.listTitle')}</Title>
      <SegmentedControl
        value={status}
        onChange={setStatus}
        data={FILTERS.map((f) => ({ value: f, label: f ? t(`notify.petitions.statuses.${f}`) : t('notify.inbox.all') }))}
      />
      <ProblemAlert error={error} />
      {data && data.length === 0 && <Text>{t('notify.petitions.empty')}</Text>}
      {data && data.length > 0 && (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notify.petitions.code')}</Table.Th>
              <Table.Th>{t('notify.petitions.titleField')}</Table.Th>
              <Table.Th>{t('notify.petitions.status')}</Table.Th>
              <Table.Th>{t('notify.petitions.unit')}</Table.Th>
              <Table.Th>{t('notify.petitions.answerDue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/office/petitions/${p.id}`}>
                    {p.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td>
                  {t(`notify.petitions.statuses.${p.status}`)} {p.overdue && <Badge color="red">{t('notify.petitions.overdue')}</Badge>}
                </Table.Td>
                <Table.Td>{p.unit?.name ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(p.answerDueAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
