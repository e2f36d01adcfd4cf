import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DossierSummary } from '../../../api/dossiers.ts';
import { useLang } from '../../../shared/useLang.ts';
import { DueText } from '../DueText.tsx';
import { WRAPPING_BADGE, statusColor, statusName } from '../dossierText.ts';

/** The queue's rows; the code is a link, and a click anywhere on a row opens the dossier too. */
export function QueueTable({ items }: { items: DossierSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  if (items.length === 0)
    return (
      <Text c="dimmed" p="md">
        {t('office.queue.empty')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={t('office.queue.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('office.queue.code')}</Table.Th>
            <Table.Th>{t('office.queue.procedure')}</Table.Th>
            <Table.Th>{t('office.queue.applicant')}</Table.Th>
            <Table.Th>{t('office.queue.holdingUnit')}</Table.Th>
            <Table.Th>{t('office.queue.assignee')}</Table.Th>
            <Table.Th>{t('office.queue.due')}</Table.Th>
            <Table.Th>{t('office.queue.statusColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-dossier-code={d.code ?? ''} style={{ cursor: 'pointer' }} onClick={() => navigate(`/office/dossiers/${d.id}`)}>
              <Table.Td>
                <Anchor component={Link} to={`/office/dossiers/${d.id}`} ff="monospace" size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} onClick={(e) => e.stopPropagation()}>
                  {d.code ?? t('dossier.noCode')}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.procedureName}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {d.procedureCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.applicantName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.holdingUnit?.name ?? t('common.none')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={d.assignee ? undefined : 'dimmed'}>
                  {d.assignee?.fullName ?? t('office.queue.unassigned')}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueText dueAt={d.effectiveDueAt} overdue={d.overdue} paused={d.paused} />
              </Table.Td>
              <Table.Td>
                <Badge color={statusColor(d.status)} variant="light" styles={WRAPPING_BADGE}>
                  {statusName(d.status, lang)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
