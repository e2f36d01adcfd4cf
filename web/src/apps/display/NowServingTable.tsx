import { Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BoardState } from '../../api/queue.ts';

/** "Đang phục vụ": the ticket at each counter; "Chưa có lượt gọi" until a counter has one. */
export function NowServingTable({ board, highlight }: { board: BoardState | null; highlight: string | null }) {
  const { t } = useTranslation();
  const rows = (board?.counters ?? []).filter((c) => c.ticketNumber);
  return (
    <Paper bg="dark.6" p="lg" radius="lg" flex={1} component="section" aria-labelledby="now-serving-title">
      <Title order={2} id="now-serving-title" fz={{ base: 28, md: 40 }} c="yellow.4" mb="md">
        {t('display.nowServing')}
      </Title>
      <Table fz={{ base: 22, md: 32 }} c="white" verticalSpacing="md" aria-labelledby="now-serving-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th c="gray.4">{t('display.ticket')}</Table.Th>
            <Table.Th c="gray.4">{t('display.counter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={2} c="gray.5" ta="center">
                {t('display.empty')}
              </Table.Td>
            </Table.Tr>
          ) : (
            rows.map((c) => (
              <Table.Tr key={c.counterId} data-testid={`serving-${c.counterNumber}`} bg={c.ticketNumber === highlight ? 'red.9' : undefined}>
                <Table.Td fw={800} ff="monospace" fz={{ base: 30, md: 48 }}>
                  {c.ticketNumber}
                </Table.Td>
                <Table.Td>{c.counterName}</Table.Td>
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
